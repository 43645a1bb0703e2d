'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { TimesProvider } from '@/components/ui/times-context';
import type { TimesChoice } from '@/lib/display/preferences';
import { getQueryClient } from '@/lib/queries/query-client';

export function Providers({ times, children }: { times: TimesChoice; children: ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <QueryClientProvider client={queryClient}>
      <TimesProvider value={times}>{children}</TimesProvider>
    </QueryClientProvider>
  );
}
