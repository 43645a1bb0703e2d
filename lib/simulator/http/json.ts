/** JSON value types and the alphabetical key order NCM responses have. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Rec = { [key: string]: Json };

/**
 * Keys sorted, recursively for plain objects (arrays keep their order). Returns the value itself
 * when it is already in order — record builders list keys alphabetically, so this is usually a
 * cheap check rather than a copy.
 */
export function sortKeys(value: Json): Json {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const mapped = value.map((v) => {
      const s = sortKeys(v);
      if (s !== v) changed = true;
      return s;
    });
    return changed ? mapped : value;
  }
  const keys = Object.keys(value);
  let ordered = true;
  for (let i = 1; i < keys.length && ordered; i++) if (keys[i - 1]! > keys[i]!) ordered = false;
  let childChanged = false;
  const children: Json[] = keys.map((k) => {
    const c = sortKeys(value[k]!);
    if (c !== value[k]) childChanged = true;
    return c;
  });
  if (ordered && !childChanged) return value;
  const order = keys.map((k, i) => [k, children[i]!] as const).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: Rec = {};
  for (const [k, v] of order) out[k] = v;
  return out;
}

export function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
