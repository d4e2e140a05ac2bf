/** How the simulation writes its times: wall-clock times, durations, and its microsecond grain. */

/** Simulated times are kept to the microsecond, so sums of tiny latencies stay readable. */
export const round = (value: number): number => Math.round(value * 1000) / 1000;

/** `02:15:00`: a simulated epoch time as a UTC clock. */
export const clockText = (epochMs: number): string => new Date(epochMs).toISOString().slice(11, 19);

/** `50 µs`, `1.25 ms`, `2 s`, `15 min`, `2 h`: the largest unit that keeps the number small. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1) return `${round(ms * 1000)} µs`;
  if (abs < 1000) return `${round(ms)} ms`;
  if (abs < 120_000) return `${round(ms / 1000)} s`;
  if (abs < 7_200_000) return `${round(ms / 60_000)} min`;
  return `${round(ms / 3_600_000)} h`;
}
