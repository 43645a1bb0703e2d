import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readCappedBody } from './capped-body';

describe('readCappedBody', () => {
  it('reads a request or response body up to the cap', async () => {
    expect((await readCappedBody(new Request('http://x/', { method: 'POST', body: 'abc' }), 10)).toString()).toBe(
      'abc',
    );
    expect((await readCappedBody(new Response('abcdefghij'), 10)).toString()).toBe('abcdefghij');
    expect((await readCappedBody(new Response(null), 10)).length).toBe(0);
  });

  it('stops reading a body that grows past the cap', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    await expect(readCappedBody(new Response(endless), 4096)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled).toBeLessThan(10);
  });

  it('refuses a declared length over the cap before reading anything', async () => {
    const lying = new Request('http://x/', { method: 'POST', body: 'x', headers: { 'content-length': '999999' } });
    await expect(readCappedBody(lying, 10)).rejects.toBeInstanceOf(BodyTooLargeError);
    const big = new Request('http://x/', { method: 'POST', body: 'x'.repeat(11) });
    await expect(readCappedBody(big, 10)).rejects.toMatchObject({ maxBytes: 10 });
  });
});
