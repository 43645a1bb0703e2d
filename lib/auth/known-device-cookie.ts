import 'server-only';
/** Sets the known-device cookie on the response of the sign-in that earned it. */
import { cookies } from 'next/headers';
import { authEnv } from '@/lib/env';
import { servedOverHttps } from '@/lib/security/transport';
import { issueKnownDevice, KNOWN_DEVICE_MAX_AGE_SECONDS, knownDeviceCookieName } from './known-device';

export async function rememberKnownDevice(account: string, requestHeaders: Headers): Promise<void> {
  const secret = authEnv().secret;
  if (!secret) return;
  const secure = servedOverHttps(requestHeaders);
  (await cookies()).set(knownDeviceCookieName(secure), issueKnownDevice(account, secret), {
    httpOnly: true,
    secure,
    sameSite: 'lax',
    path: '/',
    maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS,
  });
}
