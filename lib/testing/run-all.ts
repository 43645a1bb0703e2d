/**
 * `npm test`: every check, in the order a failure is cheapest to find — lint, typecheck, unit tests,
 * production build, then the Playwright suite against the built app and the simulator. Prints one
 * line per step and the plain `N passed, N failed` summary that CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './chromium';

const root = join(__dirname, '..', '..');
const reports = join(root, 'reports');
mkdirSync(reports, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

interface StepResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}
const results: StepResult[] = [];

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;
}

/** One pass/fail step; several commands run in order and stop at the first failure. */
function step(name: string, ...commands: Array<[string, string[]]>): boolean {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const ok = commands.every(([command, args]) => run(command, args) === 0);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds: (Date.now() - started) / 1000 });
  return ok;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

const bin = (name: string) => join(root, 'node_modules', '.bin', name);

const tsx = (script: string): [string, string[]] => [
  process.execPath,
  [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script],
];
step(
  'lint',
  [bin('biome'), ['check', '.']],
  [bin('knip'), []],
  tsx('lib/testing/check-boundaries.ts'),
  tsx('lib/testing/check-module-state.ts'),
);
// next typegen first: tsc needs the route types Next generates (PageProps, RouteContext).
step('typecheck', [bin('next'), ['typegen']], [bin('tsc'), ['--noEmit']]);

{
  console.log('\n=== unit tests (vitest)');
  const started = Date.now();
  rmSync(join(reports, 'unit.json'), { force: true });
  const status = run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(reports, 'unit.json')}`,
  ]);
  const unit = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number }>(
    join(reports, 'unit.json'),
  );
  results.push({
    name: 'unit tests',
    passed: unit?.numPassedTests ?? 0,
    failed: unit ? unit.numFailedTests + (status !== 0 && unit.numFailedTests === 0 ? 1 : 0) : 1,
    skipped: unit?.numPendingTests ?? 0,
    seconds: (Date.now() - started) / 1000,
  });
}

const built = step('production build', [bin('next'), ['build']]);

const chromium = CHROMIUM_PATH;
if (!existsSync(chromium)) {
  console.error(
    `\nChromium was not found at ${chromium}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.\n` +
      '(`npx playwright install` downloads browsers from the internet and is not needed.)',
  );
  results.push({ name: 'e2e (playwright)', passed: 0, failed: 1, skipped: 0, seconds: 0 });
} else if (!built) {
  console.error('\nSkipping the e2e suite: the production build failed.');
  results.push({ name: 'e2e (playwright)', passed: 0, failed: 1, skipped: 0, seconds: 0 });
} else {
  console.log('\n=== e2e (playwright)');
  const started = Date.now();
  rmSync(join(reports, 'e2e.json'), { force: true });
  const status = run(bin('playwright'), ['test']);
  const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
    join(reports, 'e2e.json'),
  );
  results.push({
    name: 'e2e (playwright)',
    passed: e2e ? e2e.stats.expected + e2e.stats.flaky : 0,
    failed: e2e ? e2e.stats.unexpected + (status !== 0 && e2e.stats.unexpected === 0 ? 1 : 0) : 1,
    skipped: e2e?.stats.skipped ?? 0,
    seconds: (Date.now() - started) / 1000,
  });
}

console.log('\n=== summary');
for (const r of results) {
  console.log(
    `${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''} (${r.seconds.toFixed(0)} s)`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
