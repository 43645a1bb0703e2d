/**
 * Server code keeps no mutable state at module level, checked on every `npm run lint`. Next loads a
 * module once per bundle (route handlers, pages, server actions, the proxy), so a cache, a counter or
 * a budget held in a module variable silently exists several times in one server — each bundle then
 * fills its own cache and spends its own budget. Process-wide state goes through
 * lib/process-state.ts (`processSingleton`) instead.
 *
 * Flagged, at the top level of a server module: `let` and `var`; an empty `[]` or `{}`; an empty
 * `new Map()`/`new Set()`; and `new` of anything else (a WeakMap, an AsyncLocalStorage, a class
 * instance). Lookup tables built once (`new Set([...])`, `new Map(entries)`), formatters and
 * encoders are constants and pass. A line that must stay says why in a `module-state:` comment
 * right above it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mutableModuleState, topLevelStatements } from './module-state';

const root = join(__dirname, '..', '..');
const SOURCE = /\.(ts|tsx|mts|cts)$/;
const SKIP = new Set(['node_modules', '.next', '.git', 'reports', 'test-results', '.data', 'public']);

/** Browser code, separate programs (simulator, demo, bench) and test tooling are not server bundles. */
// lib/offline/worker/ is the service worker, a program of its own in the browser.
const NOT_SERVER = [
  'components/',
  'e2e/',
  'lib/simulator/',
  'lib/bench/',
  'lib/testing/',
  'lib/demo/',
  'lib/offline/worker/',
];
/** Files at the root that run inside the server. */
const SERVER_ROOT_FILES = new Set(['proxy.ts', 'instrumentation.ts']);
const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file) || file.includes('/test-support/');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : SOURCE.test(name) ? [path] : [];
  });
}

function main(): void {
  const problems: string[] = [];
  for (const abs of walk(root)) {
    const file = relative(root, abs);
    const server = /^(app|lib)\//.test(file) || SERVER_ROOT_FILES.has(file);
    if (!server || NOT_SERVER.some((prefix) => file.startsWith(prefix)) || isTest(file)) continue;
    const text = readFileSync(abs, 'utf8');
    if (/^\s*['"]use client['"]/.test(text)) continue;
    for (const { line, statement, comment } of topLevelStatements(text)) {
      const why = mutableModuleState(statement);
      if (why && !/^\/\/\s*module-state:/.test(comment)) {
        problems.push(`${file}:${line}: ${why}; keep process-wide state in processSingleton (lib/process-state.ts)`);
      }
    }
  }
  if (problems.length > 0) {
    console.error(`Module state check failed:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('Module state check passed.');
}

main();
