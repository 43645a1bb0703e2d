'use client';

import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useRef, useState } from 'react';
import { formatInstant, parseZoneChoice, resolveZone } from '@/components/charts/time-format';
import { useWidth } from '@/components/charts/use-width';
import { ZoneSelect } from '@/components/charts/zone-select';
import { useTimes } from '@/components/ui/times-context';
import type { TileConfig } from '@/components/map/basemap';
import { formatUtc } from '@/lib/format';
import { parseLocationView, TRACK_COLORINGS, type TrackColoring, withParams } from '@/lib/queries/series-url';
import { locationTrackQuery } from '@/lib/queries/signal';
import { describeFix } from './fix-readout';
import styles from './location.module.css';
import { ReplayControls } from './replay-controls';
import { TrackLegend } from './track-legend';
import { TrackSignalChart } from './track-signal-chart';
import { useReducedMotion } from './use-reduced-motion';
import { replaceParams, useReplayInUrl } from './use-replay-in-url';
import { useTrackPalette } from './use-track-palette';
import { WindowPicker } from './window-picker';

// Leaflet loads with this tab only, and only in the browser.
const TrackMap = dynamic(() => import('./track-map'), { ssr: false });

const COLORING_LABEL: Record<TrackColoring, string> = { signal: 'Signal (RSRP)', speed: 'Speed' };
/** The zoom asked for before the map has fitted the track. */
const FIRST_ZOOM = 10;

/**
 * The Location tab: the router's track for a window, coloured by signal or speed, with a replay whose
 * marker and the signal chart's cursor follow each other both ways. Window, colouring, replay
 * position and speed, zone and modem live in the URL, so Copy link opens the same view.
 */
export function LocationPanel({
  routerId,
  routerZone,
  tiles,
}: {
  routerId: string;
  routerZone: string | null;
  tiles: TileConfig | null;
}) {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const parsed = parseLocationView(params);
  const view = parsed.value;
  // Without a zone in the link, the viewer's display preference applies.
  const preferredZone = useTimes().mode;
  const zoneParsed = parseZoneChoice(params.get('tz'), preferredZone);
  const { zone, problem: zoneProblem } = resolveZone(zoneParsed.choice, routerZone);
  const modemParam = params.get('modem');
  const reducedMotion = useReducedMotion();
  const panel = useRef<HTMLElement>(null);
  const palette = useTrackPalette(panel);
  const [frame, width, measured] = useWidth();
  const [zoom, setZoom] = useState<number | null>(null);
  const windowKey = view.window.from ? `${view.window.from}/${view.window.to}` : view.window.range;

  const track = useQuery({
    ...locationTrackQuery(routerId, view.window, width, zoom ?? FIRST_ZOOM),
    enabled: measured,
  });
  const current = track.isPlaceholderData ? null : (track.data ?? null);
  const replay = track.data?.replay ?? null;
  const { position, playing, onSeek, onPlaying, atProblem } = useReplayInUrl(
    replay,
    current?.replay ?? null,
    view.at,
    view.speed,
    pathname,
  );
  const [pointedAt, setPointedAt] = useState<number | null>(null);

  const update = useCallback((changes: Record<string, string | null>) => replaceParams(pathname, changes), [pathname]);
  // The window, zone and modem go through the router, so the page's tab links carry them to the Signal tab.
  const navigate = useCallback(
    (changes: Record<string, string | null>) =>
      router.replace(`${pathname}${withParams(window.location.search, changes)}`, { scroll: false }),
    [pathname, router],
  );
  const onWindow = useCallback(
    (changes: Record<string, string | null>) => {
      onPlaying(false);
      navigate(changes);
    },
    [onPlaying, navigate],
  );

  // Pointing at the chart shows that moment; otherwise the replay's.
  const shownT = pointedAt ?? position;
  const described = replay && shownT !== null ? describeFix(replay, shownT, zone) : null;
  const problems = [
    ...parsed.problems,
    ...(zoneParsed.problem ? [zoneParsed.problem] : []),
    ...(atProblem ? [atProblem] : []),
  ];
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
            <button
              key={c}
              type="button"
              aria-pressed={view.coloring === c}
              onClick={() => update({ color: c === 'signal' ? null : c })}
            >
              {COLORING_LABEL[c]}
            </button>
          ))}
        </fieldset>
        <ZoneSelect
          choice={zoneParsed.choice}
          routerZone={routerZone}
          fallback={preferredZone}
          onChange={(tz) => navigate({ tz })}
        />
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
            follow={pointedAt === null}
            fitKey={current ? windowKey : null}
            reducedMotion={reducedMotion}
            onZoom={setZoom}
          />
        )}
        {(track.isPending || empty) && (
          <div className={styles.mapOverlay}>
            <span role="status" data-testid={empty ? 'track-empty' : 'track-loading'}>
              {empty
                ? 'No location fixes in this window. NCM records them for routers with GPS and location tracking.'
                : 'Loading the track…'}
            </span>
          </div>
        )}
      </div>
      {/* Its height is kept while the track loads, so the chart below does not jump. */}
      <div className={styles.replaySlot}>
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
      </div>
      <TrackSignalChart
        routerId={routerId}
        window={view.window}
        width={width}
        enabled={measured}
        modemId={modemParam}
        onModem={(modem) => navigate({ modem })}
        zone={zone}
        cursor={shownT}
        onPoint={setPointedAt}
        onZoom={(from, to) =>
          onWindow({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), at: null })
        }
      />
    </section>
  );
}
