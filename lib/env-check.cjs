// @ts-check
'use strict';
/**
 * Start-up/build check of the server environment, required by next.config.js. Plain CommonJS with no
 * dependencies because it runs before Next compiles anything. It mirrors the rules of lib/ncm/config.ts
 * (which re-validates at first use) so a bad setting fails here, naming the variable, instead of as a
 * 500 on the first request. Messages name variables, never values.
 */

const NCM_KEY_VARS = ['NCM_CP_API_ID', 'NCM_CP_API_KEY', 'NCM_ECM_API_ID', 'NCM_ECM_API_KEY'];

/** Printable ASCII without spaces: anything else would be refused as a header value, or split one. */
const KEY_PATTERN = /^[\x21-\x7e]{1,256}$/;

/** Auth.js derives its encryption key from this; a short one can be guessed offline from a cookie. */
const MIN_AUTH_SECRET_LENGTH = 32;

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

/**
 * Loopback and private (RFC 1918, unique local) hosts: a simulator or a test double on this machine
 * or network may speak plain http. Anywhere else the keys would cross the internet in clear text.
 * @param {string} hostname as URL.hostname gives it (IPv6 in brackets)
 */
function isLocalHost(hostname) {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  if (/^fc|^fd/.test(host) && host.includes(':')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** @param {Record<string, string | undefined>} env */
function checkNcmEnv(env) {
  const present = NCM_KEY_VARS.filter((name) => isSet(env[name]));
  if (present.length > 0 && present.length < NCM_KEY_VARS.length) {
    const missing = NCM_KEY_VARS.filter((name) => !isSet(env[name]));
    throw new Error(`NCM API keys must be set all together or not at all; missing: ${missing.join(', ')}`);
  }
  for (const name of present) {
    if (!KEY_PATTERN.test(/** @type {string} */ (env[name]).trim())) {
      throw new Error(`${name} is malformed: expected up to 256 printable characters without spaces`);
    }
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
    if (parsed.protocol === 'http:' && !isLocalHost(parsed.hostname)) {
      throw new Error('NCM_BASE_URL must use https unless it points at this machine or a private network');
    }
  }
  checkInteger('NCM_TIMEOUT_MS', env.NCM_TIMEOUT_MS, 100, 120000);
  checkInteger('NCM_MAX_RETRIES', env.NCM_MAX_RETRIES, 0, 10);
  checkInteger('NCM_BREAKER_FAILURES', env.NCM_BREAKER_FAILURES, 1, 1000);
  checkInteger('NCM_BREAKER_COOLDOWN_SECONDS', env.NCM_BREAKER_COOLDOWN_SECONDS, 1, 3600);
  checkInteger('SIMULATOR_PORT', env.SIMULATOR_PORT, 1, 65535);
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {{ serving: boolean }} phase serving: the production server is starting (not a build, not dev)
 */
function checkAuthEnv(env, phase) {
  if (!phase.serving) return;
  const secret = env.AUTH_SECRET;
  if (!isSet(secret)) throw new Error('AUTH_SECRET must be set in production (e.g. openssl rand -hex 32)');
  if (/** @type {string} */ (secret).trim().length < MIN_AUTH_SECRET_LENGTH) {
    throw new Error(`AUTH_SECRET must be at least ${MIN_AUTH_SECRET_LENGTH} characters long`);
  }
  const publicUrl = env.PUBLIC_URL;
  if (isSet(publicUrl)) {
    try {
      const { protocol } = new URL(/** @type {string} */ (publicUrl));
      if (protocol !== 'https:' && protocol !== 'http:') throw new Error('not http(s)');
    } catch {
      throw new Error('PUBLIC_URL must be an http(s) URL such as https://fleet.example.com');
    }
  }
}

/** The role names of lib/auth/permissions.ts; lib/auth/oidc-roles.test.ts keeps the two in step. */
const ROLE_NAMES = ['Administrator', 'Full Access', 'Read Only', 'Diagnostic'];
const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'];

/**
 * Single sign-on: the same rules as lib/auth/oidc-roles.ts (which applies them again when the auth
 * module loads), here so a bad role map stops the start instead of answering 500 to every page.
 * @param {Record<string, string | undefined>} env
 */
function checkOidcEnv(env) {
  const present = OIDC_REQUIRED.filter((name) => isSet(env[name]));
  if (present.length === 0) return;
  if (present.length < OIDC_REQUIRED.length) {
    const missing = OIDC_REQUIRED.filter((name) => !isSet(env[name]));
    throw new Error(`Single sign-on needs ${OIDC_REQUIRED.join(', ')} together; missing: ${missing.join(', ')}`);
  }
  const defaultRole = env.OIDC_DEFAULT_ROLE?.trim();
  if (defaultRole && !ROLE_NAMES.includes(defaultRole)) {
    throw new Error(`OIDC_DEFAULT_ROLE must be one of: ${ROLE_NAMES.join(', ')}`);
  }
  const map = env.OIDC_ROLE_MAP;
  if (isSet(map)) {
    /** @type {unknown} */
    let parsed;
    try {
      parsed = JSON.parse(/** @type {string} */ (map));
    } catch {
      throw new Error('OIDC_ROLE_MAP is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('OIDC_ROLE_MAP must be a JSON object of claim value → role');
    }
    for (const [claimValue, role] of Object.entries(parsed)) {
      if (typeof role !== 'string' || !ROLE_NAMES.includes(role)) {
        throw new Error(`OIDC_ROLE_MAP["${claimValue}"] must be one of: ${ROLE_NAMES.join(', ')}`);
      }
    }
  }
  checkInteger('OIDC_ROLE_RECHECK_SECONDS', env.OIDC_ROLE_RECHECK_SECONDS, 5, 3600);
  const scopes = (env.OIDC_SCOPES ?? '').split(/[\s,]+/).filter(Boolean);
  if (scopes.some((scope) => !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope))) {
    throw new Error('OIDC_SCOPES must be scope names separated by spaces');
  }
  const publicUrl = env.PUBLIC_URL?.trim();
  if (!publicUrl) {
    throw new Error(
      'PUBLIC_URL must be set when single sign-on is configured (OIDC_ISSUER): the address users open, ' +
        'e.g. https://fleet.example.com; then register <PUBLIC_URL>/api/auth/callback/oidc as the redirect URI at the provider',
    );
  }
  /** @type {URL} */
  let url;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new Error('PUBLIC_URL must be an http(s) URL such as https://fleet.example.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('PUBLIC_URL must be an http(s) URL such as https://fleet.example.com');
  }
  if (url.pathname !== '/' && url.pathname !== '') {
    throw new Error('PUBLIC_URL must be an origin without a path when single sign-on is configured');
  }
  try {
    new URL(/** @type {string} */ (env.OIDC_ISSUER).trim());
  } catch {
    throw new Error("OIDC_ISSUER must be the provider's issuer URL");
  }
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {{ serving: boolean }} phase
 */
function checkServerEnv(env, phase) {
  checkNcmEnv(env);
  checkAuthEnv(env, phase);
  checkOidcEnv(env);
}

module.exports = { checkServerEnv, checkNcmEnv, checkAuthEnv, checkOidcEnv, NCM_KEY_VARS, ROLE_NAMES };
