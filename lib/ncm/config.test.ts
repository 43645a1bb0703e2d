import { afterEach, describe, expect, it } from 'vitest';
import { getNcmConfig, ncmAuthHeadersForHttpModule, resetNcmConfigForTests } from './config';
import { NcmError } from './errors';
import { setNcmEnv, TEST_KEYS } from './test-support/mock-ncm';

let restore: (() => void) | undefined;
function withEnv(values: Record<string, string>): void {
  restore?.();
  restore = setNcmEnv(values);
  resetNcmConfigForTests();
}
afterEach(() => {
  restore?.();
  restore = undefined;
  resetNcmConfigForTests();
});

function configError(): NcmError {
  try {
    getNcmConfig();
  } catch (err) {
    expect(err).toBeInstanceOf(NcmError);
    return err as NcmError;
  }
  throw new Error('expected a config error');
}

describe('getNcmConfig', () => {
  it('defaults to the simulator with demo keys when no keys are set', () => {
    withEnv({});
    expect(getNcmConfig()).toEqual({
      baseUrl: 'http://127.0.0.1:8787/api/v2',
      mode: 'simulator',
      timeoutMs: 10000,
      maxRetries: 3,
    });
    expect(ncmAuthHeadersForHttpModule()['X-ECM-API-ID']).toBe('demo-ecm-admin-id');
  });

  it('honours SIMULATOR_PORT and NCM_BASE_URL (trailing slash removed)', () => {
    withEnv({ SIMULATOR_PORT: '9999' });
    expect(getNcmConfig().baseUrl).toBe('http://127.0.0.1:9999/api/v2');
    withEnv({ NCM_BASE_URL: 'http://localhost:4000/api/v2/' });
    expect(getNcmConfig()).toMatchObject({ baseUrl: 'http://localhost:4000/api/v2', mode: 'simulator' });
  });

  it('uses real NCM with all four keys', () => {
    withEnv({ ...TEST_KEYS, NCM_TIMEOUT_MS: '5000', NCM_MAX_RETRIES: '1' });
    expect(getNcmConfig()).toEqual({
      baseUrl: 'https://www.cradlepointecm.com/api/v2',
      mode: 'ncm',
      timeoutMs: 5000,
      maxRetries: 1,
    });
    expect(ncmAuthHeadersForHttpModule()).toEqual({
      'X-CP-API-ID': TEST_KEYS.NCM_CP_API_ID,
      'X-CP-API-KEY': TEST_KEYS.NCM_CP_API_KEY,
      'X-ECM-API-ID': TEST_KEYS.NCM_ECM_API_ID,
      'X-ECM-API-KEY': TEST_KEYS.NCM_ECM_API_KEY,
    });
  });

  it('refuses some-but-not-all keys, naming the missing ones and no values', () => {
    withEnv({
      NCM_CP_API_ID: TEST_KEYS.NCM_CP_API_ID,
      NCM_CP_API_KEY: TEST_KEYS.NCM_CP_API_KEY,
      NCM_ECM_API_KEY: '  ',
    });
    const err = configError();
    expect(err.kind).toBe('config');
    expect(err.message).toContain('NCM_ECM_API_ID');
    expect(err.message).toContain('NCM_ECM_API_KEY');
    expect(err.message).not.toContain(TEST_KEYS.NCM_CP_API_KEY);
  });

  it.each([
    [{ NCM_BASE_URL: 'ftp://x/api/v2' }, 'NCM_BASE_URL'],
    [{ NCM_BASE_URL: 'not a url' }, 'NCM_BASE_URL'],
    [{ NCM_BASE_URL: 'https://user:pw@x/api/v2' }, 'NCM_BASE_URL'],
    [{ NCM_TIMEOUT_MS: 'soon' }, 'NCM_TIMEOUT_MS'],
    [{ NCM_MAX_RETRIES: '-1' }, 'NCM_MAX_RETRIES'],
  ])('rejects %j naming %s', (env, name) => {
    withEnv(env);
    expect(configError().message).toContain(name);
  });

  it('reads the environment once and caches it until reset', () => {
    withEnv({ SIMULATOR_PORT: '1111' });
    expect(getNcmConfig().baseUrl).toContain('1111');
    process.env.SIMULATOR_PORT = '2222';
    expect(getNcmConfig().baseUrl).toContain('1111');
    resetNcmConfigForTests();
    expect(getNcmConfig().baseUrl).toContain('2222');
  });
});
