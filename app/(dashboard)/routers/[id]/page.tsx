import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NetDevicesTable } from '@/components/routers/net-devices-table';
import { RouterEditForm } from '@/components/routers/router-edit-form';
import { RouterFields } from '@/components/routers/router-fields';
import { StateBadge } from '@/components/ui/state-badge';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/data/page-auth';
import { getRouterDetail } from '@/lib/data/routers';

export async function generateMetadata(props: PageProps<'/routers/[id]'>): Promise<Metadata> {
  const { id } = await props.params;
  return { title: `Router ${id}` };
}

export default async function RouterPage(props: PageProps<'/routers/[id]'>) {
  const { id } = await props.params;
  const user = await requirePageUser('routers:read', `/routers/${encodeURIComponent(id)}`);
  const router = await getRouterDetail(id);
  if (!router) notFound();

  return (
    <article aria-labelledby="router-name">
      <p className="small">
        <Link href="/routers">← All routers</Link>
      </p>
      <h1 id="router-name" data-testid="router-name">
        {router.name} <StateBadge state={router.state} />
      </h1>
      <div className="grid-2">
        <section className="card" aria-labelledby="fields-heading">
          <h2 id="fields-heading">Details</h2>
          <RouterFields router={router} />
        </section>
        <section className="card" aria-labelledby="edit-heading">
          <h2 id="edit-heading">Name, description and group</h2>
          {can(user.role, 'routers:update') ? (
            <RouterEditForm router={router} />
          ) : (
            <p className="muted" data-testid="read-only-note">
              Your role ({user.role}) can view this router but not change it.
            </p>
          )}
        </section>
      </div>
      <section aria-labelledby="devices-heading">
        <h2 id="devices-heading">Network devices</h2>
        <NetDevicesTable devices={router.netDevices} />
      </section>
    </article>
  );
}
