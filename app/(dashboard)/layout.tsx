import Link from 'next/link';
import type { ReactNode } from 'react';
import { OfflineNotice } from '@/components/offline/offline-notice';
import { SignOutForm } from '@/components/offline/sign-out-form';
import { NavLinks } from '@/components/ui/nav-links';
import { signOutAction } from '@/lib/auth/actions';
import { getSessionUser } from '@/lib/auth/session';
import { ncmAccessNotice } from '@/lib/data/ncm-access';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  const ncmNotice = user ? await ncmAccessNotice() : null;
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
        {ncmNotice && (
          <p className="banner error" role="status" data-testid="ncm-access">
            {ncmNotice}
          </p>
        )}
        <OfflineNotice />
        {children}
      </main>
    </div>
  );
}
