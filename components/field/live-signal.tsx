'use client';

import { useQuery } from '@tanstack/react-query';
import type { FieldLiveDto, FieldModemDto } from '@/lib/dto/field';
import { useTimes } from '@/components/ui/times-context';
import { formatTime } from '@/lib/format';
import { fetchJson } from '@/lib/queries/fetch-json';
import { QUALITY_LABEL } from '@/lib/signal/bands';
import { Sparkline } from './sparkline';

const REFRESH_MS = 5_000;

function Gauge({
  label,
  value,
  unit,
  quality,
}: {
  label: string;
  value: number | null;
  unit: string;
  quality: FieldModemDto['rsrpQuality'];
}) {
  return (
    <div className={`gauge gauge-${quality ?? 'none'}`} data-testid="signal-gauge">
      <span className="gauge-label">{label}</span>
      <span className="gauge-value">{value === null ? '—' : `${value} ${unit}`}</span>
      <span className="gauge-quality">{quality ? QUALITY_LABEL[quality] : 'No reading'}</span>
    </div>
  );
}

/**
 * The modems' signal right now, refreshed every few seconds while the screen is visible (React
 * Query stops polling in a hidden tab), with a sparkline of the last minutes. The page renders the
 * first reading on the server (`initial`); the polls take over from there.
 */
export function LiveSignal({ routerId, initial }: { routerId: string; initial?: FieldLiveDto }) {
  const { data, error, isPending } = useQuery({
    queryKey: ['field', routerId, 'live'],
    queryFn: ({ signal }) => fetchJson<FieldLiveDto>(`/api/routers/${encodeURIComponent(routerId)}/live`, { signal }),
    refetchInterval: REFRESH_MS,
    initialData: initial,
  });
  const { zone } = useTimes();
  if (isPending) return <p role="status">Reading the modems…</p>;
  if (!data) return <p className="banner error">{error?.message ?? 'The modems could not be read.'}</p>;
  return (
    <section aria-labelledby="live-heading">
      <h2 id="live-heading">Signal now</h2>
      {(data.stale || error) && (
        <p className="banner warn" role="status">
          NCM is not answering; these are its readings as of {formatTime(data.asOf, zone)}.
        </p>
      )}
      {data.waiting && (
        <p className="banner info" role="status">
          Waiting for NetCloud Manager&apos;s call budget; readings as of {formatTime(data.asOf, zone)}.
        </p>
      )}
      {data.modems.length === 0 && <p className="muted">This router has no modem.</p>}
      {data.modems.map((m) => (
        <div className="card field-modem" key={m.id} data-testid="field-modem">
          <h3>
            {m.name}{' '}
            <span className="small muted">
              {[m.carrier, m.serviceType, m.connectionState].filter(Boolean).join(' · ')}
            </span>
          </h3>
          <div className="gauges">
            <Gauge label="RSRP" value={m.rsrp} unit="dBm" quality={m.rsrpQuality} />
            <Gauge label="SINR" value={m.sinr} unit="dB" quality={m.sinrQuality} />
          </div>
          <p className="small muted" data-testid="reading-time">
            Reading of {formatTime(m.readingAt, zone)} · checked at {formatTime(data.asOf, zone, 'seconds')}
          </p>
          <Sparkline readings={m.history} />
        </div>
      ))}
    </section>
  );
}
