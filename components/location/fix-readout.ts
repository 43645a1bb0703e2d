/**
 * What the replay shows at a time, in words and as a place: the fix then (its time, RSRP with its
 * quality, speed), or, in a gap, the last known place and when the router reported again. Every time
 * names its zone. Pure and browser-safe.
 */
import { type ChartZone, formatInstant } from '@/components/charts/time-format';
import type { TrackReplayDto } from '@/lib/dto/series';
import { QUALITY_LABEL } from '@/lib/signal/bands';
import { replayPointAt } from './replay';
import { signalClass } from './track-colors';

export interface ShownPosition {
  lat: number;
  lon: number;
  /** The router sent no fix at the shown time: the marker is its last known place, drawn hollow. */
  inGap: boolean;
  /** What the marker says to a screen reader and in its tooltip. */
  label: string;
}

function radioOf(rsrp: number | null, mph: number | null): string {
  const quality = signalClass(rsrp);
  const signal =
    rsrp === null
      ? 'no signal reading'
      : `RSRP ${rsrp} dBm${quality === 'none' ? '' : ` (${QUALITY_LABEL[quality as keyof typeof QUALITY_LABEL]})`}`;
  return `${signal}, ${mph === null ? 'no speed' : `${Math.round(mph)} mph`}`;
}

export function describeFix(
  replay: TrackReplayDto,
  shownT: number,
  zone: ChartZone,
): { position: ShownPosition; readout: string } | null {
  const point = replayPointAt(replay, shownT);
  if (point.index < 0) return null;
  const i = point.index;
  const fixAt = formatInstant(replay.t[i]!, zone);
  const radio = radioOf(replay.rsrp[i] ?? null, replay.mph[i] ?? null);
  const at = { lat: replay.lat[i]!, lon: replay.lon[i]! };
  if (point.inGap) {
    return {
      position: { ...at, inGap: true, label: `Last known position, at ${fixAt}; no fix since` },
      readout: `${formatInstant(shownT, zone)}: no fix between ${fixAt} and ${formatInstant(point.resumesAt!, zone)} (the router was off or not reporting); the marker shows its last known place.`,
    };
  }
  return {
    position: { ...at, inGap: false, label: `Position at ${fixAt}: ${radio}` },
    readout: `${formatInstant(shownT, zone)}: fix of ${fixAt}, ${radio} (fix ${i + 1} of ${replay.t.length.toLocaleString('en')}).`,
  };
}
