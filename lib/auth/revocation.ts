import 'server-only';
/**
 * Ended sessions. Sessions are stateless JWTs, so without this a token copied before sign-out — or
 * re-issued by a request still in flight when the user clicked "Sign out" — would stay valid until it
 * expires. Kept in the store, so an ended session stays ended across restarts.
 */
import { findSession } from '@/lib/store/sessions';

export function isSessionEnded(sid: string): boolean {
  return findSession(sid)?.endedAt != null;
}
