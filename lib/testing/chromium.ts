/**
 * Debian's Chromium as the e2e suite and the benchmarks launch it. `npx playwright install` cannot
 * download browsers here; without the background-networking flags Chromium keeps trying to reach
 * Google's services, whose connections this machine refuses.
 */
import { toolsEnv } from '@/lib/env';

export const CHROMIUM_PATH = toolsEnv().chromiumPath;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
