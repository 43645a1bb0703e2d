/**
 * In-page instruments of the browser benchmarks #8–#10: every animation frame's time, long tasks,
 * "after the next paint", and DOM quiet. One self-contained function (it refers to nothing outside
 * itself), so the same code is bundled into the harness pages and injected into the product's own
 * /map page with Playwright's addInitScript before any of its scripts run.
 */

export interface FrameStats {
  /** Frames that ended inside the window. */
  frames: number;
  /** Gaps between consecutive frames (the first from the window's start), ms. */
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  /** Every gap, ms (to pool several windows). */
  gaps: number[];
}

export interface LongTaskStats {
  count: number;
  totalMs: number;
  maxMs: number;
  /** Total blocking time: what each task ran past 50 ms, summed. */
  blockingMs: number;
}

export interface Probe {
  /** A promise for the time right after the next frame is painted (rAF, then a message after it). */
  nextPaint(): Promise<number>;
  /**
   * Resolves when nothing under `selector` changed for `quietMs` (after a first change, when
   * `firstChangeMs` > 0 and one comes within it); gives the time of the last change.
   */
  quiet(selector: string, quietMs: number, timeoutMs?: number, firstChangeMs?: number): Promise<number>;
  frameStats(from: number, to: number): FrameStats;
  longTasks(from: number, to: number): LongTaskStats;
}

export function installProbe(): void {
  const w = window as unknown as { __probe?: Probe };
  if (w.__probe) return;
  const frames: number[] = [];
  const loop = (t: number) => {
    frames.push(t);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  const tasks: Array<{ start: number; duration: number }> = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser: the figures say 0
  }
  const pct = (sorted: number[], p: number) =>
    sorted.length === 0
      ? null
      : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  const probe: Probe = {
    nextPaint: () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        }),
      ),
    quiet: (selector, quietMs, timeoutMs = 30_000, firstChangeMs = 0) =>
      new Promise((resolve) => {
        let last = performance.now();
        const started = last;
        let changed = false;
        const target = document.querySelector(selector) ?? document.body;
        const observer = new MutationObserver(() => {
          last = performance.now();
          changed = true;
        });
        observer.observe(target, { childList: true, subtree: true, attributes: true, characterData: true });
        const check = () => {
          const now = performance.now();
          const waitingForFirst = !changed && now - started < firstChangeMs;
          if ((!waitingForFirst && now - last >= quietMs) || now - started > timeoutMs) {
            observer.disconnect();
            resolve(last);
          } else setTimeout(check, 10);
        };
        setTimeout(check, 10);
      }),
    frameStats(from, to) {
      const gaps: number[] = [];
      let previous = from;
      for (const t of frames) {
        if (t <= from) continue;
        if (t > to) break;
        gaps.push(t - previous);
        previous = t;
      }
      gaps.sort((a, b) => a - b);
      const p50 = pct(gaps, 50);
      const p95 = pct(gaps, 95);
      const max = gaps.length > 0 ? gaps[gaps.length - 1]! : null;
      return {
        frames: gaps.length,
        p50Ms: p50 === null ? null : round(p50),
        p95Ms: p95 === null ? null : round(p95),
        maxMs: max === null ? null : round(max),
        gaps: gaps.map(round),
      };
    },
    longTasks(from, to) {
      const inside = tasks.filter((t) => t.start + t.duration >= from && t.start <= to);
      return {
        count: inside.length,
        totalMs: round(inside.reduce((n, t) => n + t.duration, 0)),
        maxMs: round(inside.reduce((n, t) => Math.max(n, t.duration), 0)),
        blockingMs: round(inside.reduce((n, t) => n + Math.max(0, t.duration - 50), 0)),
      };
    },
  };
  w.__probe = probe;
}
