/**
 * A whole run as a standalone SVG sequence diagram: one lifeline per actor, one arrow per
 * message, in order, with its size and outcome. The picture the Mermaid export describes,
 * drawn here so it opens anywhere without Mermaid.
 */
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
const rowHeight = 30;

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`).replace(/\s+/g, ' ');

/** Long labels are cut (never their size or outcome) so an arrow's text stays between its lifelines. */
const fit = (text: string, room: number) => {
  const max = Math.max(12, Math.floor(room / 6.4));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

export function toSequenceSvg(
  run: SimulationRun,
  flow: Flow,
  colours: DiagramColours = lightDiagramColours,
): string {
  const events = run.events.filter((event) => event.flow === flow);
  const actors: string[] = [];
  for (const event of events)
    for (const name of [event.from, event.to]) if (!actors.includes(name)) actors.push(name);
  const x = (name: string) => margin + column / 2 + actors.indexOf(name) * column;
  const width = margin * 2 + Math.max(1, actors.length) * column;
  const height = headerHeight + events.length * rowHeight + margin;
  const title = `${run.title} (${flow === 'session' ? 'sessions' : 'JWT'})`;

  const heads = actors.map(
    (name) =>
      `<rect x="${x(name) - column / 2 + 8}" y="30" width="${column - 16}" height="24" rx="5" fill="${colours.box}" stroke="${colours.line}"/>` +
      `<text x="${x(name)}" y="46" text-anchor="middle" font-weight="600">${escapeXml(fit(name, column - 20))}</text>` +
      `<line x1="${x(name)}" y1="54" x2="${x(name)}" y2="${height - margin / 2}" stroke="${colours.line}" stroke-dasharray="4 4"/>`,
  );
  const rows = events.map((event, index) =>
    message(event, headerHeight + index * rowHeight + 18, x, colours),
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

function message(event: SimEvent, y: number, x: (name: string) => number, colours: DiagramColours): string {
  const size = event.bytes ? ` (${event.bytes} B)` : '';
  const outcome = event.outcome
    ? ` <tspan fill="${event.outcome === 'accepted' ? colours.accepted : colours.rejected}" font-weight="700">${event.outcome}</tspan>`
    : '';
  const from = x(event.from);
  const to = x(event.to);
  if (from === to)
    return (
      `<rect x="${from - column / 2 + 12}" y="${y - 12}" width="${column - 24}" height="18" rx="3" fill="${colours.box}"/>` +
      `<text x="${from}" y="${y + 1}" text-anchor="middle">${escapeXml(fit(event.label, column - 28))}</text>`
    );
  const dashed = event.kind === 'response' ? ' stroke-dasharray="5 3"' : '';
  const room = Math.abs(to - from) - 16 - (size.length + (event.outcome?.length ?? 0)) * 6.4;
  return (
    `<text x="${(from + to) / 2}" y="${y - 4}" text-anchor="middle">${escapeXml(fit(event.label, room) + size)}${outcome}</text>` +
    `<line class="message" x1="${from}" y1="${y + 2}" x2="${to}" y2="${y + 2}" stroke="${colours.muted}"${dashed} marker-end="url(#arrow)"/>`
  );
}
