import 'server-only';
import type { Group } from '@/lib/domain/types';
import { NcmError } from './errors';
import { ncmRequest } from './http';
import { normalizeList, toGroup } from './normalize';
import { ncmPaginate, type PaginateOptions } from './paginate';
import { assertId } from './resource-helpers';

export async function listGroups(opts?: PaginateOptions): Promise<Group[]> {
  return normalizeList(await ncmPaginate(['groups'], { limit: 500 }, opts), toGroup, 'group');
}

/** A group, or null when NCM does not know it. */
export async function getGroup(id: string): Promise<Group | null> {
  try {
    const response = await ncmRequest({ path: ['groups', assertId(id, 'group')] });
    return toGroup(response.body);
  } catch (err) {
    if (err instanceof NcmError && err.kind === 'not_found') return null;
    throw err;
  }
}
