import type { RouterState } from '@/lib/domain/types';

/** One colour per router state, shared by markers, cluster badges and the legend. */
export const STATE_COLORS: Record<RouterState, string> = {
  online: '#2e7d32',
  offline: '#c62828',
  initialized: '#b7791f',
  unknown: '#6b7280',
};

export const STATE_ORDER: readonly RouterState[] = ['online', 'offline', 'initialized', 'unknown'];
