// @ts-check
const { PHASE_PRODUCTION_SERVER } = require('next/constants');
// Validates the server environment at build and start-up: a bad NCM key set or a missing AUTH_SECRET
// is a start-up error that names the variable, not a 500 on the first request.
const { checkServerEnv } = require('./lib/env-check.cjs');

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
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

/** @param {string} phase */
module.exports = (phase) => {
  // The session secret is needed to serve, not to build: a CI build has no secret to give.
  checkServerEnv(process.env, { serving: phase === PHASE_PRODUCTION_SERVER });
  return nextConfig;
};
