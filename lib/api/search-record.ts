import 'server-only';
import { z } from 'zod';
import { parseSearchParams } from './request';

const anyParams = z.record(z.string(), z.string());

/**
 * The URL's query as a plain record (repeated keys refused), for handlers whose data function
 * validates its own input with its schema.
 */
export function searchRecord(url: string | URL): Record<string, string> {
  return parseSearchParams(url, anyParams);
}
