'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { UnackedBadge } from '@/components/alerts/unacked-badge';
import { type Action, can, type Role } from '@/lib/auth/permissions';

const LINKS: Array<{ href: string; label: string; needs: Action }> = [
  { href: '/', label: 'Overview', needs: 'routers:read' },
  { href: '/routers', label: 'Routers', needs: 'routers:read' },
  { href: '/map', label: 'Map', needs: 'routers:read' },
  { href: '/field', label: 'Field', needs: 'routers:read' },
  { href: '/alerts', label: 'Alerts', needs: 'alerts:read' },
  { href: '/activity', label: 'Activity', needs: 'activity:read' },
  { href: '/sessions', label: 'Sessions', needs: 'sessions:manage' },
];

/** Links the user's role can open; the pages check the role again themselves. */
export function NavLinks({ role }: { role: Role | null }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      {LINKS.filter((link) => can(role, link.needs)).map((link) => {
        const active = link.href === '/' ? pathname === '/' : pathname.startsWith(link.href);
        return (
          // No prefetch: each would render that page's layouts on the server (and load its error
          // boundary's script here) on every page view, for a link that is rarely the next click.
          <Link key={link.href} href={link.href} aria-current={active ? 'page' : undefined} prefetch={false}>
            {link.label}
            {link.href === '/alerts' && <UnackedBadge />}
          </Link>
        );
      })}
    </nav>
  );
}
