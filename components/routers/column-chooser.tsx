'use client';

import { FLEET_COLUMN_KEYS, type FleetColumnKey, REQUIRED_COLUMNS } from '@/lib/queries/fleet-url';
import { FLEET_COLUMNS } from './fleet-columns';

/** Which columns the table (and the CSV export) shows; saved in the URL and as the user's default. */
export function ColumnChooser({
  columns,
  onChange,
}: {
  columns: readonly FleetColumnKey[];
  onChange: (next: FleetColumnKey[]) => void;
}) {
  function toggle(key: FleetColumnKey) {
    onChange(columns.includes(key) ? columns.filter((c) => c !== key) : [...columns, key]);
  }
  return (
    <details className="facet" data-testid="column-chooser">
      <summary>Columns</summary>
      <fieldset className="facet-options">
        <legend className="visually-hidden">Visible columns</legend>
        {FLEET_COLUMN_KEYS.map((key) => (
          <label key={key} className="facet-option">
            <input
              type="checkbox"
              checked={columns.includes(key)}
              disabled={REQUIRED_COLUMNS.includes(key)}
              onChange={() => toggle(key)}
            />
            {FLEET_COLUMNS[key].label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
