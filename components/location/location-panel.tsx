'use client';

import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ChartZone, formatInstant, parseZoneChoice, resolveZone } from '@/components/charts/time-format';
import { useWidth } from '@/components/charts/use-width';
import { ZoneSelect } from '@/components/charts/zone-select';
import type { TileConfig } from '@/components/map/basemap';
import type { TrackReplayDto } from '@/lib/dto/series';
import { formatUtc } from '@/lib/format';
import { parseLocationView, TRACK_COLORINGS, type TrackColoring, withParams } from '@/lib/queries/series-url';
import { locationTrackQuery, signalChartsQuery } from '@/lib/queries/signal';
import { QUALITY_LABEL } from '@/lib/signal/bands';
import styles from './location.module.css';
import type { ShownPosition } from './position-marker';
import { replayPointAt } from './replay';
import { ReplayControls } from './replay-controls';
import { signalClass } from './track-colors';
import { TrackLegend } from './track-legend';
import { useReducedMotion } from './use-reduced-motion';
import { useReplay } from './use-replay';
import { useTrackPalette } from './use-track-palette';
import { WindowPicker } from './window-picker';

// Leaflet and recharts load with this tab only, and only in the browser.
const TrackMap = dynamic(() => import('./track-map'), { ssr: false });
const SignalChart = dynamic(() => import('@/components/charts/signal-chart').then((m) => m.SignalChart), {
  ssr: false,
  loading: () => (
    <div className="chart-placeholder" role="status" aria-busy="true">
      Drawing the chart…
    </div>
  ),
});

const COLORING_LABEL: Record<TrackColoring, string> = { signal: 'Signal (RSRP)', speed: 'Speed' };
/** The zoom asked for before the map has fitted the track. */
const FIRST_ZOOM = 10;
/** While a replay runs the URL follows it at most this often (each write is a history entry update). */
const URL_FOLLOW_MS = 1_000;

/**
 * Colouring, speed and replay position stay in the browser (nothing on the server depends on them,
 * and the position changes every second while playing); the window, zone and modem go through the
 * router, so the page's tab links carry them to the Signal tab.
 */
function replaceParams(pathname: string, changes: Record<string, string | null>): void {
  window.history.replaceState(null, '', `${pathname}${withParams(window.location.search, changes)}`);
}

/** To the millisecond, so the link reopens on the very fix shown (rounding down could land before it). */
const isoInstant = (t: number) => new Date(Math.ceil(t)).toISOString().replace('.000Z', 'Z');

function describeFix(replay: TrackReplayDto, shownT: number, zone: ChartZone): { position: ShownPosition; readout: string } | null {
  const point = replayPointAt(replay, shownT);
  if (point.index < 0) return null;
  const i = point.index;
  const fixAt = formatInstant(replay.t[i]!, zone);
  const rsrp = replay.rsrp[i] ?? null;
  const mph = replay.mph[i] ?? null;
  const quality = signalClass(rsrp);
  const radio = [
    rsrp === null ? 'no signal reading' : `RSRP ${rsrp} dBm${quality !== 'none' ? ` (${QUALITY_LABEL[quality as keyof typeof QUALITY_LABEL]})` : ''}`,
    mph === null ? 'no speed' : `${Math.round(mph)} mph`,
  ].join(', ');
  const readout = point.inGap
    ? `${formatInstant(shownT, zone)}: no fix between ${fixAt} and ${formatInstant(point.resumesAt!, zone)} (the router was off or not reporting); the marker shows its last known place.`
    : `${formatInstant(shownT, zone)}: fix of ${fixAt}, ${radio} (fix ${i + 1} of ${replay.t.length.toLocaleString('en')}).`;
  const label = point.inGap ? `Last known position, at ${fixAt}; no fix since` : `Position at ${fixAt}: ${radio}`;
  return { position: { lat: replay.lat[i]!, lon: replay.lon[i]!, inGap: point.inGap, label }, readout };
}

/**
 * The Location tab: the router's track for a window, coloured by signal or speed, with a replay whose
 * marker and the signal chart's cursor follow each other both ways. Window, colouring, replay
 * position and speed, zone and modem live in the URL, so Copy link opens the same view.
 */
