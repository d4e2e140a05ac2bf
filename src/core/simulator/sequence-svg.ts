/**
 * A whole run as a standalone SVG sequence diagram: one lifeline per actor, one arrow per
 * message, in order, with its size and outcome. The picture the Mermaid export describes,
 * drawn here so it opens anywhere without Mermaid.
 */
import { actorsOf, eventsOf } from './flow-events';
import type { Flow, SimEvent, SimulationRun } from './types';

/** The colours to draw with; the page passes its theme's, so the file matches the screen. */
export interface DiagramColours {
  background: string;
  text: string;
  muted: string;
  line: string;
  box: string;
  accepted: string;
  rejected: string;
}

export const lightDiagramColours: DiagramColours = {
  background: '#ffffff',
  text: '#111827',
  muted: '#4b5563',
  line: '#9ca3af',
  box: '#f1f3f6',
  accepted: '#15803d',
  rejected: '#b91c1c',
};

const column = 200;
const margin = 24;
const headerHeight = 64;
/** One line of 11 px text, and the space a message needs beyond its lines. */
const lineHeight = 14;
const rowPadding = 16;
/**
 * A generous mean advance of an 11 px system-ui character, so a line measured with it never
 * reaches past its lifelines (the SVG cannot measure text, and the file must open anywhere).
 */
const charWidth = 6.4;

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`).replace(/\s+/g, ' ');

/** A run of words, some drawn as the outcome (coloured, bold). */
interface Piece {
  text: string;
  outcome?: 'accepted' | 'rejected';
}

/**
 * Greedy word wrap into lines of at most `room` pixels: nothing is cut, a label only takes
 * more lines. A single word longer than a line is split, so it cannot overflow either.
 */
export function wrapPieces(pieces: Piece[], room: number): Piece[][] {
  const max = Math.max(8, Math.floor(room / charWidth));
  const lines: Piece[][] = [[]];
  let used = 0;
  for (const piece of pieces) {
    let text = piece.text;
    while (text.length > max) {
      if (used) {
        lines.push([]);
        used = 0;
      }
      lines[lines.length - 1]!.push({ ...piece, text: text.slice(0, max) });
      lines.push([]);
      text = text.slice(max);
    }
    const needed = (used ? 1 : 0) + text.length;
    if (used && used + needed > max) {
      lines.push([]);
      used = 0;
    }
    lines[lines.length - 1]!.push({ ...piece, text });
    used += (used ? 1 : 0) + text.length;
  }
  return lines.filter((line) => line.length);
}

const words = (text: string, outcome?: Piece['outcome']): Piece[] =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (outcome ? { text: word, outcome } : { text: word }));

function drawLines(lines: Piece[][], x: number, firstBaseline: number, colours: DiagramColours): string {
  const tspans = lines.map((line, index) => {
    const body = line
      .map((piece, i) => {
        const text = escapeXml(piece.text);
        const space = i ? ' ' : '';
        return piece.outcome
          ? `${space}<tspan fill="${piece.outcome === 'accepted' ? colours.accepted : colours.rejected}" font-weight="700">${text}</tspan>`
          : space + text;
      })
      .join('');
    return `<tspan x="${x}" dy="${index ? lineHeight : 0}">${body}</tspan>`;
  });
  return `<text x="${x}" y="${firstBaseline}" text-anchor="middle">${tspans.join('')}</text>`;
}

export function toSequenceSvg(
  run: SimulationRun,
  flow: Flow,
  colours: DiagramColours = lightDiagramColours,
): string {
  const events = eventsOf(run, flow);
  const actors = actorsOf(events);
  const x = (name: string) => margin + column / 2 + actors.indexOf(name) * column;
  const width = margin * 2 + Math.max(1, actors.length) * column;
  const title = `${run.title} (${flow === 'session' ? 'sessions' : 'JWT'})`;

  let y = headerHeight;
  const rows = events.map((event) => {
    const row = message(event, y, x, colours);
    y += row.height;
    return row.svg;
  });
  const height = y + margin;

  const heads = actors.map(
    (name) =>
      `<rect x="${x(name) - column / 2 + 8}" y="30" width="${column - 16}" height="24" rx="5" fill="${colours.box}" stroke="${colours.line}"/>` +
      `<text x="${x(name)}" y="46" text-anchor="middle" font-weight="600">${escapeXml(name)}</text>` +
      `<line x1="${x(name)}" y1="54" x2="${x(name)}" y2="${height - margin / 2}" stroke="${colours.line}" stroke-dasharray="4 4"/>`,
  );

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="11">` +
    `<title>${escapeXml(title)}</title>` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${colours.muted}"/></marker></defs>` +
    `<rect width="${width}" height="${height}" fill="${colours.background}"/>` +
    `<g fill="${colours.text}"><text x="${margin}" y="20" font-size="14" font-weight="700">${escapeXml(title)}</text>${heads.join('')}${rows.join('')}</g>` +
    `</svg>\n`
  );
}

/** One event: its words wrapped to fit between its lifelines, its full text also in a <title>. */
function message(
  event: SimEvent,
  top: number,
  x: (name: string) => number,
  colours: DiagramColours,
): { svg: string; height: number } {
  const size = event.bytes ? `(${event.bytes} B)` : '';
  const full = [event.label, size, event.outcome ?? ''].filter(Boolean).join(' ');
  const tooltip = `<title>${escapeXml(`${event.from} → ${event.to}: ${full}`)}</title>`;
  const from = x(event.from);
  const to = x(event.to);
  if (from === to) {
    const lines = wrapPieces(words(event.label), column - 36);
    const boxHeight = lines.length * lineHeight + 4;
    return {
      svg:
        `<g>${tooltip}<rect x="${from - column / 2 + 12}" y="${top + 6}" width="${column - 24}" height="${boxHeight}" rx="3" fill="${colours.box}"/>` +
        `${drawLines(lines, from, top + 6 + 13, colours)}</g>`,
      height: boxHeight + 12,
    };
  }
  const pieces = [
    ...words(event.label),
    ...(size ? [{ text: size }] : []),
    ...(event.outcome ? words(event.outcome, event.outcome) : []),
  ];
  const lines = wrapPieces(pieces, Math.abs(to - from) - 20);
  const arrowY = top + lines.length * lineHeight + 6;
  const dashed = event.kind === 'response' ? ' stroke-dasharray="5 3"' : '';
  return {
    svg:
      `<g>${tooltip}${drawLines(lines, (from + to) / 2, top + 12, colours)}` +
      `<line class="message" x1="${from}" y1="${arrowY}" x2="${to}" y2="${arrowY}" stroke="${colours.muted}"${dashed} marker-end="url(#arrow)"/></g>`,
    height: arrowY - top + rowPadding - 6,
  };
}
