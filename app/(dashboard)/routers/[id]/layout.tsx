import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requirePageUser } from '@/lib/data/page-auth';
import { routerExists } from '@/lib/data/routers';

/**
 * Decides 404 before anything streams: once loading.tsx's fallback is sent, the status is fixed at
 * 200, and a shared link to an unregistered router should be a real not-found.
 */
export default async function RouterLayout(props: LayoutProps<'/routers/[id]'>) {
  const { id } = await props.params;
  await requirePageUser('routers:read', `/routers/${encodeURIComponent(id)}`);
  if (!(await routerExists(id))) notFound();
  return <>{props.children as ReactNode}</>;
}
