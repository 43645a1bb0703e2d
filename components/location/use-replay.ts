'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { fixIndexAt, runReplay } from './replay';

/** How often the slider and chart cursor follow a running replay between two fixes. */
const FOLLOW_MS = 250;

export interface ReplayState {
  /** The replay time, clamped to the fixes; null before there are any. */
  position: number | null;
  playing: boolean;
  setPlaying: (playing: boolean) => void;
  /** Jump to a time (slider, keys, a link); a running replay continues from there. */
  seek: (t: number) => void;
}

/**
 * The replay of `times` at `speed`. Track time comes from the wall clock (runReplay), and React state
 * changes only when the shown fix changes or every FOLLOW_MS, so the map and chart redraw a few times
 * a second, not every frame.
 */
export function useReplay(times: readonly number[] | null, speed: number, initial: number | null): ReplayState {
  const [raw, setRaw] = useState<number | null>(initial);
  const [playing, setPlaying] = useState(false);
  const [restart, setRestart] = useState(0);
  const start = times?.[0] ?? null;
  const end = times?.at(-1) ?? null;
  const position = raw === null || start === null || end === null ? start : Math.min(end, Math.max(start, raw));
  const positionRef = useRef(position);
  positionRef.current = position;

  const seek = useCallback((t: number) => {
    setRaw(t);
    positionRef.current = t;
    setRestart((n) => n + 1);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `restart` changes on a seek, to run the clock again from the new position.
  useEffect(() => {
    if (!playing || !times || times.length < 2 || start === null || end === null) return;
    let from = positionRef.current ?? start;
    // Play at the end starts over.
    if (from >= end) {
      from = start;
      setRaw(start);
    }
    let shownIndex = fixIndexAt(times, from);
    let committed = performance.now();
    return runReplay({
      from,
      end,
      speed,
      onTick: (t) => {
        positionRef.current = t;
        const index = fixIndexAt(times, t);
        const now = performance.now();
        if (index !== shownIndex || now - committed >= FOLLOW_MS) {
          shownIndex = index;
          committed = now;
          setRaw(t);
        }
      },
      onEnd: () => {
        setRaw(end);
        setPlaying(false);
      },
    });
  }, [playing, speed, times, start, end, restart]);

  return { position, playing, setPlaying, seek };
}
