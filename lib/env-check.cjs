// @ts-check
'use strict';
/**
 * Start-up/build check of the NCM environment, required by next.config.js. Plain CommonJS with no
 * dependencies because it runs before Next compiles anything. It mirrors the rules of lib/ncm/config.ts
 * (which re-validates at first use) so a half-configured key set fails here, naming the variable,
 * instead of as a 500 on the first request. Messages name variables, never values.
 */

const NCM_KEY_VARS = ['NCM_CP_API_ID', 'NCM_CP_API_KEY', 'NCM_ECM_API_ID', 'NCM_ECM_API_KEY'];

/** @param {string | undefined} value */
function isSet(value) {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * @param {string} name
 * @param {string | undefined} value
 * @param {number} min
 * @param {number} max
 */
function checkInteger(name, value, min, max) {
  if (!isSet(value)) return;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}`);
  }
}

/** @param {Record<string, string | undefined>} env */
function checkNcmEnv(env) {
  const present = NCM_KEY_VARS.filter((name) => isSet(env[name]));
  if (present.length > 0 && present.length < NCM_KEY_VARS.length) {
    const missing = NCM_KEY_VARS.filter((name) => !isSet(env[name]));
    throw new Error(`NCM API keys must be set all together or not at all; missing: ${missing.join(', ')}`);
  }
  const base = env.NCM_BASE_URL;
  if (isSet(base)) {
    /** @type {URL} */
    let parsed;
    try {
      parsed = new URL(/** @type {string} */ (base));
    } catch {
      throw new Error('NCM_BASE_URL is not a valid URL');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new Error('NCM_BASE_URL must be an http(s) URL');
    }
    if (parsed.username || parsed.password || parsed.search || parsed.hash) {
      throw new Error('NCM_BASE_URL must not contain credentials, a query or a fragment');
    }
  }
  checkInteger('NCM_TIMEOUT_MS', env.NCM_TIMEOUT_MS, 100, 120000);
  checkInteger('NCM_MAX_RETRIES', env.NCM_MAX_RETRIES, 0, 10);
  checkInteger('NCM_BREAKER_FAILURES', env.NCM_BREAKER_FAILURES, 1, 1000);
  checkInteger('NCM_BREAKER_COOLDOWN_SECONDS', env.NCM_BREAKER_COOLDOWN_SECONDS, 1, 3600);
  checkInteger('SIMULATOR_PORT', env.SIMULATOR_PORT, 1, 65535);
}

checkNcmEnv(process.env);

module.exports = { checkNcmEnv, NCM_KEY_VARS };
