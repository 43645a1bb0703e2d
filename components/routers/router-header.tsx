import Link from 'next/link';
import { StateBadge } from '@/components/ui/state-badge';
import { Time } from '@/components/ui/time';
import type { RouterDetailDto } from '@/lib/dto/routers';
import { formatAge } from '@/lib/format';

/** Who the router is and how it is doing, above the tabs. */
export function RouterHeader({ router }: { router: RouterDetailDto }) {
  const behind =
    router.targetFirmwareVersion && router.firmwareVersion && router.targetFirmwareVersion !== router.firmwareVersion;
  const hasLocation = typeof router.latitude === 'number' && typeof router.longitude === 'number';
  return (
    <dl className="fields router-summary" data-testid="router-summary">
      <dt>State</dt>
      <dd>
        <StateBadge state={router.state} /> since <Time iso={router.stateUpdatedAt} />{' '}
        <span className="small muted">{formatAge(router.stateUpdatedAt)}</span>
      </dd>
      <dt>Product</dt>
      <dd>{router.productName ?? '—'}</dd>
      <dt>Firmware</dt>
      <dd data-testid="router-firmware">
        {router.firmwareVersion ?? '—'}
        {behind && <span className="small warn-text"> behind group target {router.targetFirmwareVersion}</span>}
      </dd>
      <dt>Group</dt>
      <dd>{router.groupName ?? <span className="muted">No group</span>}</dd>
      <dt>Account</dt>
      <dd>{router.accountName ?? '—'}</dd>
      <dt>IP</dt>
      <dd>{router.ipv4Address ?? '—'}</dd>
      <dt>Location</dt>
      <dd data-testid="router-location">
        {hasLocation ? (
          <>
            {router.latitude?.toFixed(5)}, {router.longitude?.toFixed(5)}{' '}
            <Link href={`/map?focus=${encodeURIComponent(router.id)}`} prefetch={false} data-testid="router-on-map">
              On the fleet map
            </Link>
            {' · '}
            <a
              href={`https://www.openstreetmap.org/?mlat=${router.latitude}&mlon=${router.longitude}#map=14/${router.latitude}/${router.longitude}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              OpenStreetMap
            </a>
          </>
        ) : (
          <span className="muted">Unknown</span>
        )}
      </dd>
    </dl>
  );
}
