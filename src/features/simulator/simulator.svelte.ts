/**
 * The simulator's view state: which run is loaded, how far it has been played, and the
 * playback controls. The run itself comes from the pure model in core/simulator; this
 * class only moves a cursor over its events, so the page and the model never disagree.
 */
import { Playground, type PlaygroundInput } from '../../core/simulator/playground';
import { runScenario } from '../../core/simulator/run-scenario';
import {
  scenarioIds,
  type Flow,
  type ScenarioId,
  type SimEvent,
  type SimulationRun,
} from '../../core/simulator/types';

export type ScenarioChoice = ScenarioId | 'playground';
export type FlowView = 'both' | Flow;

export const isScenarioChoice = (value: string | undefined): value is ScenarioChoice =>
  value === 'playground' || (scenarioIds as readonly string[]).includes(value ?? '');

/** Milliseconds between two steps at speed 1. */
export const baseStepMs = 1100;

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

  readonly shown = $derived.by(() => {
    const run = this.run;
    if (!run) return [] as { event: SimEvent; index: number }[];
    return this.visibleIndexes
      .filter((index) => index < this.position)
      .map((index) => ({ event: run.events[index]!, index }));
  });

  readonly atEnd = $derived(this.visibleIndexes.every((index) => index < this.position));
  readonly atStart = $derived(this.shown.length === 0);
  readonly stepInterval = $derived(baseStepMs / this.speed);

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

  #inputs: Promise<void> = Promise.resolve();

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
}
