/**
 * For test files that run the real NCM client against the real simulator: starts it, points the
 * client's environment at it with a demo key set, and puts everything back when stopped.
 */
import { resetNcmConfigForTests } from '@/lib/ncm/config';
import { setNcmEnv } from '@/lib/ncm/test-support/mock-ncm';
import { DEMO_KEY_SETS, type RunningSimulator, type SimulatorOptions, startSimulator } from '@/lib/simulator';
import { headersFor } from '@/lib/simulator/test-helpers';

export interface SimulatorAsNcm {
  sim: RunningSimulator;
  /** The key headers, for a test's own direct reads of the simulator. */
  headers: Record<string, string>;
  stop: () => Promise<void>;
}

export async function simulatorAsNcm(options: SimulatorOptions): Promise<SimulatorAsNcm> {
  const sim = await startSimulator({ rateLimitPerMinute: 1_000_000, ...options });
  const keys = DEMO_KEY_SETS[0]!;
  const restoreEnv = setNcmEnv({
    NCM_BASE_URL: sim.baseUrl,
    NCM_CP_API_ID: keys.cpApiId,
    NCM_CP_API_KEY: keys.cpApiKey,
    NCM_ECM_API_ID: keys.ecmApiId,
    NCM_ECM_API_KEY: keys.ecmApiKey,
  });
  resetNcmConfigForTests();
  return {
    sim,
    headers: headersFor(keys),
    stop: async () => {
      restoreEnv();
      resetNcmConfigForTests();
      await sim.close();
    },
  };
}
