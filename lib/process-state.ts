/**
 * Process-wide singletons. Next loads a module once per bundle (route handlers, server components,
 * proxy), so state kept in a module variable silently exists several times in one server. Anything
 * that must be one per process (caches of NCM data, budgets, hubs) is created through here, keyed on
 * globalThis with a registered symbol, and can be dropped by tests.
 */

const key = (name: string) => Symbol.for(`fleet-console.${name}`);
type Holder = Record<symbol, unknown>;

/** The one instance named `name` in this process, created on first use. */
export function processSingleton<T>(name: string, create: () => T): T {
  const holder = globalThis as unknown as Holder;
  const k = key(name);
  if (!(k in holder)) holder[k] = create();
  return holder[k] as T;
}

/** Drops the instance so the next use creates a fresh one (tests, benchmarks). */
export function resetProcessSingleton(name: string): void {
  delete (globalThis as unknown as Holder)[key(name)];
}

/** Puts `value` in place of the instance (tests, benchmarks); `undefined` drops it like the reset. */
export function replaceProcessSingleton<T>(name: string, value: T | undefined): void {
  resetProcessSingleton(name);
  if (value !== undefined) (globalThis as unknown as Holder)[key(name)] = value;
}
