import 'server-only';
/**
 * Whether NCM is refusing the dashboard's API keys: its last 401 (the keys themselves: revoked,
 * replaced or mistyped) or 403 (their role does not allow a resource), until a later call shows
 * otherwise. One per process, whichever bundle made the call.
 */
import { processSingleton, resetProcessSingleton } from '@/lib/process-state';

export interface KeyRefusal {
  status: 401 | 403;
  /** The NCM resource refused (e.g. `routers`). */
  resource: string;
  at: number;
}

const state = () => processSingleton('ncm-key-refusal', () => ({ current: null as KeyRefusal | null }));

/** Every answer NCM gives: a refusal is kept; a success ends it (a 403 only for its own resource). */
export function noteNcmAnswer(status: number, resource: string, at: number): void {
  const s = state();
  if (status === 401 || status === 403) s.current = { status, resource, at };
  else if (status >= 200 && status < 300 && s.current && (s.current.status === 401 || s.current.resource === resource))
    s.current = null;
}

export function ncmKeyRefusal(): KeyRefusal | null {
  return state().current;
}

export function resetNcmKeyRefusal(): void {
  resetProcessSingleton('ncm-key-refusal');
}
