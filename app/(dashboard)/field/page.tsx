import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { FieldSearch } from '@/components/field/field-search';
import { StateBadge } from '@/components/ui/state-badge';
import { findFieldRouters } from '@/lib/data/field';
import { requirePageUser } from '@/lib/data/page-auth';

export const metadata: Metadata = { title: 'Field view' };

export default async function FieldPage(props: PageProps<'/field'>) {
  const search = await props.searchParams;
  await requirePageUser('routers:read', '/field', search);
  const { q } = search;
  const query = typeof q === 'string' ? q.trim().slice(0, 200) : '';
  const matches = query ? await findFieldRouters(query) : [];
  // A scanned serial or an exact name finds one router: go straight to it.
  if (matches.length === 1) redirect(`/field/${encodeURIComponent(matches[0]!.id)}`);
  return (
    <article className="field">
      <h1>Field view</h1>
      <p className="muted">Find the router in front of you by what is on its label, or scan the label.</p>
      <FieldSearch initial={query} />
      {query && matches.length === 0 && (
        <p role="status" data-testid="field-no-match">
          No router matches “{query}”.
        </p>
      )}
      {matches.length > 1 && (
        <ul className="field-matches" aria-label="Matching routers">
          {matches.map((m) => (
            <li key={m.id}>
              <Link href={`/field/${encodeURIComponent(m.id)}`} prefetch={false}>
                <strong>{m.name}</strong> <StateBadge state={m.state} />
                <span className="small muted">{[m.serialNumber, m.assetId, m.mac].filter(Boolean).join(' · ')}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
