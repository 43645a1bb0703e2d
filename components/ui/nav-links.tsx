'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
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
  const nav = useRef<HTMLElement>(null);
  const shownFor = useRef(pathname);
  // On a phone the links sit in a popover menu; arriving on another page closes it.
  useEffect(() => {
    if (shownFor.current === pathname) return;
    shownFor.current = pathname;
    const menu = nav.current?.closest<HTMLElement>('[popover]');
    if (menu?.matches(':popover-open')) menu.hidePopover();
  }, [pathname]);
  return (
    <nav aria-label="Main" ref={nav}>
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
