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
const captionRoom = 14;
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
