import 'server-only';
/** Reboots through NCM's reboot_activity (POST only; a GET answers 405). Never retried: a write. */
import { getNcmConfig } from './config';
import { ncmRequest } from './http';
import { assertId } from './resource-helpers';

export async function rebootRouter(id: string): Promise<void> {
  // The relation is a URL we build from our own base, never one a client supplied.
  const router = `${getNcmConfig().baseUrl}/routers/${assertId(id, 'router')}/`;
  await ncmRequest({ method: 'POST', path: ['reboot_activity'], body: { router } });
}
