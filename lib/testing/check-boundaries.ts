/**
 * The import rules of ARCHITECTURE.md, checked on every `npm run lint`:
 * - components/ and 'use client' files never import server modules (NCM client, data functions, store…);
 * - the simulator imports nothing from the app, and the app nothing from the simulator but its start
 *   function in the demo;
 * - the NCM key header names appear in the NCM client only (plus the simulator and tests);
 * - data functions and routes read NCM only through the shared read layer (lib/reads), never by
 *   calling the client's list/get functions themselves: a read of their own would be one per viewer;
 * - the NCM client is reached through its index (`@/lib/ncm`) only: NCM's wire format (paging,
 *   filter names, record shapes) stays behind it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIP = new Set(['node_modules', '.next', '.git', 'reports', 'test-results', '.data', 'public']);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : SOURCE.test(name) ? [path] : [];
  });
}

const SERVER_ONLY = [
  'lib/env',
  'lib/ncm',
  'lib/reads',
  'lib/fleet',
  'lib/store',
  'lib/simulator',
  'lib/data',
  'lib/api',
  'lib/auth/session',
  'lib/auth/users-file',
  'lib/auth/index',
  'lib/auth/actions',
];
const isTest = (file: string) =>
  /\.(test|spec)\.tsx?$/.test(file) ||
  file.includes('/test-support/') ||
  file.startsWith('e2e/') ||
  file.startsWith('lib/testing/') ||
  file.startsWith('lib/bench/');

function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found;
}

/** Names imported from a module specifier, e.g. `import { a, type B, c as d } from 'x'` → a, B, c. */
function namedImportsFrom(text: string, specifier: string): string[] {
  const names: string[] = [];
  const escaped = specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*['"]${escaped}['"]`, 'g'))) {
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]
        ?.trim();
      if (name) names.push(name);
    }
  }
  return names;
}

/** NCM client functions that read (and would cost a call per viewer outside the shared layer). */
const NCM_READ = /^(list|get)[A-Z]/;
const NCM_READ_ALLOWED = new Set(['getNcmConfig']);
const READS_THROUGH_LAYER = ['lib/data/', 'app/', 'components/'];

function resolveSpecifier(file: string, spec: string): string | null {
  if (spec.startsWith('@/')) return spec.slice(2);
  if (spec.startsWith('.')) return relative(root, join(root, file, '..', spec));
  return null;
}

const problems: string[] = [];
for (const abs of walk(root)) {
  const file = relative(root, abs);
  const text = readFileSync(abs, 'utf8');
  const isClient = /^\s*['"]use client['"]/.test(text);
  for (const spec of importsOf(text)) {
    const target = resolveSpecifier(file, spec);
    if (!target) continue;
    const hitsServer = SERVER_ONLY.find((p) => target === p || target.startsWith(`${p}/`));
    if ((file.startsWith('components/') || isClient) && hitsServer) {
      problems.push(`${file}: a browser-side module imports ${spec}`);
    }
    if (file.startsWith('lib/simulator/') && !isTest(file) && !target.startsWith('lib/simulator')) {
      problems.push(`${file}: the simulator imports app code (${spec})`);
    }
    if (
      !file.startsWith('lib/simulator/') &&
      !isTest(file) &&
      target.startsWith('lib/simulator') &&
      file !== 'lib/demo/main.ts'
    ) {
      problems.push(`${file}: app code imports the simulator (${spec}); only lib/demo/main.ts may start it`);
    }
    if (target.startsWith('lib/ncm/') && !file.startsWith('lib/ncm/') && !isTest(file)) {
      problems.push(`${file}: imports ${spec}; reach the NCM client through its index, @/lib/ncm`);
    }
  }
  if (READS_THROUGH_LAYER.some((p) => file.startsWith(p)) && !isTest(file)) {
    for (const name of namedImportsFrom(text, '@/lib/ncm')) {
      if (NCM_READ.test(name) && !NCM_READ_ALLOWED.has(name))
        problems.push(`${file}: reads NCM with ${name}; use the shared read layer (lib/reads)`);
    }
  }
  if (
    /X-(ECM|CP)-API-(ID|KEY)/i.test(text) &&
    !file.startsWith('lib/ncm/') &&
    !file.startsWith('lib/simulator/') &&
    !isTest(file)
  ) {
    problems.push(`${file}: names an NCM key header; keep them in lib/ncm`);
  }
}

if (problems.length > 0) {
  console.error(`Boundary check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Boundary check passed.');
