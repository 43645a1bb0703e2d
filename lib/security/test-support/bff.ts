/**
 * Calls the real BFF route handlers the way Next would, with a chosen signed-in user. The session
 * itself comes from a mocked `auth()` in the test file (vi.mock is per file); everything behind it —
 * authorization, validation, the NCM client, the users file — is the real code.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashSync } from 'bcryptjs';
import type { Role } from '@/lib/auth/permissions';

export const APP_ORIGIN = 'http://127.0.0.1:3210';

export function claimsFor(username: string, role: Role, sid = `sid-${username}-${crypto.randomUUID()}`) {
  return {
    id: `credentials:${username}`,
    username,
    name: username,
    role,
    provider: 'credentials',
    authTime: Math.floor(Date.now() / 1000),
    sid,
  };
}

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The handler for `method` of the route file behind an API pattern such as `/api/routers/[id]`. */
async function routeHandler(pattern: string, method: string): Promise<Handler> {
  const mod = (await import(
    /* @vite-ignore */ join(__dirname, '..', '..', '..', 'app', pattern, 'route.ts')
  )) as Record<string, Handler>;
  const handler = mod[method];
  if (!handler) throw new Error(`${pattern} exports no ${method}`);
  return handler;
}

export interface CallOptions {
  params?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}

export async function callRoute(
  pattern: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const handler = await routeHandler(pattern, method);
  const request = new Request(`${APP_ORIGIN}${path}`, { method, headers: options.headers, body: options.body });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

/** Headers of a same-origin JSON mutation, as our own pages send it. */
export const SAME_ORIGIN_JSON = {
  'content-type': 'application/json',
  origin: APP_ORIGIN,
  host: '127.0.0.1:3210',
  'sec-fetch-site': 'same-origin',
};

/** A users file in a fresh temp directory (a new path each time, so no cache can serve an old one). */
export function writeUsersFile(users: Array<{ username: string; role: Role; disabled?: boolean }>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fleet-users-')), 'users.json');
  // Cheap rounds: these users only exist for session look-ups.
  const hash = hashSync('unused', 4);
  writeFileSync(path, JSON.stringify(users.map((u) => ({ ...u, name: u.username, passwordHash: hash }))));
  return path;
}
