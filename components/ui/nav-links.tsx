'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { UnackedBadge } from '@/components/alerts/unacked-badge';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/routers', label: 'Routers' },
  // --- alerts & activity slice ---
  { href: '/alerts', label: 'Alerts' },
  { href: '/activity', label: 'Activity' },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      {LINKS.map((link) => {
        const active = link.href === '/' ? pathname === '/' : pathname.startsWith(link.href);
        return (
          <Link key={link.href} href={link.href} aria-current={active ? 'page' : undefined}>
            {link.label}
            {link.href === '/alerts' && <UnackedBadge />}
          </Link>
        );
      })}
    </nav>
  );
}
