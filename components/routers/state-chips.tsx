'use client';

import type { RouterState } from '@/lib/domain/types';
import type { StateCounts } from '@/lib/dto/fleet';

const STATES: Array<{ value: RouterState; label: string }> = [
  { value: 'online', label: 'Online' },
  { value: 'offline', label: 'Offline' },
  { value: 'initialized', label: 'Initialized' },
  { value: 'unknown', label: 'Unknown' },
];

/** One toggle per state with its count ("Online 812 · Offline 143 · …"); none pressed means all. */
export function StateChips({
  counts,
  selected,
  onChange,
}: {
  counts: StateCounts | null;
  selected: readonly RouterState[];
  onChange: (next: RouterState[] | undefined) => void;
}) {
  function toggle(state: RouterState) {
    const next = selected.includes(state) ? selected.filter((s) => s !== state) : [...selected, state];
    onChange(next.length > 0 ? next : undefined);
  }
  return (
    <fieldset className="chips" data-testid="state-chips">
      <legend className="visually-hidden">Filter by state</legend>
      {STATES.map((s) => (
        <button
          key={s.value}
          type="button"
          className={`chip chip-${s.value}`}
          aria-pressed={selected.includes(s.value)}
          onClick={() => toggle(s.value)}
          data-testid={`state-chip-${s.value}`}
        >
          {s.label} <span className="chip-count">{counts ? counts[s.value].toLocaleString('en-US') : '…'}</span>
        </button>
      ))}
    </fieldset>
  );
}
