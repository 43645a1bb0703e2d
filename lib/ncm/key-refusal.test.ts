/** NCM refusing the dashboard's keys is told apart from NCM being down, and forgotten once it answers. */
import { describe, expect, it } from 'vitest';
import { ncmRequest } from './http';
import { ncmKeyRefusal } from './key-refusal';
import { setupMockNcm } from './test-support/harness';
import { wireRouter } from './test-support/mock-ncm';

const h = setupMockNcm();

describe('NCM refusing our keys', () => {
  it('is remembered with the status and resource, and forgotten at the next success', async () => {
    h.mock.setSequence([
      { status: 401, body: { exception: 'unauthorized', success: false } },
      { body: wireRouter('1') },
    ]);
    await ncmRequest({ path: ['routers', '1'] }).catch(() => undefined);
    expect(ncmKeyRefusal()).toMatchObject({ status: 401, resource: 'routers' });
    await ncmRequest({ path: ['routers', '1'] });
    expect(ncmKeyRefusal()).toBeNull();
  });

  it('a 403 for one resource is forgotten only when that resource answers', async () => {
    h.mock.setSequence([
      { status: 403, body: { exception: { message: 'forbidden' } } },
      { body: wireRouter('1') },
      { body: { data: [], meta: { limit: 20, offset: 0, next: null } } },
    ]);
    await ncmRequest({ path: ['alert_push_destinations'] }).catch(() => undefined);
    await ncmRequest({ path: ['routers', '1'] });
    expect(ncmKeyRefusal()).toMatchObject({ status: 403, resource: 'alert_push_destinations' });
    await ncmRequest({ path: ['alert_push_destinations'] });
    expect(ncmKeyRefusal()).toBeNull();
  });

  it('once 401s open the circuit, calls fail saying the keys were refused, not that NCM is not answering', async () => {
    h.mock.setHandler(() => ({ status: 401, body: { exception: 'unauthorized', success: false } }));
    for (let i = 0; i < 5; i++) await ncmRequest({ path: ['routers', '1'] }).catch(() => undefined);
    const err = await ncmRequest({ path: ['routers', '1'] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'upstream_auth', status: 503 });
    expect((err as { safeMessage: string }).safeMessage).toMatch(/refused the dashboard.s API keys/);
  });
});
