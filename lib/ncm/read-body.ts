import 'server-only';
/**
 * NCM's bodies, read with a size cap before anything parses them: a 60 MB maintenance page or a
 * hostile upstream must not be buffered whole.
 */
import { BodyTooLargeError, readCappedBody } from '@/lib/server/capped-body';
import { NcmError } from './errors';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function readCappedText(response: Response, maxBytes: number = MAX_BODY_BYTES): Promise<string> {
  try {
    return new TextDecoder('utf-8').decode(await readCappedBody(response, maxBytes));
  } catch (err) {
    if (err instanceof BodyTooLargeError)
      throw new NcmError('bad_upstream', `Upstream body exceeds the ${maxBytes}-byte cap`);
    throw err;
  }
}

/** Discards a body we will not use, so the connection can be reused and nothing upstream is kept. */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
