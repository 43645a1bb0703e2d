// @ts-check
const { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } = require('next/constants');
// Every setting is validated at build and start-up by the one settings module (lib/env), so a bad
// NCM key set or a missing AUTH_SECRET stops the server naming the variable, not a 500 on the first
// request. That module is TypeScript, shared with the app; tsx (a runtime dependency already, for
// the demo and the simulator) loads it here, before Next compiles anything.
const { require: requireTs } = require('tsx/cjs/api');
/** @type {{ checkServerEnv: (env: NodeJS.ProcessEnv, phase: { serving: boolean }) => void }} */
const { checkServerEnv } = requireTs('./lib/env/index.ts', __filename);
const { buildServiceWorker } = require('./lib/offline/build-worker.cjs');

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  // The field view scans router labels with the camera; nothing else may use it.
  { key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  agentRules: false,
  poweredByHeader: false,
  reactStrictMode: true,
  images: { unoptimized: true },
  experimental: { turbopackFileSystemCacheForBuild: process.env.CI !== 'true' },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      {
        // The offline worker: browsers check it for updates on navigation, so it is never served
        // from the HTTP cache; it may fetch from this origin only.
        source: '/sw.js',
        headers: [
          { key: 'Cache-Control', value: 'no-cache' },
          {
            key: 'Content-Security-Policy',
            value: "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
          },
        ],
      },
    ];
  },
};

/** @param {string} phase */
module.exports = (phase) => {
  // The session secret is needed to serve, not to build: a CI build has no secret to give.
  checkServerEnv(process.env, { serving: phase === PHASE_PRODUCTION_SERVER });
  // Production builds only: `next dev` serves chunks whose content changes under the same name,
  // which a worker keeping assets by name would serve stale (the page registers it in production only).
  if (phase === PHASE_PRODUCTION_BUILD) buildServiceWorker(__dirname);
  return nextConfig;
};
