import 'server-only';
/**
 * The identity provider's tokens rest in the store sealed (AES-256-GCM, key derived from
 * AUTH_SECRET): a copy of the database file alone does not let anyone act as the user at the provider.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const INFO = 'fleet-console provider tokens v1';

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'fleet-console', INFO, 32));
}

function secretFromEnv(): string {
  const secret = process.env.AUTH_SECRET?.trim();
  if (!secret) throw new Error('AUTH_SECRET is not set');
  return secret;
}

export function seal(value: unknown, secret = secretFromEnv()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

/** The sealed value, or null when it was sealed under another secret or altered. */
export function unseal(sealed: string, secret = secretFromEnv()): unknown {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(secret), iv);
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8'));
  } catch {
    return null;
  }
}
