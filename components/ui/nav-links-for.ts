import { type Action, can, type Role } from '@/lib/auth/permissions';

export interface NavLink {
  href: string;
  label: string;
}

const LINKS: Array<NavLink & { needs: Action }> = [
  { href: '/', label: 'Overview', needs: 'routers:read' },
  { href: '/routers', label: 'Routers', needs: 'routers:read' },
  { href: '/map', label: 'Map', needs: 'routers:read' },
  { href: '/field', label: 'Field', needs: 'routers:read' },
  { href: '/alerts', label: 'Alerts', needs: 'alerts:read' },
  { href: '/activity', label: 'Activity', needs: 'activity:read' },
  { href: '/sessions', label: 'Sessions', needs: 'sessions:manage' },
];

/** The links a role can open; the pages check the role again themselves. */
export function navLinksFor(role: Role | null): NavLink[] {
  return LINKS.filter((link) => can(role, link.needs)).map(({ href, label }) => ({ href, label }));
}
