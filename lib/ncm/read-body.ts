import 'server-only';
/**
 * Reads a response body with a size cap before anything parses it: a 60 MB maintenance page
 * or a hostile upstream must not be buffered whole.
 */
import { NcmError } from './errors';

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function readCappedText(response: Response, maxBytes: number = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new NcmError('bad_upstream', `Upstream body of ${declared} bytes exceeds the ${maxBytes}-byte cap`);
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new NcmError('bad_upstream', `Upstream body exceeds the ${maxBytes}-byte cap`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** Discards a body we will not use, so the connection can be reused and nothing upstream is kept. */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
