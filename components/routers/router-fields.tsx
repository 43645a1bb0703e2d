import { Time } from '@/components/ui/time';
import type { RouterDetailDto } from '@/lib/dto/routers';
import { formatAge } from '@/lib/format';

export function RouterFields({ router }: { router: RouterDetailDto }) {
  const behind =
    router.targetFirmwareVersion && router.firmwareVersion && router.targetFirmwareVersion !== router.firmwareVersion;
  return (
    <dl className="fields" data-testid="router-fields">
      <dt>State since</dt>
      <dd>
        <Time iso={router.stateUpdatedAt} /> <span className="small muted">{formatAge(router.stateUpdatedAt)}</span>
      </dd>
      <dt>Description</dt>
      <dd data-testid="router-description">{router.description || <span className="muted">None</span>}</dd>
      <dt>Product</dt>
      <dd>{router.productName ?? '—'}</dd>
      <dt>Firmware</dt>
      <dd>
        {router.firmwareVersion ?? '—'}
        {behind && <span className="small muted"> (group target {router.targetFirmwareVersion})</span>}
      </dd>
      <dt>Group</dt>
      <dd data-testid="router-group">{router.groupName ?? <span className="muted">No group</span>}</dd>
      <dt>Account</dt>
      <dd>{router.accountName ?? '—'}</dd>
      <dt>Serial number</dt>
      <dd>{router.serialNumber ?? '—'}</dd>
      <dt>MAC</dt>
      <dd>{router.mac ?? '—'}</dd>
      <dt>WAN IP</dt>
      <dd>{router.ipv4Address ?? '—'}</dd>
      <dt>Asset id</dt>
      <dd>{router.assetId || '—'}</dd>
      <dt>Locality</dt>
      <dd>{router.locality ?? '—'}</dd>
      <dt>Config status</dt>
      <dd>{router.configStatus ?? '—'}</dd>
      <dt>Registered</dt>
      <dd>
        <Time iso={router.createdAt} />
      </dd>
      <dt>Last updated</dt>
      <dd>
        <Time iso={router.updatedAt} />
      </dd>
    </dl>
  );
}
