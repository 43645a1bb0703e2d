/** Default key sets: one per role, all sharing the CP pair. The app falls back to the Administrator set. */
import type { SimKeySet } from './types';

const CP = { cpApiId: 'demo-cp-api-id', cpApiKey: 'demo-cp-api-key-5f0c' };

export const DEMO_KEY_SETS: SimKeySet[] = [
  { ...CP, ecmApiId: 'demo-ecm-admin-id', ecmApiKey: 'demo-ecm-admin-key-9b1e', role: 'Administrator' },
  { ...CP, ecmApiId: 'demo-ecm-fullaccess-id', ecmApiKey: 'demo-ecm-fullaccess-id-key', role: 'Full Access' },
  { ...CP, ecmApiId: 'demo-ecm-readonly-id', ecmApiKey: 'demo-ecm-readonly-id-key', role: 'Read Only' },
  { ...CP, ecmApiId: 'demo-ecm-diagnostic-id', ecmApiKey: 'demo-ecm-diagnostic-id-key', role: 'Diagnostic' },
];

/** The four NCM key headers for a key set, as a client sends them (tests and benchmarks). */
export function keyHeaders(keys: Omit<SimKeySet, 'role'>): Record<string, string> {
  return {
    'X-CP-API-ID': keys.cpApiId,
    'X-CP-API-KEY': keys.cpApiKey,
    'X-ECM-API-ID': keys.ecmApiId,
    'X-ECM-API-KEY': keys.ecmApiKey,
  };
}
