import Link from 'next/link';
import type { ReactNode } from 'react';
import { OfflineNotice } from '@/components/offline/offline-notice';
import { SignOutForm } from '@/components/offline/sign-out-form';
import { NavLinks } from '@/components/ui/nav-links';
import { signOutAction } from '@/lib/auth/actions';
import { getSessionUser } from '@/lib/auth/session';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/" className="brand">
          Fleet Console
        </Link>
        <NavLinks role={user?.role ?? null} />
        {user && (
          <div className="user">
            <span data-testid="current-user">{user.name}</span>
            {user.provider === 'oidc' && (
              <abbr className="role" data-testid="current-sso" title={`Signed in through single sign-on as ${user.username}`}>
                SSO
              </abbr>
            )}
            <span className="role" data-testid="current-role">
              {user.role}
            </span>
            <SignOutForm action={signOutAction} />
          </div>
        )}
      </header>
      <main className="main" id="main">
        <OfflineNotice />
        {children}
      </main>
    </div>
  );
}
