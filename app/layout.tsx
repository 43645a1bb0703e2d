import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { readDisplayPreferences } from '@/lib/display/server';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Fleet Console', template: '%s · Fleet Console' },
  description: 'Cradlepoint fleet dashboard for NOC staff and field technicians',
  icons: { apple: '/icons/apple-touch-icon.png' },
  appleWebApp: { capable: true, title: 'Fleet', statusBarStyle: 'default' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#0f3d5e' },
    { media: '(prefers-color-scheme: dark)', color: '#0a2233' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme is on <html> from the first byte: a chosen theme never flashes the system's first.
  const { theme, times } = await readDisplayPreferences();
  return (
    <html lang="en" data-theme={theme === 'system' ? undefined : theme}>
      <body>
        <Providers times={times}>{children}</Providers>
      </body>
    </html>
  );
}
