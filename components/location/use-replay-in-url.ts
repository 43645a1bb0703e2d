'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrackReplayDto } from '@/lib/dto/series';
import { formatUtc } from '@/lib/format';
import { withParams } from '@/lib/queries/series-url';
import { useReplay } from './use-replay';

/** While a replay runs the URL follows it at most this often. */
const URL_FOLLOW_MS = 1_000;

/**
 * Changes the URL in the browser only: nothing on the server depends on these parameters, and the
 * position changes every second while a replay plays.
 */
export function replaceParams(pathname: string, changes: Record<string, string | null>): void {
  window.history.replaceState(null, '', `${pathname}${withParams(window.location.search, changes)}`);
}

/** To the millisecond, so the link reopens on the very fix shown (rounding down could land before it). */
const isoInstant = (t: number) => new Date(Math.ceil(t)).toISOString().replace('.000Z', 'Z');

/**
 * The replay with its position in the URL (`at`): read from the link once, written back once someone
 * plays or scrubs. A position outside the window's fixes is reported, and the replay starts at the
 * first fix. `loaded` is the answer for the current window (not a previous one shown meanwhile).
 */
export function useReplayInUrl(
  replay: TrackReplayDto | null,
  loaded: TrackReplayDto | null,
  at: number | null,
  speed: number,
  pathname: string,
) {
  const { position, playing, setPlaying, seek } = useReplay(replay && replay.t.length > 0 ? replay.t : null, speed, at);
  // The URL gets a position once someone replays or scrubs (or the link had one), not on every visit.
  const touched = useRef(at !== null);
  const onSeek = useCallback(
    (t: number) => {
      touched.current = true;
      seek(t);
    },
    [seek],
  );
  const onPlaying = useCallback(
    (p: boolean) => {
      touched.current = true;
      setPlaying(p);
    },
    [setPlaying],
  );

  const [atProblem, setAtProblem] = useState<string | null>(null);
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current || !loaded || at === null) return;
    checked.current = true;
    const t = loaded.t;
    if (t.length > 0 && (at < t[0]! || at > t.at(-1)!)) {
      setAtProblem(
        `The replay position in the link (${formatUtc(new Date(at).toISOString())}) is outside this window's fixes; starting at the first fix.`,
      );
      seek(t[0]!);
    }
  }, [loaded, at, seek]);

  // At once when paused, at most once a second while playing.
  const lastWrite = useRef(0);
  useEffect(() => {
    if (position === null || !touched.current || (at !== null && Math.abs(at - position) < 1)) return;
    const write = () => {
      lastWrite.current = Date.now();
      replaceParams(pathname, { at: isoInstant(position) });
    };
    const wait = playing ? URL_FOLLOW_MS - (Date.now() - lastWrite.current) : 0;
    if (wait <= 0) {
      write();
      return;
    }
    const timer = setTimeout(write, wait);
    return () => clearTimeout(timer);
  }, [position, playing, pathname, at]);

  return { position, playing, onSeek, onPlaying, atProblem };
}
