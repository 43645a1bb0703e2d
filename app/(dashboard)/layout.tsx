import Link from 'next/link';
import type { ReactNode } from 'react';
import { OfflineNotice } from '@/components/offline/offline-notice';
import { SignOutForm } from '@/components/offline/sign-out-form';
import { DisplaySettings } from '@/components/ui/display-settings';
import { NavLinks } from '@/components/ui/nav-links';
import { navLinksFor } from '@/components/ui/nav-links-for';
import { signOutAction } from '@/lib/auth/actions';
import { getSessionUser } from '@/lib/auth/session';
import { ncmAccessNotice } from '@/lib/data/ncm-access';
import { readDisplayPreferences } from '@/lib/display/server';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  const ncmNotice = user ? await ncmAccessNotice() : null;
  const { theme, times } = await readDisplayPreferences();
  return (
    <div className="shell">
      <header className="topbar">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        {/* No prefetch: it would load the overview's boundary script and render its layouts on every page view. */}
        <Link href="/" className="brand" prefetch={false}>
          Fleet Console
        </Link>
        {/* On a phone the links and the account collapse behind this button (a popover: no script). */}
        <button type="button" className="topbar-button menu-button" popoverTarget="site-menu" data-testid="menu-button">
          Menu
        </button>
        <div id="site-menu" popover="auto" className="site-menu">
          <NavLinks links={navLinksFor(user?.role ?? null)} />
          {user && (
            <div className="user">
              <span data-testid="current-user">{user.name}</span>
              {user.provider === 'oidc' && (
                <abbr
                  className="role"
                  data-testid="current-sso"
                  title={`Signed in through single sign-on as ${user.username}`}
                >
                  SSO
                </abbr>
              )}
              <span className="role" data-testid="current-role">
                {user.role}
              </span>
              <SignOutForm action={signOutAction} />
            </div>
          )}
        </div>
        <DisplaySettings theme={theme} times={times} />
      </header>
      <main className="main" id="main" tabIndex={-1}>
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
