/**
 * Every setting of the dashboard, read from the environment and validated in one place. Each
 * section reads its variables on use; `checkServerEnv` reads them all when the server is built and
 * starts, so a bad value stops it with a message naming the variable (never its value).
 * `.env.example` lists every variable with its default. Server-side only (the boundary check keeps
 * it out of the browser).
 *
 * Imports here are relative: next.config.js loads this folder (through tsx) before the `@/` alias is known.
 */
import { authEnv, checkAuthForServing } from './auth';
import { fleetEnv } from './fleet';
import { ncmEnv } from './ncm';
import type { EnvSource } from './read';
import { siteEnv } from './site';
import { storeEnv } from './store';
import { toolsEnv } from './tools';

export { authEnv, type OidcSettings, parseRoleMap } from './auth';
export { fleetEnv } from './fleet';
export { type NcmKeys, ncmEnv } from './ncm';
export { EnvError, type EnvSource } from './read';
export { siteEnv } from './site';
export { storeEnv } from './store';
export { toolsEnv } from './tools';

/**
 * Validates every section; throws the first problem. `serving`: the production server is starting
 * (not a build, not dev), which also needs the session secret.
 */
export function checkServerEnv(env: EnvSource, phase: { serving: boolean }): void {
  for (const section of [ncmEnv, fleetEnv, storeEnv, siteEnv, authEnv, toolsEnv]) section(env);
  if (phase.serving) checkAuthForServing(env);
}
