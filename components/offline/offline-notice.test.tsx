// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OFFLINE_COPY_META } from '@/lib/offline/kept-copy';
import { OfflineNotice } from './offline-notice';

vi.mock('next/navigation', () => ({ usePathname: () => '/field/7' }));

const T = Date.UTC(2026, 11, 3, 10, 42, 7);

function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
}

function keptCopy(storedAt: number) {
  const meta = document.createElement('meta');
  meta.name = OFFLINE_COPY_META;
  meta.content = String(storedAt);
  document.head.append(meta);
}

beforeEach(() => {
  vi.useFakeTimers({ now: T + 60_000, toFake: ['Date'] });
});

afterEach(() => {
  cleanup();
  for (const meta of document.head.querySelectorAll('meta')) meta.remove();
  vi.useRealTimers();
});

describe('OfflineNotice', () => {
  it('says nothing while the page came from the network and the browser is online', () => {
    setOnline(true);
    render(<OfflineNotice />);
    expect(screen.queryByTestId('offline-notice')).toBeNull();
  });

  it('says "Offline" with the kept copy\u2019s time when the browser is offline', () => {
    setOnline(false);
    keptCopy(T);
    render(<OfflineNotice />);
    expect(screen.getByTestId('offline-notice').textContent).toBe('Offline — showing data as of 10:42:07 UTC');
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
  });

  it('says Fleet Console is not answering, and offers Reload, when the browser is online but the page is a copy', () => {
    setOnline(true);
    keptCopy(T);
    render(<OfflineNotice />);
    expect(screen.getByTestId('offline-notice').textContent).toMatch(
      /^Fleet Console is not answering — showing data as of 10:42:07 UTC/,
    );
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('shows the time of the page when the browser goes offline on a page fetched from the network', () => {
    setOnline(true);
    render(<OfflineNotice />);
    setOnline(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(screen.getByTestId('offline-notice').textContent).toBe('Offline — showing data as of 10:43:07 UTC');
  });
});
