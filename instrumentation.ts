/** Runs once when the server process starts, before it serves requests. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { Server } = await import('node:http');
  const { installFetchForbiddenMethodGuard } = await import('@/lib/server/fetch-forbidden-methods');
  installFetchForbiddenMethodGuard(Server);
}