export function LocationPanel({ routerId, routerZone, tiles }: { routerId: string; routerZone: string | null; tiles: TileConfig | null }) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const parsed = parseLocationView(params);
  const view = parsed.value;
  const zoneParsed = parseZoneChoice(params.get('tz'));
  const { zone, problem: zoneProblem } = resolveZone(zoneParsed.choice, routerZone);
  const modemParam = params.get('modem');
  const reducedMotion = useReducedMotion();
  const panel = useRef<HTMLElement>(null);
  const palette = useTrackPalette(panel);
  const [frame, width, measured] = useWidth();
  const [zoom, setZoom] = useState<number | null>(null);
  const windowKey = view.window.from ? `${view.window.from}/${view.window.to}` : view.window.range;

  const track = useQuery({ ...locationTrackQuery(routerId, view.window, width, zoom ?? FIRST_ZOOM), enabled: measured });
  const chart = useQuery({ ...signalChartsQuery(routerId, view.window, width), enabled: measured });
  const current = track.isPlaceholderData ? null : (track.data ?? null);
  const replay = track.data?.replay ?? null;
  const { position, playing, setPlaying, seek } = useReplay(replay && replay.t.length > 0 ? replay.t : null, view.speed, view.at);
  const [hoverT, setHoverT] = useState<number | null>(null);
  // The URL gets a position once someone replays or scrubs (or the link had one), not on every visit.
  const touched = useRef(view.at !== null);
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

  // A position in the link outside the window's fixes is reported once, then the replay starts at the first fix.
  const [atProblem, setAtProblem] = useState<string | null>(null);
  const checkedAt = useRef(false);
  useEffect(() => {
    if (checkedAt.current || !current || view.at === null) return;
    checkedAt.current = true;
    const t = current.replay.t;
    if (t.length > 0 && (view.at < t[0]! || view.at > t.at(-1)!)) {
      setAtProblem(`The replay position in the link (${formatUtc(new Date(view.at).toISOString())}) is outside this window's fixes; starting at the first fix.`);
      seek(t[0]!);
    }
  }, [current, view.at, seek]);

  const update = useCallback((changes: Record<string, string | null>) => replaceParams(pathname, changes), [pathname]);
  const navigate = useCallback(
    (changes: Record<string, string | null>) => router.replace(`${pathname}${withParams(window.location.search, changes)}`, { scroll: false }),
    [pathname, router],
  );
  const onWindow = useCallback(
    (changes: Record<string, string | null>) => {
      setPlaying(false);
      navigate(changes);
    },
    [setPlaying, navigate],
  );

  // The URL follows the replay position: at once when paused, at most once a second while playing.
  const lastWrite = useRef(0);
  useEffect(() => {
    if (position === null || !touched.current || (view.at !== null && Math.abs(view.at - position) < 1)) return;
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
  }, [position, playing, pathname, view.at]);

  const shownT = hoverT ?? position;
  const described = replay && shownT !== null ? describeFix(replay, shownT, zone) : null;
  const modems = chart.data?.modems ?? [];
  const modem = modems.find((m) => m.modemId === modemParam) ?? modems[0] ?? null;
  const problems = [...parsed.problems, ...(zoneParsed.problem ? [zoneParsed.problem] : []), ...(atProblem ? [atProblem] : [])];
  const empty = track.data && track.data.fixes === 0;

  return (
    <section ref={panel} aria-labelledby="location-heading" className={styles.panel} data-testid="location-panel">
      <h2 id="location-heading">Location</h2>
      {(problems.length > 0 || zoneProblem) && (
        <div className="banner warn" role="status" data-testid="location-bad-params">
          {problems.length > 0 && <>Part of this link could not be used: {problems.join(' ')} </>}
          {zoneProblem}
        </div>
      )}
      <WindowPicker key={windowKey} window={view.window} onChange={onWindow} />
      <div className="toolbar">
        <fieldset className="segmented-buttons">
          <legend>Colour the track by</legend>
          {TRACK_COLORINGS.map((c) => (
            <button key={c} type="button" aria-pressed={view.coloring === c} onClick={() => update({ color: c === 'signal' ? null : c })}>
              {COLORING_LABEL[c]}
            </button>
          ))}
        </fieldset>
        <ZoneSelect choice={zoneParsed.choice} routerZone={routerZone} onChange={(tz) => navigate({ tz })} />
        {modems.length > 1 && (
          <label>
            Modem on the chart{' '}
            <select value={modem?.modemId ?? ''} onChange={(e) => navigate({ modem: e.target.value })}>
              {modems.map((m) => (
                <option key={m.modemId} value={m.modemId}>
                  {m.name}
                  {m.carrier ? ` (${m.carrier})` : ''}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <TrackLegend coloring={view.coloring} />
      <p className="small muted" aria-live="polite" data-testid="location-status">
        {track.isFetching ? 'Updating… ' : ''}
        {track.data
          ? `${track.data.fixes.toLocaleString('en')} fixes from ${formatInstant(Date.parse(track.data.from), zone)} to ${formatInstant(Date.parse(track.data.to), zone)}, as of ${formatUtc(track.data.asOf)}.`
          : track.isPending
            ? 'Loading the track…'
            : ''}
      </p>
      {track.data?.stale && (
        <p className="banner warn" role="status">
          NCM is not answering; showing the track as of {formatUtc(track.data.asOf)}.
        </p>
      )}
      {track.data?.waitingForBudget && (
        <p className="banner info" role="status">
          Waiting for NetCloud Manager&apos;s call budget; showing the track as of {formatUtc(track.data.asOf)}.
        </p>
      )}
      {track.error && (
        <div className="banner error" role="status" data-testid="location-error">
          {track.data ? 'Showing the last track we had. ' : 'The track could not be loaded: '}
          {track.error.message}{' '}
          <button type="button" onClick={() => track.refetch()}>
            Try again
          </button>
        </div>
      )}
      <div ref={frame} className={styles.mapFrame} data-testid="track-map">
        {palette && (
          <TrackMap
            tiles={tiles}
            track={track.data ?? null}
            coloring={view.coloring}
            palette={palette}
            position={described?.position ?? null}
            follow={hoverT === null}
            fitKey={current ? windowKey : null}
            reducedMotion={reducedMotion}
            onZoom={setZoom}
          />
        )}
        {(track.isPending || empty) && (
          <div className={styles.mapOverlay}>
            <span role="status" data-testid={empty ? 'track-empty' : 'track-loading'}>
              {empty ? 'No location fixes in this window. NCM records them for routers with GPS and location tracking.' : 'Loading the track…'}
            </span>
          </div>
        )}
      </div>
      {replay && replay.t.length > 0 && position !== null && (
        <ReplayControls
          times={replay.t}
          position={position}
          playing={playing}
          speed={view.speed}
          zone={zone}
          readout={described?.readout ?? ''}
          onPlaying={onPlaying}
          onSeek={onSeek}
          onSpeed={(s) => update({ speed: String(s) })}
        />
      )}
      <div className={styles.chartSlot}>
        {chart.error && !chart.data && <p className="banner error">The signal chart could not be loaded: {chart.error.message}</p>}
        {chart.data && !modem && <p className="muted">This router has no modem, so there is no signal chart.</p>}
        {chart.data && modem && (
          <>
            <h3>
              Signal of {modem.name}
              {modem.carrier ? ` (${modem.carrier})` : ''}
            </h3>
            <p className="small muted">Point at the chart to see where the router was at that time; drag across it to zoom into a window.</p>
            <SignalChart
              modem={modem}
              bands={chart.data.bands}
              markers={chart.data.markers}
              from={Date.parse(chart.data.from)}
              to={Date.parse(chart.data.to)}
              width={width}
              zone={zone}
              onZoom={(from, to) => onWindow({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), at: null })}
              cursor={shownT}
              onCursor={setHoverT}
            />
          </>
        )}
      </div>
    </section>
  );
}
