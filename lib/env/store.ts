/** Where the dashboard keeps its own data (acknowledgements, audit, the webhook secret). */
import { z } from 'zod';
import { envSection, parseEnv, text } from './read';

const schema = z.object({ STORE_PATH: text() });

const DEFAULT_STORE_PATH = '.data/fleet-console.db';

/** The SQLite file, relative to the working directory unless absolute. */
export const storeEnv = envSection('store', ['STORE_PATH'], (env) => ({
  path: parseEnv(schema, env).STORE_PATH ?? DEFAULT_STORE_PATH,
}));
