import type { FleetRoutersPageDto } from '@/lib/dto/fleet';
import { formatUtc } from '@/lib/format';
import { SyncProgress } from '@/components/ui/sync-progress';

/** "HH:MM UTC" of an ISO time; the full time is in the title. */
export function hhmmUtc(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : `${d.toISOString().slice(11, 16)} UTC`;
}

/** Freshness of the snapshot: always the "as of" time, plus a banner when stale or still syncing. */
export function FleetStatus({ meta }: { meta: Pick<FleetRoutersPageDto, 'asOf' | 'stale' | 'sync'> | null }) {
  return (
    <>
      {meta?.stale && (
        <div className="banner warn" role="status" data-testid="fleet-stale">
          NCM unreachable — showing data as of {formatUtc(meta.asOf)}.
        </div>
      )}
      {meta?.sync.phase === 'initial' && <SyncProgress sync={meta.sync} testId="fleet-initial-sync" />}
      <span className="small muted as-of" data-testid="routers-as-of">
        As of{' '}
        <time dateTime={meta?.asOf ?? undefined} title={meta?.asOf ?? undefined}>
          {hhmmUtc(meta?.asOf)}
        </time>
      </span>
    </>
  );
}
