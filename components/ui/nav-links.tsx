'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { UnackedBadge } from '@/components/alerts/unacked-badge';
import type { NavLink } from './nav-links-for';

/** The navigation; which links a role sees is decided on the server (navLinksFor), so the permission table stays there. */
export function NavLinks({ links }: { links: readonly NavLink[] }) {
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
      {links.map((link) => {
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
