import type { RouterState } from '@/lib/domain/types';

export function StateBadge({ state }: { state: RouterState }) {
  return <span className={`badge ${state}`}>{state}</span>;
}
