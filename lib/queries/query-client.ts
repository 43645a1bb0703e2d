import { isServer, QueryClient } from '@tanstack/react-query';
import { HttpError } from '@/lib/dto/errors';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Ask even when the browser says it is offline: the offline worker answers with the copy
        // kept on this device (and the page says how old it is). React Query's default would pause
        // instead, leaving a technician's field view empty.
        networkMode: 'offlineFirst',
        // A 4xx will not get better by asking again; upstream trouble may.
        retry: (failureCount, error) =>
          !(error instanceof HttpError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}

// module-state: set in the browser only, where one client serves the whole page; the server makes one per request.
let browserQueryClient: QueryClient | undefined;

/** One client per request on the server (no cache shared between users), one in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
