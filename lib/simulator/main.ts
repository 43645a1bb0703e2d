/**
 * CLI: `npm run simulator -- --port 8787 --routers 1000 --seed 42 [--rate-limit 500] [--control]`.
 * Every flag also comes from the environment (SIMULATOR_PORT, SIMULATOR_ROUTERS, SIMULATOR_SEED,
 * SIMULATOR_RATE_LIMIT, SIMULATOR_CONTROL=1, SIMULATOR_KEYS, SIMULATOR_FAULTS, SIMULATOR_HOST).
 */
import { DEMO_KEY_SETS, type FaultConfig, type SimKeySet, startSimulator } from './index';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < args.length && !args[i + 1]!.startsWith('--')) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

function num(value: string | undefined, fallback: number, what: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`Invalid ${what}: ${value}`);
  return n;
}

function json<T>(raw: string | undefined, what: string): T | undefined {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new Error(`${what} is not valid JSON`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const env = process.env;
  const keySets = json<SimKeySet[]>(env.SIMULATOR_KEYS, 'SIMULATOR_KEYS') ?? DEMO_KEY_SETS;
  const sim = await startSimulator({
    port: num(flag(args, 'port') ?? env.SIMULATOR_PORT, 8787, 'port'),
    host: flag(args, 'host') ?? env.SIMULATOR_HOST ?? '127.0.0.1',
    routers: num(flag(args, 'routers') ?? env.SIMULATOR_ROUTERS, 1000, 'router count'),
    seed: num(flag(args, 'seed') ?? env.SIMULATOR_SEED, 42, 'seed'),
    rateLimitPerMinute: num(flag(args, 'rate-limit') ?? env.SIMULATOR_RATE_LIMIT, 500, 'rate limit'),
    controlEnabled: args.includes('--control') || env.SIMULATOR_CONTROL === '1',
    faults: json<FaultConfig>(flag(args, 'faults') ?? env.SIMULATOR_FAULTS, 'SIMULATOR_FAULTS'),
    keySets,
  });
  const [admin, ...others] = sim.keySets;
  const lines = [`NCM simulator listening on ${sim.baseUrl}`];
  if (admin) {
    lines.push(
      `X-CP-API-ID=${admin.cpApiId}`,
      `X-CP-API-KEY=${admin.cpApiKey}`,
      `X-ECM-API-ID=${admin.ecmApiId}`,
      `X-ECM-API-KEY=${admin.ecmApiKey}`,
    );
  }
  for (const k of others) lines.push(`role ${k.role}: X-ECM-API-ID=${k.ecmApiId} X-ECM-API-KEY=${k.ecmApiKey}`);
  console.log(lines.join('\n'));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`simulator: error while stopping on ${signal}:`, err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`simulator: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
