/** The CLI prints the documented banner and stops cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('main.ts', () => {
  it('prints the base URL and key lines, serves /healthz, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'lib/simulator/main.ts', '--port', '0', '--routers', '50', '--seed', '3'],
      {
        cwd: new URL('../..', import.meta.url).pathname,
        env: { ...process.env, SIMULATOR_CONTROL: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const t = Date.now();
    while (!out.includes('role Diagnostic') && Date.now() - t < 15_000) await new Promise((r) => setTimeout(r, 50));
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^NCM simulator listening on http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    expect(lines.slice(1, 5)).toEqual([
      'X-CP-API-ID=demo-cp-api-id',
      'X-CP-API-KEY=demo-cp-api-key-5f0c',
      'X-ECM-API-ID=demo-ecm-admin-id',
      'X-ECM-API-KEY=demo-ecm-admin-key-9b1e',
    ]);
    expect(lines[5]).toBe(
      'role Full Access: X-ECM-API-ID=demo-ecm-fullaccess-id X-ECM-API-KEY=demo-ecm-fullaccess-id-key',
    );
    expect(lines[6]).toBe('role Read Only: X-ECM-API-ID=demo-ecm-readonly-id X-ECM-API-KEY=demo-ecm-readonly-id-key');
    const root = lines[0]!.replace('NCM simulator listening on ', '').replace('/api/v2', '');
    expect(await (await fetch(`${root}/healthz`)).text()).toBe('ok');
    expect((await fetch(`${root}/_sim/stats`)).status).toBe(200); // SIMULATOR_CONTROL=1
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
