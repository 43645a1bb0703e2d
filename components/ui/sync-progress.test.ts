import { describe, expect, it } from 'vitest';
import { syncProgressText } from './sync-progress';

describe('syncProgressText', () => {
  it('says how many of how many routers are in, when NCM stated the size', () => {
    expect(syncProgressText({ loadedRouters: 500, expectedRouters: 1_000 })).toBe(
      'Loading 500 of 1,000 routers from NetCloud Manager…',
    );
  });

  it('counts up without a total when NCM did not state one', () => {
    expect(syncProgressText({ loadedRouters: 1_500, expectedRouters: null })).toBe(
      'Loading routers from NetCloud Manager… 1,500 so far.',
    );
  });

  it('says what is left once every router is in', () => {
    expect(syncProgressText({ loadedRouters: 1_000, expectedRouters: 1_000 })).toMatch(
      /^All 1,000 routers loaded; reading their modems/,
    );
  });
});
