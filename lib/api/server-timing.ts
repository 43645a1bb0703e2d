import 'server-only';
/**
 * A `Server-Timing` header for the busiest routes: where a slow answer spent its time (session check,
 * snapshot, query, JSON) shows in the browser's devtools and in the benchmark's resource timings,
 * without logging anything. Names and durations only — never data.
 */
export interface ServerTimer {
  /** Ends the current phase under `name` and starts the next one. */
  mark(name: string): void;
  header(): string;
}

export function serverTimer(now: () => number = performance.now.bind(performance)): ServerTimer {
  const phases: Array<[string, number]> = [];
  const start = now();
  let last = start;
  return {
    mark(name) {
      const t = now();
      phases.push([name, t - last]);
      last = t;
    },
    header() {
      return [...phases, ['total', last - start] as [string, number]]
        .map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`)
        .join(', ');
    },
  };
}
