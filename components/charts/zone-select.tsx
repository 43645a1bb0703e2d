'use client';

import type { TimeZoneChoice } from './time-format';
import { useViewerZone } from './use-viewer-zone';

/** UTC, the viewer's zone or the router's (when NCM reports one); the choice lives in `tz`. */
export function ZoneSelect({ choice, routerZone, onChange }: { choice: TimeZoneChoice; routerZone: string | null; onChange: (tz: string | null) => void }) {
  const viewer = useViewerZone();
  return (
    <label>
      Times in{' '}
      <select value={choice} onChange={(e) => onChange(e.target.value === 'utc' ? null : e.target.value)} data-testid="zone-select">
        <option value="utc">UTC</option>
        <option value="local">My time zone{viewer ? ` (${viewer})` : ''}</option>
        <option value="router" disabled={!routerZone && choice !== 'router'}>
          The router&apos;s time zone ({routerZone ?? 'not reported by NCM'})
        </option>
      </select>
    </label>
  );
}
