import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_SERVER } from 'next/constants';
// Validates every setting at build and start-up: a bad NCM key set or a missing AUTH_SECRET is a
// start-up error that names the variable, not a 500 on the first request.
import { checkServerEnv } from './lib/env';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  // The field view scans router labels with the camera; nothing else may use it.
  { key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=()' },
];

const nextConfig: NextConfig = {
  agentRules: false,
  poweredByHeader: false,
  reactStrictMode: true,
  images: { unoptimized: true },
  experimental: { turbopackFileSystemCacheForBuild: process.env.CI !== 'true' },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default function config(phase: string): NextConfig {
  // The session secret is needed to serve, not to build: a CI build has no secret to give.
  checkServerEnv(process.env, { serving: phase === PHASE_PRODUCTION_SERVER });
  return nextConfig;
}
