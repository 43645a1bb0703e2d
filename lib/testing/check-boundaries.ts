/**
 * The import rules of ARCHITECTURE.md, checked on every `npm run lint`:
 * - components/ and 'use client' files never import server modules (NCM client, data functions, store…);
 * - the simulator imports nothing from the app, and the app nothing from the simulator but its start
 *   function in the demo;
 * - the NCM key header names appear in the NCM client only (plus the simulator and tests).
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

const SERVER_ONLY = ['lib/ncm', 'lib/fleet', 'lib/store', 'lib/simulator', 'lib/data', 'lib/api', 'lib/auth/session', 'lib/auth/users-file', 'lib/auth/index', 'lib/auth/actions'];
const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file) || file.startsWith('e2e/') || file.startsWith('lib/testing/') || file.startsWith('lib/bench/');

function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found;
}

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
    if (!file.startsWith('lib/simulator/') && !isTest(file) && target.startsWith('lib/simulator') && file !== 'lib/demo/main.ts') {
      problems.push(`${file}: app code imports the simulator (${spec}); only lib/demo/main.ts may start it`);
    }
  }
  if (/X-(ECM|CP)-API-(ID|KEY)/i.test(text) && !file.startsWith('lib/ncm/') && !file.startsWith('lib/simulator/') && !isTest(file)) {
    problems.push(`${file}: names an NCM key header; keep them in lib/ncm`);
  }
}

if (problems.length > 0) {
  console.error(`Boundary check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Boundary check passed.');
