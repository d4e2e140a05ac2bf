/**
 * The simulator's view state: which run is loaded, how far it has been played, the playback
 * controls, and what the step reached shows (each lane's latest event, the attacker's notes).
 * The run itself comes from the pure model in core/simulator; this class only moves a cursor
 * over its events, so the page and the model never disagree.
 */
import { actorsOf, eventsOf } from '../../core/simulator/flow-events';
import { Playground, type PlaygroundInput } from '../../core/simulator/playground';
import { isScenarioId, runScenario } from '../../core/simulator/run-scenario';
import type { Flow, ScenarioId, SimEvent, SimulationRun } from '../../core/simulator/types';

export type ScenarioChoice = ScenarioId | 'playground';
export type FlowView = 'both' | Flow;
/** An event of the run and its index there (the animation's key). */
export interface ShownEvent {
  event: SimEvent;
  index: number;
}

export const isScenarioChoice = (value: string | undefined): value is ScenarioChoice =>
  value === 'playground' || isScenarioId(value ?? '');

/** Milliseconds between two steps at speed 1. */
const baseStepMs = 1100;

export class SimulatorState {
  scenario = $state<ScenarioChoice>('login');
  run = $state.raw<SimulationRun | null>(null);
  error = $state('');
  loading = $state(false);
  /** How many of the run's events have happened (0 = none yet). */
  position = $state(0);
  playing = $state(false);
  speed = $state(1);
  view = $state<FlowView>('both');
  /** The person's token that drives the run, when they asked for it. */
  drivingToken = $state('');
  reducedMotion = $state(false);

  #timer: ReturnType<typeof setTimeout> | undefined;
  #playground: Playground | null = null;
  #loadId = 0;
  /** The playground's inputs, chained so they apply one after another. */
  #inputs: Promise<void> = Promise.resolve();

  /** Indexes (into run.events) of the events the current view shows. */
  readonly visibleIndexes = $derived.by(() => {
    const run = this.run;
    if (!run) return [] as number[];
    const indexes: number[] = [];
    run.events.forEach((event, index) => {
      if (this.view === 'both' || event.flow === this.view) indexes.push(index);
    });
    return indexes;
  });

  /** The events shown so far, oldest first. */
  readonly shown = $derived.by(() => {
    const run = this.run;
    if (!run) return [] as ShownEvent[];
    return this.visibleIndexes
      .filter((index) => index < this.position)
      .map((index) => ({ event: run.events[index]!, index }));
  });

  readonly atEnd = $derived(this.visibleIndexes.every((index) => index < this.position));
  readonly atStart = $derived(this.shown.length === 0);
  readonly stepInterval = $derived(baseStepMs / this.speed);
  /** How long a message takes to travel, in ms (0: no motion). */
  readonly travelMs = $derived(this.reducedMotion ? 0 : Math.round(this.stepInterval * 0.7));

  /** The step being narrated: the latest event shown. */
  readonly current = $derived<ShownEvent | undefined>(this.shown[this.shown.length - 1]);
  readonly flowsShown = $derived<Flow[]>(this.view === 'both' ? ['session', 'jwt'] : [this.view]);
  /** Every actor of each flow in the whole run, so a lane's boxes do not move while it plays. */
  readonly actors = $derived.by(() => {
    const run = this.run;
    return {
      session: run ? actorsOf(eventsOf(run, 'session')) : [],
      jwt: run ? actorsOf(eventsOf(run, 'jwt')) : [],
    };
  });
  /** Each flow's latest event so far: what its lane draws, counts and holds. */
  readonly latest = $derived(this.#latestOfEachFlow(() => true));
  /** What each flow's attacker holds at this step: the model's latest probe. */
  readonly attackerNotes = $derived.by(() => {
    const probes = this.#latestOfEachFlow((event) => !!event.attacker);
    return { session: probes.session?.event.attacker, jwt: probes.jwt?.event.attacker };
  });

  async load(scenario: ScenarioChoice, startAt = 0): Promise<void> {
    this.pause();
    const loadId = ++this.#loadId;
    this.scenario = scenario;
    this.loading = true;
    this.error = '';
    try {
      const options = { seed: 1, token: this.drivingToken || undefined };
      let run: SimulationRun;
      if (scenario === 'playground') {
        this.#playground = await Playground.create(options);
        run = this.#playground.run();
      } else {
        this.#playground = null;
        run = await runScenario(scenario, options);
      }
      if (loadId !== this.#loadId) return;
      this.run = run;
      this.position = Math.max(0, Math.min(startAt, run.events.length));
    } catch (error) {
      if (loadId !== this.#loadId) return;
      this.run = null;
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (loadId === this.#loadId) this.loading = false;
    }
  }

  /** Move to the next (or previous) event the current view shows. */
  step(direction: 1 | -1 = 1) {
    const indexes = this.visibleIndexes;
    if (direction === 1) {
      const next = indexes.find((index) => index >= this.position);
      if (next !== undefined) this.position = next + 1;
    } else {
      const shown = indexes.filter((index) => index < this.position);
      const previous = shown.length >= 2 ? shown[shown.length - 2]! + 1 : 0;
      this.position = previous;
    }
  }

  play() {
    if (!this.run) return;
    if (this.atEnd) this.position = 0;
    this.playing = true;
    this.#tick();
  }

  pause() {
    this.playing = false;
    clearTimeout(this.#timer);
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  reset() {
    this.pause();
    this.position = 0;
  }

  /** One input of the step function, in the playground: both flows take it, the view follows. */
  input(input: PlaygroundInput): Promise<void> {
    // Inputs are applied one after another, in the order they were given: the lanes are
    // one state machine, and two steps must never interleave.
    this.#inputs = this.#inputs.then(async () => {
      const playground = this.#playground;
      if (!playground) return;
      this.pause();
      const before = this.run?.events.length ?? 0;
      const run = await playground.apply(input);
      if (playground !== this.#playground) return;
      this.run = run;
      // Show the new events one by one, from where the run ended before.
      this.position = Math.min(this.position, before);
      this.play();
    });
    return this.#inputs;
  }

  #tick() {
    clearTimeout(this.#timer);
    if (!this.playing) return;
    if (this.atEnd) {
      this.playing = false;
      return;
    }
    this.step(1);
    this.#timer = setTimeout(
      () => this.#tick(),
      this.reducedMotion ? Math.min(this.stepInterval, 400) : this.stepInterval,
    );
  }

  destroy() {
    this.pause();
  }

  /** The latest event of each flow that has happened and passes `test`. */
  #latestOfEachFlow(test: (event: SimEvent) => boolean): Partial<Record<Flow, ShownEvent>> {
    const latest: Partial<Record<Flow, ShownEvent>> = {};
    const events = this.run?.events ?? [];
    for (let index = Math.min(this.position, events.length) - 1; index >= 0; index--) {
      const event = events[index]!;
      if (!latest[event.flow] && test(event)) latest[event.flow] = { event, index };
      if (latest.session && latest.jwt) break;
    }
    return latest;
  }
}
