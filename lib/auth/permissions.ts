/**
 * The one permission table: NCM's role names × the actions Fleet Console offers. Every route
 * handler, server action and data function asks `can()` (through `authorize()` in lib/auth/session.ts);
 * nothing else decides who may do what. Browser-safe: the UI uses it only to hide controls, never to
 * protect anything.
 */

export const ROLES = ['Administrator', 'Full Access', 'Read Only', 'Diagnostic'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'routers:read',
  'routers:update',
  'routers:export',
  'routers:reboot',
  'alerts:read',
  'alerts:acknowledge',
  'activity:read',
  'diagnostics:read',
  'settings:manage',
  'sessions:manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const EVERYONE: readonly Role[] = ROLES;
const WRITERS: readonly Role[] = ['Administrator', 'Full Access'];

export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  'routers:read': EVERYONE,
  'routers:update': WRITERS,
  'routers:export': ['Administrator', 'Full Access', 'Read Only'],
  'routers:reboot': WRITERS,
  'alerts:read': EVERYONE,
  'alerts:acknowledge': WRITERS,
  'activity:read': ['Administrator', 'Full Access', 'Read Only'],
  'diagnostics:read': EVERYONE,
  'settings:manage': ['Administrator'],
  'sessions:manage': ['Administrator'],
};

/**
 * Actions that change something. A single sign-on user's role is confirmed with the identity
 * provider right before each of them, not only on the periodic re-check.
 */
export const WRITE_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'routers:update',
  'routers:reboot',
  'alerts:acknowledge',
  'settings:manage',
  'sessions:manage',
]);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role) return false;
  return PERMISSIONS[action].includes(role);
}
