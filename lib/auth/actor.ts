/**
 * How the people who act are recorded and shown. A single sign-on account and a local account of
 * the same name are different people: the audit keeps provider and subject, and others see "(SSO)".
 */
import type { AuthProvider } from './claims';
import type { Role } from './permissions';

interface Actor {
  id: string;
  provider: AuthProvider;
  username: string;
  name: string;
  role: Role;
}

/** Who acted, as the audit records it: provider and subject keep single sign-on and local accounts apart. */
export function auditActor(user: Actor): {
  provider: string;
  subject: string | null;
  username: string;
  name: string;
  role: string;
} {
  return {
    provider: user.provider,
    subject: user.provider === 'oidc' ? user.id.slice('oidc:'.length) : null,
    username: user.username,
    name: user.name,
    role: user.role,
  };
}

/** How a person is named where others see who acted (audit, acknowledgements): SSO users are marked. */
export function actorLabel(user: Pick<Actor, 'provider' | 'username'>): string {
  return user.provider === 'oidc' ? `${user.username} (SSO)` : user.username;
}
