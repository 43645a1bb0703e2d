import { describe, expect, it } from 'vitest';
import { ADMIN, api, headersFor, READ_ONLY, start } from './test-helpers';

describe('rate limit', () => {
  it('answers 429 with an integer Retry-After once the per-key bucket is empty, per ECM id', async () => {
    const sim = await start({ routers: 20, rateLimitPerMinute: 30 });
    try {
      const a = api(sim);
      for (let i = 0; i < 30; i++) expect((await a.get('accounts/')).status).toBe(200);
      const limited = await a.get('accounts/');
      expect(limited.status).toBe(429);
      const retry = Number(limited.headers.get('retry-after'));
      expect(Number.isInteger(retry)).toBe(true);
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(typeof (limited.body as { exception: { message: string } }).exception.message).toBe('string');
      expect((await a.get('accounts/', READ_ONLY)).status).toBe(200); // separate bucket per ECM key
    } finally {
      await sim.close();
    }
  });

  it('refills with time', async () => {
    let clock = 1_000_000;
    const sim = await start({ routers: 20, rateLimitPerMinute: 60, now: () => clock });
    try {
      const a = api(sim);
      for (let i = 0; i < 60; i++) await a.get('accounts/');
      expect((await a.get('accounts/')).status).toBe(429);
      clock += 2000;
      expect((await a.get('accounts/')).status).toBe(200);
    } finally {
      await sim.close();
    }
  });
});

describe('faults', () => {
  it('injects 500 "cp internal error shard-router-3" and 503 per errorRate, limited by paths', async () => {
    const sim = await start({
      routers: 20,
      faults: { errorRate: 1, errorStatuses: [500], paths: '^/api/v2/routers/' },
    });
    try {
      const a = api(sim);
      const res = await a.get('routers/');
      expect(res.status).toBe(500);
      expect((res.body as { exception: { message: string } }).exception.message).toBe(
        'cp internal error shard-router-3',
      );
      expect((await a.get('groups/')).status).toBe(200);
      sim.setFaults({ errorRate: 1 });
      const statuses = new Set<number>();
      for (let i = 0; i < 20; i++) statuses.add((await a.get('groups/')).status);
      expect(statuses).toEqual(new Set([500, 503]));
      sim.setFaults({});
      expect((await a.get('routers/')).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('rateLimitStorm answers every call 429; malformed sends invalid JSON; truncate breaks the body', async () => {
    const sim = await start({ routers: 20, faults: { rateLimitStorm: true } });
    try {
      const a = api(sim);
      const storm = await a.get('accounts/');
      expect(storm.status).toBe(429);
      expect(Number(storm.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      sim.setFaults({ malformedRate: 1 });
      const bad = await a.get('accounts/');
      expect(bad.status).toBe(200);
      expect(() => JSON.parse(bad.text)).toThrow();
      sim.setFaults({ truncateRate: 1 });
      await expect(
        fetch(`${sim.baseUrl}/accounts/`, { headers: headersFor(ADMIN) }).then((r) => r.text()),
      ).rejects.toThrow();
    } finally {
      await sim.close();
    }
  });

  it('hangRate never answers (and close() still shuts down); latency delays', async () => {
    const sim = await start({ routers: 20, faults: { hangRate: 1 } });
    const hung = fetch(`${sim.baseUrl}/accounts/`, { headers: headersFor(ADMIN), signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toThrow();
    sim.setFaults({ latencyMs: 150 });
    const t = performance.now();
    expect((await api(sim).get('accounts/')).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    await sim.close();
  });

  it('never applies faults to /healthz', async () => {
    const sim = await start({ routers: 20, faults: { errorRate: 1, hangRate: 0 } });
    try {
      expect((await fetch(sim.baseUrl.replace('/api/v2', '/healthz'))).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('fault decisions are deterministic for a seed', async () => {
    const run = async () => {
      const sim = await start({ routers: 20, faults: { errorRate: 0.5 } });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await api(sim).get('accounts/')).status);
      await sim.close();
      return out;
    };
    expect(await run()).toEqual(await run());
  });
});

describe('control endpoint', () => {
  it('is off by default (404)', async () => {
    const sim = await start({ routers: 20 });
    try {
      const root = sim.baseUrl.replace('/api/v2', '');
      expect((await fetch(`${root}/_sim/faults`)).status).toBe(404);
      expect((await fetch(`${root}/_sim/stats`)).status).toBe(404);
    } finally {
      await sim.close();
    }
  });

  it('GET/PUT faults, stats, reset; faults never apply to /_sim', async () => {
    const sim = await start({ routers: 20, controlEnabled: true });
    const root = sim.baseUrl.replace('/api/v2', '');
    try {
      const put = await fetch(`${root}/_sim/faults`, {
        method: 'PUT',
        body: JSON.stringify({ errorRate: 1, errorStatuses: [503] }),
      });
      expect(put.status).toBe(200);
      expect(await (await fetch(`${root}/_sim/faults`)).json()).toEqual({ errorRate: 1, errorStatuses: [503] });
      expect((await api(sim).get('accounts/')).status).toBe(503);
      const stats = (await (await fetch(`${root}/_sim/stats`)).json()) as {
        requests: number;
        byPath: Record<string, number>;
        status: Record<string, number>;
      };
      expect(stats.requests).toBe(1);
      expect(stats.byPath['/api/v2/accounts/']).toBe(1);
      expect(stats.status['503']).toBe(1);
      await api(sim).send('PUT', 'routers/1000001/', { name: 'x' }); // 503 too: faults win
      expect((await fetch(`${root}/_sim/reset`, { method: 'POST' })).status).toBe(200);
      expect(await (await fetch(`${root}/_sim/faults`)).json()).toEqual({});
      expect((await api(sim).get('accounts/')).status).toBe(200);
      expect(sim.stats().requests).toBe(1);
      expect(sim.stats().byPath['/api/v2/accounts/']).toBe(1);
    } finally {
      await sim.close();
    }
  });
});
