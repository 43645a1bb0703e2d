/**
 * Integer hashing for a stateless, deterministic fleet: every attribute, sample and event is a pure
 * function of (seed, entity, time slot), so nothing historical has to be stored.
 */

/** murmur3 finaliser: cheap and well-mixed 32-bit avalanche. */
function mix32(x: number): number {
  let a = x | 0;
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  a ^= a >>> 16;
  return a >>> 0;
}

export function h2(a: number, b: number): number {
  return mix32(Math.imul(mix32(a) ^ 0x9e3779b9, 0x01000193) ^ (b | 0));
}

export function h3(a: number, b: number, c: number): number {
  return mix32(Math.imul(h2(a, b), 0x01000193) ^ (c | 0));
}

export function h4(a: number, b: number, c: number, d: number): number {
  return mix32(Math.imul(h3(a, b, c), 0x01000193) ^ (d | 0));
}

/** A hash as a float in [0, 1). */
export function unit(h: number): number {
  return h / 4294967296;
}

/** Salts keep unrelated derivations independent even for the same entity. */
export const Salt = {
  kind: 11,
  metro: 12,
  product: 13,
  modems: 14,
  route: 15,
  speed: 16,
  phase: 17,
  site: 18,
  created: 19,
  flags: 20,
  carrier: 21,
  ident: 22,
  noise: 23,
  epoch: 24,
  eventRouter: 25,
  eventTime: 26,
  eventAux: 27,
  fault: 28,
  zone: 29,
  accounts: 30,
  jitter: 31,
  micro: 32,
} as const;

/** mulberry32: a tiny seeded PRNG for sequential decisions (fault injection, start-up layout). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
