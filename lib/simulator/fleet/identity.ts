/** Hardware identifiers (MAC, serial, ICCID, IMEI, IPs) derived from hashes. */
import { h3, Salt } from './hash';

const hex2 = (v: number) => (v & 0xff).toString(16).padStart(2, '0').toUpperCase();

/** Cradlepoint's OUI is 00:30:44. */
export function routerMac(seed: number, r: number): string {
  const h = h3(seed, r, Salt.ident);
  return `00:30:44:${hex2(h >>> 16)}:${hex2(h >>> 8)}:${hex2(h)}`;
}

export function routerSerial(seed: number, r: number): string {
  const h = h3(seed, r, Salt.ident + 1);
  return `WA${String(h % 1_000_000_000).padStart(9, '0')}${String.fromCharCode(65 + (h >>> 28))}`;
}

export function publicIp(seed: number, key: number): string {
  const h = h3(seed, key, Salt.ident + 2);
  return `166.${(h >>> 16) & 0xff}.${(h >>> 8) & 0xff}.${1 + ((h & 0xff) % 254)}`;
}

function digits(seed: number, key: number, salt: number, n: number): string {
  let s = '';
  let i = 0;
  while (s.length < n) s += String(h3(seed, key * 7 + i++, salt)).padStart(10, '0');
  return s.slice(0, n);
}

/** Luhn check digit, as IMEIs and ICCIDs carry one. */
function luhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function imei(seed: number, nd: number): string {
  const body = `35${digits(seed, nd, Salt.ident + 3, 12)}`;
  return body + luhn(body);
}

/** 19 or 20 digits depending on the issuer prefix length. */
export function iccid(seed: number, nd: number, prefix: string): string {
  const len = 19 + (h3(seed, nd, Salt.ident + 5) % 2);
  const body = prefix + digits(seed, nd, Salt.ident + 4, len - 1 - prefix.length);
  return body + luhn(body);
}
