/**
 * The one way a body is read whole: at most `maxBytes`, refused before reading when its declared
 * length is larger, and cut off (the rest never read) when it grows past the cap. For bodies we
 * receive (the browser's JSON, NCM's webhook) and bodies NCM sends us alike.
 */

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`The body is larger than ${maxBytes} bytes`);
  }
}

/** The body of a request or response, or BodyTooLargeError. */
export async function readCappedBody(message: Request | Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(message.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await message.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes);
  }
  if (message.body === null) return Buffer.alloc(0);
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
