/**
 * A run as a Mermaid sequence diagram (text), so a scenario can be pasted into docs.
 * https://mermaid.js.org/syntax/sequenceDiagram.html
 */
import { actorsOf, eventsOf } from './flow-events';
import type { Flow, SimEvent, SimulationRun } from './types';

const participantId = (name: string) => name.replace(/[^A-Za-z0-9]/g, '_');
/** Mermaid treats `;` and `#` specially in message text. */
const messageText = (text: string) => text.replace(/[;#]/g, ',').replace(/\s+/g, ' ');

export function toMermaid(run: SimulationRun, flow: Flow): string {
  const events = eventsOf(run, flow);
  const lines = [
    'sequenceDiagram',
    `  title ${messageText(run.title)} (${flow === 'session' ? 'sessions' : 'JWT'})`,
  ];
  for (const name of actorsOf(events)) lines.push(`  participant ${participantId(name)} as ${name}`);
  for (const event of events) lines.push(`  ${line(event)}`);
  return `${lines.join('\n')}\n`;
}

function line(event: SimEvent): string {
  const from = participantId(event.from);
  const to = participantId(event.to);
  const outcome = event.outcome ? ` [${event.outcome}]` : '';
  const bytes = event.bytes ? ` (${event.bytes} B)` : '';
  if (from === to) return `Note over ${from}: ${messageText(event.label)}`;
  const arrow =
    event.kind === 'response' || (event.kind === 'store' && event.label.startsWith('+')) ? '-->>' : '->>';
  return `${from}${arrow}${to}: ${messageText(event.label)}${bytes}${outcome}`;
}
