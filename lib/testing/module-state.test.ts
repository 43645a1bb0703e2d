import { describe, expect, it } from 'vitest';
import { mutableModuleState, topLevelStatements } from './module-state';

describe('mutableModuleState', () => {
  it.each([
    'let cached: Config | undefined;',
    'export let count = 0;',
    'var holder = {};',
    'const seen = new Set<string>();',
    'const cache = new Map();',
    'const byId: Record<string, Router> = {};',
    'const queue: string[] = [];',
    'const shapes = new WeakMap<object, Shape>();',
    'const context = new AsyncLocalStorage<WaitContext>();',
    'const limiter = new UserRateLimiter(120, 10_000);',
  ])('flags %s', (statement) => {
    expect(mutableModuleState(statement)).not.toBeNull();
  });

  it.each([
    'const RETRYABLE = new Set([408, 429, 500]);',
    'const CODES = new Map<string, number>(NAMES.map((n, i) => [n, i]));',
    'const encoder = new TextEncoder();',
    "const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC' });",
    'const NONE: readonly NetDevice[] = [];',
    "const RANGE_MS = { '1h': 3_600_000 } as const;",
    "const store = () => processSingleton('fleet-index', () => new FleetIndexStore());",
    'export const MAX = 500;',
  ])('lets %s pass', (statement) => {
    expect(mutableModuleState(statement)).toBeNull();
  });
});

describe('topLevelStatements', () => {
  it('finds top-level declarations with the comment above, and skips nested ones', () => {
    const text = [
      '// module-state: the one client of this page',
      'let client: Client | undefined;',
      'function f() {',
      '  let inner = 1;',
      '}',
      'const table = new Map(',
      '  [[1, 2]],',
      ');',
    ].join('\n');
    const found = topLevelStatements(text);
    expect(found.map((s) => s.line)).toEqual([2, 6]);
    expect(found[0]!.comment).toBe('// module-state: the one client of this page');
    expect(mutableModuleState(found[1]!.statement)).toBeNull();
  });
});
