'use client';

import type { TimeZoneChoice } from './time-format';
import { useViewerZone } from './use-viewer-zone';

/**
 * UTC, the viewer's zone or the router's (when NCM reports one); the choice lives in `tz`, left out
 * when it is the viewer's display preference (`fallback`).
 */
export function ZoneSelect({
  choice,
  routerZone,
  onChange,
  fallback = 'utc',
}: {
  choice: TimeZoneChoice;
  routerZone: string | null;
  onChange: (tz: string | null) => void;
  fallback?: TimeZoneChoice;
}) {
  const viewer = useViewerZone();
  return (
    <label>
      Times in{' '}
      <select
        value={choice}
        onChange={(e) => onChange(e.target.value === fallback ? null : e.target.value)}
        data-testid="zone-select"
      >
        <option value="utc">UTC</option>
        <option value="local">My time zone{viewer ? ` (${viewer})` : ''}</option>
        <option value="router" disabled={!routerZone && choice !== 'router'}>
          The router&apos;s time zone ({routerZone ?? 'not reported by NCM'})
        </option>
      </select>
    </label>
  );
}
