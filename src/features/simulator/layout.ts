/**
 * Where each actor sits in a lane's picture: clients on the left, the edge next, then the
 * servers and services, the stores on the right. Pure arithmetic, so the SVG never measures
 * the DOM (no layout thrash while it animates).
 */

export interface ActorBox {
  name: string;
  x: number;
  y: number;
  role: 'client' | 'edge' | 'server' | 'store' | 'attacker' | 'operator';
}

export const boxWidth = 132;
export const boxHeight = 34;
const columnX = [8, 170, 332, 494];
const rowGap = 48;
/** Two lines of the 12 px caption under the boxes. */
const captionLineHeight = 14;
const captionRoom = 2 * captionLineHeight;
export const stageWidth = 634;

function roleOf(name: string): ActorBox['role'] {
  if (name === 'attacker' || name === 'evil-page') return 'attacker';
  if (name === 'browser' || name === 'partner-page') return 'client';
  if (name === 'admin' || name === 'ops' || name === 'clock') return 'operator';
  if (name.endsWith('-store')) return 'store';
  if (name === 'load-balancer' || name === 'api-gateway' || name === 'auth-server' || name === 'web-server')
    return 'edge';
  return 'server';
}

function columnOf(role: ActorBox['role'], name: string): number {
  if (role === 'client' || role === 'attacker' || role === 'operator') return 0;
  if (role === 'edge') return name === 'web-server' ? 2 : 1;
  if (role === 'store') return 3;
  return 2;
}

/** Actors that do not draw as boxes: the clock is narration only. */
const hidden = new Set(['clock']);

export function layoutActors(names: string[]): { boxes: Map<string, ActorBox>; height: number } {
  const columns: string[][] = [[], [], [], []];
  for (const name of names) {
    if (hidden.has(name)) continue;
    const role = roleOf(name);
    columns[columnOf(role, name)]!.push(name);
  }
  // An empty middle column wastes space: pull the servers left when nothing sits at the edge.
  const rows = Math.max(1, ...columns.map((column) => column.length));
  const boxArea = rows * rowGap + 8;
  // The caption runs under the boxes: room for it, so a full column never touches it.
  const height = boxArea + captionRoom;
  const boxes = new Map<string, ActorBox>();
  columns.forEach((column, index) => {
    const offset = (boxArea - column.length * rowGap) / 2;
    column.forEach((name, row) => {
      boxes.set(name, { name, role: roleOf(name), x: columnX[index]!, y: offset + row * rowGap + 7 });
    });
  });
  return { boxes, height };
}

/** The centre of a box, where travelling messages start and land. */
export function centreOf(box: ActorBox): { x: number; y: number } {
  return { x: box.x + boxWidth / 2, y: box.y + boxHeight / 2 };
}

/**
 * The caption of a message in at most two lines of about 48 characters, broken between words.
 * A line that long is at most about 360 of the stage's units at 12 px: on a phone, where the picture
 * is wider than its lane and the lane scrolls to the message, it still fits in view.
 */
export function captionLines(text: string, lineLimit = 48): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest && lines.length < 2) {
    if (rest.length <= lineLimit) {
      lines.push(rest);
      rest = '';
      break;
    }
    const breakAt = rest.lastIndexOf(' ', lineLimit);
    const cut = breakAt > lineLimit / 2 ? breakAt : lineLimit;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) {
    const last = lines[1]!;
    lines[1] = `${last.slice(0, lineLimit - 1).trimEnd()}…`;
  }
  return lines;
}

/**
 * A caption character's width at 12 px, in stage units, taken generously: measured in
 * Chromium, the scenarios' labels average 5.2 to 6.9 depending on the letters and the
 * sans-serif font at hand.
 */
const captionCharWidth = 7.5;

/**
 * Where the caption is centred: under the message it describes (the lane scrolls there on a
 * phone), moved inwards as far as needed to keep its longest line inside the picture.
 */
export function captionCentre(messageX: number, lines: string[]): number {
  const half = (Math.max(0, ...lines.map((line) => line.length)) * captionCharWidth) / 2;
  return Math.min(Math.max(messageX, half), stageWidth - half);
}

/** The baseline of each caption line, under the boxes. */
export function captionBaselines(height: number, lines: string[]): number[] {
  const first = height - captionRoom + captionLineHeight - 3;
  return lines.map((_, index) => first + index * captionLineHeight);
}
