// @ts-check
'use strict';
/**
 * Bundles the service worker (lib/offline/worker/entry.ts) into public/sw.js; next.config.js runs it
 * at the start of every production build, so `next build` alone yields a matching worker. Plain
 * CommonJS because it runs before Next compiles anything. The file is written only when its content
 * changes, so an unchanged worker does not look like a new version to browsers.
 */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** @param {string} root the project directory */
function buildServiceWorker(root) {
  const { buildSync } = require('esbuild');
  const result = buildSync({
    entryPoints: [join(root, 'lib', 'offline', 'worker', 'entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const code = `/* Fleet Console offline copies; built from lib/offline/worker/entry.ts. */\n${result.outputFiles[0].text}`;
  const out = join(root, 'public', 'sw.js');
  if (existsSync(out) && readFileSync(out, 'utf8') === code) return { out, changed: false };
  writeFileSync(out, code);
  return { out, changed: true };
}

module.exports = { buildServiceWorker };
