/**
 * The replay clock of a track. Track time runs at `speed` × real time, so a minute between two fixes
 * takes a minute at 1× and a second at 60×, and an hour without fixes takes as long as it should;
 * the marker stands on the last fix at or before the replay time (it jumps from fix to fix, it does
 * not glide or step one fix per frame). Pure, so the timing is tested without a browser.
 */

export interface ReplayFixes {
  /** Fix times, ms since epoch, ascending. */
  t: readonly number[];
  /** Indices where the router resumes after a gap (it sent no fix in between). */
  breaks: readonly number[];
}

/** Where the replay stands: the fix to show, and whether the router was silent at that time. */
export interface ReplayPoint {
  /** Index of the fix shown (-1: no fixes at all). */
  index: number;
  /** True between the last fix before a gap and the first after it. */
  inGap: boolean;
  /** The next fix's time when in a gap (when the router reported again). */
  resumesAt: number | null;
}

/** Track time after `elapsedMs` of real time at `speed`, never past `end`. */
export function advance(position: number, speed: number, elapsedMs: number, end: number): number {
  return Math.min(end, position + speed * Math.max(0, elapsedMs));
}

/** The last index whose time is at or before `t`; -1 when `t` is before the first. */
export function fixIndexAt(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The fix shown at `t` (the first one before the track starts) and whether `t` falls in a gap. */
export function replayPointAt(fixes: ReplayFixes, t: number): ReplayPoint {
  if (fixes.t.length === 0) return { index: -1, inGap: false, resumesAt: null };
  const index = Math.max(0, fixIndexAt(fixes.t, t));
  const next = index + 1;
  const inGap = next < fixes.t.length && fixes.breaks.includes(next) && t > fixes.t[index]!;
  return { index, inGap, resumesAt: inGap ? fixes.t[next]! : null };
}

/**
 * The time of the fix `steps` fixes after (or before, when negative) the one shown at `t`, for the
 * slider's arrow keys: one press is one fix, wherever the fixes fall in time.
 */
export function stepFix(times: readonly number[], t: number, steps: number): number | null {
  if (times.length === 0) return null;
  const shown = fixIndexAt(times, t);
  // Before the first fix, one step forward lands on the first.
  const from = shown < 0 ? (steps > 0 ? -1 : 0) : shown;
  const target = Math.max(0, Math.min(times.length - 1, from + steps));
  return times[target]!;
}

/**
 * Runs a replay: `onTick` gets the track time every animation frame while playing, computed from
 * the wall clock at the start (so a slow frame does not slow the replay), and `onEnd` once the end
 * is reached. Returns a stop function. `now` and `frame` are injectable for tests.
 */
export function runReplay(opts: {
  from: number;
  end: number;
  speed: number;
  onTick: (t: number) => void;
  onEnd: () => void;
  now?: () => number;
  frame?: (cb: () => void) => () => void;
}): () => void {
  const now = opts.now ?? (() => performance.now());
  const frame =
    opts.frame ??
    ((cb: () => void) => {
      const id = requestAnimationFrame(cb);
      return () => cancelAnimationFrame(id);
    });
  const startWall = now();
  let cancel: (() => void) | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const t = advance(opts.from, opts.speed, now() - startWall, opts.end);
    opts.onTick(t);
    if (t >= opts.end) {
      stopped = true;
      opts.onEnd();
      return;
    }
    cancel = frame(tick);
  };
  cancel = frame(tick);
  return () => {
    stopped = true;
    cancel?.();
  };
}
