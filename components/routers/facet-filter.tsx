'use client';

import { useId, useState } from 'react';
import type { FacetOption } from '@/lib/dto/fleet';

/**
 * A multi-select over one facet (group, product, …) as a disclosure of checkboxes. The options are
 * rendered only while it is open: a large fleet has hundreds of groups, and re-rendering them on
 * every filter change would delay the table's answer.
 */
export function FacetFilter({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: readonly FacetOption[];
  selected: readonly string[];
  onChange: (next: string[] | undefined) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  // The choice shows at once; the URL (and so `selected`) follows a moment later.
  const selectedKey = selected.join('\u0000');
  const [pending, setPending] = useState<{ from: string; to: string[] } | null>(null);
  const shown = pending && pending.from === selectedKey ? pending.to : selected;
  const known = new Set(options.map((o) => o.value));
  // Values from the URL that the facets no longer list stay visible so they can be removed.
  const all = [...options, ...shown.filter((v) => !known.has(v)).map((v) => ({ value: v, label: v }))];
  function toggle(value: string) {
    const next = shown.includes(value) ? shown.filter((v) => v !== value) : [...shown, value];
    setPending({ from: selectedKey, to: next });
    onChange(next.length > 0 ? next : undefined);
  }
  return (
    <details
      className="facet"
      data-testid={`facet-${label.toLowerCase().replace(/\s+/g, '-')}`}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        {label}
        {shown.length > 0 && <span className="chip-count"> {shown.length}</span>}
      </summary>
      <fieldset className="facet-options" aria-labelledby={`${id}-legend`}>
        <legend id={`${id}-legend`} className="visually-hidden">
          {label}
        </legend>
        {open && all.length === 0 && <p className="small muted">No values</p>}
        {open &&
          all.map((o) => (
            <label key={o.value} className="facet-option">
              <input type="checkbox" checked={shown.includes(o.value)} onChange={() => toggle(o.value)} />
              {o.label}
            </label>
          ))}
        {shown.length > 0 && (
          <button
            type="button"
            className="link small"
            onClick={() => {
              setPending({ from: selectedKey, to: [] });
              onChange(undefined);
            }}
          >
            Clear {label.toLowerCase()}
          </button>
        )}
      </fieldset>
    </details>
  );
}
