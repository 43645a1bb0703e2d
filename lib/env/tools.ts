/** The demo's and the test suite's own settings: where the dashboard listens, the simulated fleet, the browser. */
import { z } from 'zod';
import { envSection, integer, parseEnv, text } from './read';

const schema = z.object({
  PORT: integer(1, 65_535),
  HOST: text(),
  SIMULATOR_ROUTERS: integer(1, 1_000_000),
  SIMULATOR_SEED: integer(0, 2 ** 31 - 1),
  CHROMIUM_PATH: text(),
});

export interface ToolsEnv {
  port: number;
  host: string;
  simulatorRouters: number;
  simulatorSeed: number;
  chromiumPath: string;
}

export const toolsEnv = envSection('tools', Object.keys(schema.shape), (env): ToolsEnv => {
  const e = parseEnv(schema, env);
  return {
    port: e.PORT ?? 3210,
    host: e.HOST ?? '127.0.0.1',
    simulatorRouters: e.SIMULATOR_ROUTERS ?? 1000,
    simulatorSeed: e.SIMULATOR_SEED ?? 42,
    chromiumPath: e.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
});
