/** Reading one flow out of a run: its events and the actors they involve. */
import type { Flow, SimEvent, SimulationRun } from './types';

/** One flow's events, in order. */
export const eventsOf = (run: SimulationRun, flow: Flow): SimEvent[] =>
  run.events.filter((event) => event.flow === flow);

/** Every actor the events involve, in order of first appearance: a diagram's lifelines, a lane's boxes. */
export function actorsOf(events: readonly SimEvent[]): string[] {
  const actors: string[] = [];
  for (const event of events)
    for (const name of [event.from, event.to]) if (!actors.includes(name)) actors.push(name);
  return actors;
}
