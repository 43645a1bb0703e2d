import { describe, expect, it } from 'vitest';
import { advance, fixIndexAt, replayPointAt, runReplay, stepFix } from './replay';

const MIN = 60_000;
// Fixes every minute, then the router is off for two hours, then every minute again.
const T0 = Date.parse('2026-11-20T10:00:00Z');
const times = [0, 1, 2, 3, 123, 124, 125].map((m) => T0 + m * MIN);
const fixes = { t: times, breaks: [4] };

/** A fake clock and frame queue: each `step(ms)` advances the clock and runs one frame. */
function fakeFrames() {
  let clock = 0;
  let queued: (() => void) | null = null;
  return {
    now: () => clock,
    frame: (cb: () => void) => {
      queued = cb;
      return () => {
        queued = null;
      };
    },
    step(ms: number) {
      clock += ms;
      const cb = queued;
      queued = null;
      cb?.();
    },
  };
}

describe('replay timing', () => {
  it('advances track time at speed × real time, and stops at the end', () => {
    expect(advance(T0, 1, 30_000, T0 + 10 * MIN)).toBe(T0 + 30_000);
    expect(advance(T0, 60, 1_000, T0 + 10 * MIN)).toBe(T0 + MIN);
    expect(advance(T0, 60, 60_000, T0 + 10 * MIN)).toBe(T0 + 10 * MIN);
    expect(advance(T0, 10, -5, T0 + MIN)).toBe(T0);
  });

  it('shows the last fix at or before the replay time, jumping from fix to fix', () => {
    expect(fixIndexAt(times, T0 - 1)).toBe(-1);
    expect(fixIndexAt(times, T0)).toBe(0);
    expect(fixIndexAt(times, T0 + MIN - 1)).toBe(0);
    expect(fixIndexAt(times, T0 + MIN)).toBe(1);
    expect(fixIndexAt(times, T0 + 200 * MIN)).toBe(6);
    expect(replayPointAt(fixes, T0 + 90_000)).toEqual({ index: 1, inGap: false, resumesAt: null });
  });

  it('follows the gaps between fixes: two silent hours last two minutes at 60×, not one frame', () => {
    const f = fakeFrames();
    const seen: number[] = [];
    let ended = false;
    runReplay({
      from: T0,
      end: times.at(-1)!,
      speed: 60,
      onTick: (t) => seen.push(replayPointAt(fixes, t).index),
      onEnd: () => (ended = true),
      now: f.now,
      frame: f.frame,
    });
    // 100 frames of 1 s of real time each: at 60× that is 100 minutes of track time.
    for (let i = 0; i < 100; i++) f.step(1_000);
    // One fix per second while fixes come every minute, then the marker waits on fix 3 through the gap.
    expect(seen.slice(0, 4)).toEqual([1, 2, 3, 3]);
    expect(seen.at(-1)).toBe(3);
    expect(replayPointAt(fixes, T0 + 60 * MIN)).toEqual({ index: 3, inGap: true, resumesAt: times[4] });
    expect(ended).toBe(false);
    // The router resumes 123 minutes in: at 60× that is 123 s of real time after the start.
    for (let i = 0; i < 22; i++) f.step(1_000);
    expect(seen.at(-1)).toBe(3);
    f.step(1_000);
    expect(seen.at(-1)).toBe(4);
    f.step(2_000);
    expect(seen.at(-1)).toBe(6);
    expect(ended).toBe(true);
  });

  it('does not slow down when frames come late: time comes from the clock, not the frame count', () => {
    const f = fakeFrames();
    const ts: number[] = [];
    runReplay({
      from: T0,
      end: T0 + 10 * MIN,
      speed: 2,
      onTick: (t) => ts.push(t),
      onEnd: () => undefined,
      now: f.now,
      frame: f.frame,
    });
    f.step(16);
    f.step(500);
    f.step(16);
    expect(ts).toEqual([T0 + 32, T0 + 1_032, T0 + 1_064]);
  });

  it('stops when asked', () => {
    const f = fakeFrames();
    const ts: number[] = [];
    const stop = runReplay({
      from: T0,
      end: T0 + MIN,
      speed: 1,
      onTick: (t) => ts.push(t),
      onEnd: () => undefined,
      now: f.now,
      frame: f.frame,
    });
    f.step(10);
    stop();
    f.step(10);
    expect(ts).toEqual([T0 + 10]);
  });

  it('steps one fix per arrow key, wherever the fixes fall in time', () => {
    expect(stepFix(times, T0 + 30_000, 1)).toBe(times[1]);
    expect(stepFix(times, times[3]!, 1)).toBe(times[4]);
    expect(stepFix(times, times[4]!, -1)).toBe(times[3]);
    expect(stepFix(times, T0 + 60 * MIN, 1)).toBe(times[4]);
    expect(stepFix(times, T0 - 5, 1)).toBe(times[0]);
    expect(stepFix(times, times[6]!, 5)).toBe(times[6]);
    expect(stepFix(times, times[0]!, -5)).toBe(times[0]);
    expect(stepFix([], T0, 1)).toBeNull();
  });
});
