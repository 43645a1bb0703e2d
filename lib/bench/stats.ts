/** Small helpers for benchmark numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (n: number, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The four key headers of the simulator's demo key set, for the anchors that call it directly. */
export function simHeaders(keys: { cpApiId: string; cpApiKey: string; ecmApiId: string; ecmApiKey: string }): Record<string, string> {
  return {
    'X-CP-API-ID': keys.cpApiId,
    'X-CP-API-KEY': keys.cpApiKey,
    'X-ECM-API-ID': keys.ecmApiId,
    'X-ECM-API-KEY': keys.ecmApiKey,
    Accept: 'application/json',
  };
}
