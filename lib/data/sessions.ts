import 'server-only';
/**
 * Who is signed in, and ending someone's sessions (an Administrator's tool: a departing colleague, a
 * lost phone, a role that must change now rather than at the next re-check).
 */
import { actorLabel } from '@/lib/auth/actor';
import type { AuthProvider } from '@/lib/auth/claims';
import { authorize } from '@/lib/auth/session';
import { endUserSessions, liveSessions } from '@/lib/store/sessions';
import { recordAudit } from './activity';

export interface LiveUserSessions {
  userId: string;
  label: string;
  name: string;
  provider: AuthProvider;
  role: string;
  sessions: number;
  /** ISO times. */
  firstStartedAt: string;
  lastSeenAt: string;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Live sessions grouped by person, most recently active first. */
export async function listLiveSessions(): Promise<LiveUserSessions[]> {
  await authorize('sessions:manage');
  const byUser = new Map<string, LiveUserSessions>();
  for (const session of liveSessions(nowSeconds())) {
    const provider: AuthProvider = session.provider === 'oidc' ? 'oidc' : 'credentials';
    const current = byUser.get(session.userId);
    if (current) {
      current.sessions += 1;
      if (iso(session.startedAt) < current.firstStartedAt) current.firstStartedAt = iso(session.startedAt);
      continue;
    }
    byUser.set(session.userId, {
      userId: session.userId,
      label: actorLabel({ provider, username: session.username }),
      name: session.name,
      provider,
      role: session.role,
      sessions: 1,
      firstStartedAt: iso(session.startedAt),
      lastSeenAt: iso(session.lastSeenAt),
    });
  }
  return [...byUser.values()];
}

/** Ends every live session of one person; they must sign in again (and SSO users meet the provider again). */
export async function endSessionsOf(userId: string): Promise<number> {
  const admin = await authorize('sessions:manage');
  const ended = endUserSessions(userId, `ended by ${admin.id}`, nowSeconds());
  recordAudit({
    user: admin,
    action: 'sessions.end',
    targetType: 'user',
    targetId: userId,
    before: { sessions: ended },
    after: { sessions: 0 },
  });
  return ended;
}
