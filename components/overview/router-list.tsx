import Link from 'next/link';
import type { ReactNode } from 'react';
import type { FleetRouterRow } from '@/lib/dto/fleet';

/** A short list of routers (worst signal, recently offline) with one detail per row and a "see all" link. */
export function OverviewRouterList({
  routers,
  detail,
  allHref,
  allLabel,
  empty,
  testId,
}: {
  routers: FleetRouterRow[];
  detail: (r: FleetRouterRow) => ReactNode;
  allHref: string;
  allLabel: string;
  empty: string;
  testId: string;
}) {
  return (
    <>
      {routers.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list" data-testid={testId}>
          {routers.map((r) => (
            <li key={r.id}>
              <Link href={`/routers/${encodeURIComponent(r.id)}`} prefetch={false}>
                {r.name}
              </Link>
              <span className="small">{detail(r)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="small">
        <Link href={allHref}>{allLabel}</Link>
      </p>
    </>
  );
}
