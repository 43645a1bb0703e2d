import { describe, expect, it } from 'vitest';
import { alertsQuerySchema } from '@/lib/dto/alerts';
import { routerChangesSchema } from '@/lib/dto/routers';
import { HttpError } from '@/lib/dto/errors';
import { assertSameOriginJson, parseSearchParams, parseWith, readJsonBody } from './request';

function req(headers: Record<string, string>, body?: string) {
  return new Request('http://127.0.0.1:3210/api/routers/1', { method: 'PATCH', headers, body });
}

function statusOf(fn: () => unknown): number | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof HttpError ? err.status : -1;
  }
}

describe('assertSameOriginJson', () => {
  const json = { 'content-type': 'application/json', host: '127.0.0.1:3210' };
  it('accepts a same-origin JSON request', () => {
    expect(
      statusOf(() =>
        assertSameOriginJson(req({ ...json, origin: 'http://127.0.0.1:3210', 'sec-fetch-site': 'same-origin' })),
      ),
    ).toBeNull();
  });
  it('refuses another origin, a cross-site fetch and non-JSON bodies', () => {
    expect(statusOf(() => assertSameOriginJson(req({ ...json, origin: 'https://evil.example' })))).toBe(403);
    expect(statusOf(() => assertSameOriginJson(req({ ...json, 'sec-fetch-site': 'cross-site' })))).toBe(403);
    expect(statusOf(() => assertSameOriginJson(req({ host: '127.0.0.1:3210', 'content-type': 'text/plain' })))).toBe(
      415,
    );
    expect(
      statusOf(() =>
        assertSameOriginJson(req({ host: '127.0.0.1:3210', 'content-type': 'application/x-www-form-urlencoded' })),
      ),
    ).toBe(415);
  });
});

describe('readJsonBody', () => {
  it('parses JSON and refuses oversized or broken bodies', async () => {
    await expect(readJsonBody(req({ 'content-type': 'application/json' }, '{"name":"a"}'))).resolves.toEqual({
      name: 'a',
    });
    await expect(readJsonBody(req({ 'content-type': 'application/json' }, 'x'.repeat(20_000)))).rejects.toMatchObject({
      status: 413,
    });
    await expect(readJsonBody(req({ 'content-type': 'application/json' }, '{"name":'))).rejects.toMatchObject({
      status: 400,
      code: 'bad_json',
    });
  });
});

describe('router query and changes', () => {
  it('defaults and validates a list query, refusing repeated keys', () => {
    expect(parseSearchParams('http://x/api/alerts', alertsQuerySchema)).toMatchObject({
      range: '24h',
      limit: 50,
      offset: 0,
    });
    expect(
      parseSearchParams('http://x/api/alerts?limit=100&offset=200&severity=critical', alertsQuerySchema),
    ).toMatchObject({
      limit: 100,
      offset: 200,
      severity: 'critical',
    });
    for (const bad of [
      'limit=100000',
      'limit=-1',
      'limit=abc',
      'offset=1e12',
      'severity=exploded',
      'limit=25&limit=50',
    ]) {
      expect(
        statusOf(() => parseSearchParams(`http://x/api/alerts?${bad}`, alertsQuerySchema)),
        bad,
      ).toBe(400);
    }
  });

  it('allows only name, description and groupId, with limits', () => {
    expect(parseWith(routerChangesSchema, { name: '  BUS-1 ', description: 'ok 🚍', groupId: '12' })).toEqual({
      name: 'BUS-1',
      description: 'ok 🚍',
      groupId: '12',
    });
    expect(parseWith(routerChangesSchema, { groupId: null })).toEqual({ groupId: null });
    const refused = [
      { name: 'x', account: '1' },
      { name: 'x', __proto__: { isAdmin: true }, id: '1' },
      { name: '' },
      { name: 'x'.repeat(101) },
      { name: 'evil\u202Egnp.exe' },
      { name: 'line\nbreak' },
      { groupId: 'https://canary/groups/1/' },
      { groupId: 42 },
      {},
    ];
    for (const body of refused) {
      expect(
        statusOf(() => parseWith(routerChangesSchema, body)),
        JSON.stringify(body),
      ).toBe(400);
    }
  });
});
