'use client';

import type { KeyboardEvent } from 'react';
import { type ChartZone, formatInstant } from '@/components/charts/time-format';
import { REPLAY_SPEEDS } from '@/lib/queries/series-url';
import styles from './location.module.css';
import { stepFix } from './replay';

interface Props {
  times: readonly number[];
  position: number;
  playing: boolean;
  speed: number;
  zone: ChartZone;
  readout: string;
  onPlaying: (playing: boolean) => void;
  onSeek: (t: number) => void;
  onSpeed: (speed: number) => void;
}

/** Fixes a Page Up / Page Down moves. */
const PAGE_FIXES = 10;

/**
 * Play/pause, the timeline and the speed. The slider is a native range input (focusable, announced
 * with the time it points at); its arrow keys move one fix, Page Up/Down ten, Home/End to the ends.
 */
export function ReplayControls({ times, position, playing, speed, zone, readout, onPlaying, onSeek, onSpeed }: Props) {
  const start = times[0] ?? 0;
  const end = times.at(-1) ?? 0;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const steps: Record<string, number> = {
      ArrowRight: 1,
      ArrowUp: 1,
      ArrowLeft: -1,
      ArrowDown: -1,
      PageUp: PAGE_FIXES,
      PageDown: -PAGE_FIXES,
    };
    const n = steps[e.key];
    if (n === undefined) return;
    e.preventDefault();
    const t = stepFix(times, position, n);
    if (t !== null) onSeek(t);
  };
  const speeds: readonly number[] = REPLAY_SPEEDS.includes(speed as (typeof REPLAY_SPEEDS)[number])
    ? REPLAY_SPEEDS
    : [...REPLAY_SPEEDS, speed].sort((a, b) => a - b);
  return (
    <div className={styles.replay} data-testid="replay-controls">
      <button type="button" onClick={() => onPlaying(!playing)} aria-pressed={playing} data-testid="replay-play">
        {playing ? 'Pause replay' : 'Play replay'}
      </button>
      <input
        type="range"
        min={start}
        max={end}
        step={1000}
        value={Math.min(end, Math.max(start, position))}
        onChange={(e) => onSeek(Number(e.target.value))}
        onKeyDown={onKeyDown}
        aria-label="Replay position"
        aria-valuetext={formatInstant(position, zone)}
        data-testid="replay-slider"
      />
      <label>
        Speed{' '}
        <select value={speed} onChange={(e) => onSpeed(Number(e.target.value))} data-testid="replay-speed">
          {speeds.map((s) => (
            <option key={s} value={s}>
              {s}× real time
            </option>
          ))}
        </select>
      </label>
      <p className={styles.readout} aria-live={playing ? 'off' : 'polite'} data-testid="replay-readout">
        {readout}
      </p>
    </div>
  );
}
