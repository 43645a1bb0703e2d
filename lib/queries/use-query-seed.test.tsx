// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { type QuerySeed, seedOf } from './seed';
import { useQuerySeed } from './use-query-seed';

const KEY = ['fleet', 'routers', { sort: 'name' }, 0] as const;

function seedIn(client: QueryClient, seed: QuerySeed | null) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return renderHook(({ s }) => useQuerySeed(s), { wrapper, initialProps: { s: seed } });
}

afterEach(cleanup);

describe('seedOf', () => {
  it('hands on a successful answer with its time, and nothing for a failed or missing one', async () => {
    const server = new QueryClient();
    await server.prefetchQuery({ queryKey: KEY, queryFn: () => 'rows' });
    const at = server.getQueryState(KEY)!.dataUpdatedAt;
    expect(seedOf(server, KEY)).toEqual({ queryKey: KEY, data: 'rows', updatedAt: at });
    await server.prefetchQuery({ queryKey: ['other'], queryFn: () => Promise.reject(new Error('down')), retry: false });
    expect(seedOf(server, ['other'])).toBeNull();
    expect(seedOf(server, ['never'])).toBeNull();
  });
});

describe('useQuerySeed', () => {
  it('fills an empty cache during the first render', () => {
    const client = new QueryClient();
    let seen: unknown;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    renderHook(
      () => {
        useQuerySeed({ queryKey: KEY, data: 'server rows', updatedAt: 1_000 });
        seen = client.getQueryData(KEY);
      },
      { wrapper },
    );
    expect(seen).toBe('server rows');
    expect(client.getQueryState(KEY)?.dataUpdatedAt).toBe(1_000);
  });

  it('replaces an older cached answer and keeps a newer one', () => {
    const client = new QueryClient();
    client.setQueryData(KEY, 'old rows', { updatedAt: 500 });
    const view = seedIn(client, { queryKey: KEY, data: 'server rows', updatedAt: 1_000 });
    expect(client.getQueryData(KEY)).toBe('server rows');
    client.setQueryData(KEY, 'newer rows', { updatedAt: 2_000 });
    view.rerender({ s: { queryKey: KEY, data: 'stale server rows', updatedAt: 1_500 } });
    expect(client.getQueryData(KEY)).toBe('newer rows');
  });

  it('does nothing without a seed', () => {
    const client = new QueryClient();
    seedIn(client, null);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});
