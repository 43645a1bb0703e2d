'use client';

import { type FormEvent, useState } from 'react';
import { parseChartWindow, RANGE_LABEL } from '@/lib/queries/series-url';
import { CHART_RANGES, type ChartWindow } from '@/lib/queries/signal';
import styles from './location.module.css';

/** `2026-11-20T10:00:00Z` ↔ the `2026-11-20T10:00` a datetime-local input holds (read as UTC here). */
const toInput = (iso: string | undefined) => (iso ? iso.slice(0, 16) : '');
const fromInput = (value: string) => (value.length === 16 ? `${value}:00Z` : value ? `${value}Z` : '');

/** Last hour, 24 hours, 7 days, or a custom window entered in UTC. */
export function WindowPicker({
  window,
  onChange,
}: {
  window: ChartWindow;
  onChange: (changes: Record<string, string | null>) => void;
}) {
  const [from, setFrom] = useState(toInput(window.from));
  const [to, setTo] = useState(toInput(window.to));
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const candidate = new URLSearchParams({ from: fromInput(from), to: fromInput(to) });
    const parsed = parseChartWindow(candidate);
    if (parsed.problems.length > 0 || !parsed.value.from) {
      setProblem(parsed.problems[0]?.replace(/; showing .*$/, '.') ?? 'Give both times.');
      return;
    }
    setProblem(null);
    onChange({ from: parsed.value.from, to: parsed.value.to ?? null, at: null });
  };
  return (
    <div className="toolbar">
      <fieldset className="segmented-buttons">
        <legend className="visually-hidden">Time window</legend>
        {CHART_RANGES.map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={!window.from && window.range === r}
            onClick={() => onChange({ range: r, from: null, to: null, at: null })}
          >
            {RANGE_LABEL[r]}
          </button>
        ))}
      </fieldset>
      <form className={styles.customWindow} onSubmit={apply} aria-label="Custom window in UTC">
        <label>
          From (UTC)
          <input
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            required
            data-testid="window-from"
          />
        </label>
        <label>
          To (UTC)
          <input
            type="datetime-local"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            required
            data-testid="window-to"
          />
        </label>
        <button type="submit" aria-pressed={Boolean(window.from)}>
          Show this window
        </button>
        {problem && (
          <span className="small error" role="alert">
            {problem}
          </span>
        )}
      </form>
    </div>
  );
}
