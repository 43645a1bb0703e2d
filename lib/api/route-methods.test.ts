/**
 * The proxy's method table must match what the route files export: a route missing from it would
 * be left to Next (500 on TRACE, 405 without Allow), and a stale entry would refuse a real method.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ROUTE_METHODS, allowedMethods } from './route-methods';

const root = join(__dirname, '..', '..');
const HTTP_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === 'route.ts' ? [path] : [];
  });
}

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+([A-Z]+)\b/g)) found.add(match[1]!);
  for (const match of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) {
    for (const name of match[1]!.split(',')) found.add(name.trim());
  }
  return HTTP_METHODS.filter((method) => found.has(method));
}

describe('API_ROUTE_METHODS', () => {
  const files = routeFiles(join(root, 'app', 'api'));

  it('lists every route file with exactly the methods it exports', () => {
    const fromFiles = files
      .map((file) => {
        const pattern = `/${relative(join(root, 'app'), file).replace(/\/route\.ts$/, '')}`;
        return [pattern, exportedMethods(readFileSync(file, 'utf8'))] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b));
    const table = [...API_ROUTE_METHODS].map(([p, m]) => [p, [...m]] as const).sort(([a], [b]) => a.localeCompare(b));
    expect(table).toEqual(fromFiles);
  });

  it('matches dynamic segments and adds HEAD and OPTIONS the way Next does', () => {
    expect(allowedMethods('/api/routers/42')).toEqual(['GET', 'PATCH', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/alerts/a-1/ack')).toEqual(['POST', 'OPTIONS']);
    expect(allowedMethods('/api/auth/callback/credentials')).toEqual(['GET', 'POST', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/routers/42/extra')).toBeNull();
    expect(allowedMethods('/api/nope')).toBeNull();
  });
});
