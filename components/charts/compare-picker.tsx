'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { FleetRoutersPageDto } from '@/lib/dto/fleet';
import { fetchJson } from '@/lib/queries/fetch-json';
import { COMPARE_METRICS, type CompareMetric, MAX_COMPARED_ROUTERS } from '@/lib/queries/series-url';
import styles from './compare.module.css';
import { METRIC_INFO } from './compare-series';

interface ComparedRouter {
  id: string;
  name: string | null;
  /** Its modems, once its chart has loaded. */
  modems: { id: string; label: string }[];
  /** The modem chosen in the link; null is its first. */
  modemId: string | null;
}

interface Props {
  routerId: string;
  compared: ComparedRouter[];
  metric: CompareMetric;
  onChange: (routers: string[], metric: CompareMetric, modems: Record<string, string>) => void;
}

/** Debounced so typing a name asks the server once, not per key. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * Picks up to three other routers (by name, serial, id… the table's own search) and the metric to
 * compare. Matches come from the fleet table's route, so they are what this user may see.
 */
export function ComparePicker({ routerId, compared, metric, onChange }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const inputId = useId();
  const ids = compared.map((c) => c.id);
  const chosen = Object.fromEntries(compared.flatMap((c) => (c.modemId ? [[c.id, c.modemId]] : [])));
  const change = (routers: string[], m: CompareMetric, modems = chosen) =>
    onChange(routers, m, Object.fromEntries(Object.entries(modems).filter(([id]) => routers.includes(id))));
  const full = ids.length >= MAX_COMPARED_ROUTERS;
  const matches = useQuery({
    queryKey: ['compare-picker', q],
    queryFn: ({ signal }) =>
      fetchJson<FleetRoutersPageDto>(`/api/fleet/routers?${new URLSearchParams({ q, limit: '8', offset: '0' })}`, {
        signal,
      }),
    enabled: q.length > 0 && !full,
    staleTime: 30_000,
  });
  const rows = (matches.data?.rows ?? []).filter((r) => r.id !== routerId && !ids.includes(r.id));
  // The table's search knows names, serials and addresses, not ids: an id typed in is offered as is
  // (its chart says so if NCM does not know it).
  const typedId =
    /^\d{1,12}$/.test(q) && q !== routerId && !ids.includes(q) && !rows.some((r) => r.id === q) ? q : null;
  return (
    <fieldset className={`plain-fieldset ${styles.picker}`} data-testid="compare-picker">
      <legend className="visually-hidden">Compare with other routers</legend>
      <div className="toolbar">
        <label htmlFor={inputId}>
          Compare with another router (name, serial or id)
          <input
            id={inputId}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={full ? `At most ${MAX_COMPARED_ROUTERS} other routers` : 'e.g. BUS-0012'}
            disabled={full}
            maxLength={200}
            autoComplete="off"
          />
        </label>
        <label>
          Metric to compare
          <select value={metric} onChange={(e) => change(ids, e.target.value as CompareMetric)}>
            {COMPARE_METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_INFO[m].label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {q && !full && (
        <div aria-live="polite">
          {matches.isFetching && !matches.data && <span className="small muted">Searching…</span>}
          {matches.error && <span className="small error">{matches.error.message}</span>}
          {matches.data && rows.length === 0 && !typedId && (
            <span className="small muted">No other router matches “{q}”.</span>
          )}
          {(rows.length > 0 || typedId) && (
            <ul className={styles.results} aria-label="Matching routers">
              {typedId && (
                <li>
                  <button
                    type="button"
                    onClick={() => {
                      change([...ids, typedId], metric);
                      setText('');
                    }}
                  >
                    Add router {typedId}
                  </button>
                </li>
              )}
              {rows.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    onClick={() => {
                      change([...ids, r.id], metric);
                      setText('');
                    }}
                  >
                    Add {r.name} ({r.id})
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {compared.length > 0 && (
        <div className={styles.chips}>
          <span className="small muted">Compared:</span>
          {compared.map((c) => (
            <span key={c.id} className={styles.chip}>
              <button
                type="button"
                className="chip"
                aria-label={`Remove ${c.name ?? c.id} from the comparison`}
                onClick={() =>
                  change(
                    ids.filter((id) => id !== c.id),
                    metric,
                  )
                }
              >
                {c.name ?? c.id} ✕
              </button>
              {c.modems.length > 1 && (
                <select
                  aria-label={`Modem of ${c.name ?? c.id}`}
                  value={c.modemId ?? c.modems[0]!.id}
                  onChange={(e) =>
                    change(ids, metric, {
                      ...chosen,
                      [c.id]: e.target.value,
                    })
                  }
                >
                  {c.modems.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.label}
                    </option>
                  ))}
                </select>
              )}
            </span>
          ))}
        </div>
      )}
    </fieldset>
  );
}
