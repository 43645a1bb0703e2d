import 'server-only';
import type { Group } from '@/lib/domain/types';
import { normalizeList, toGroup } from './normalize';
import { ncmPaginate, type PaginateOptions } from './paginate';

export async function listGroups(opts?: PaginateOptions): Promise<Group[]> {
  return normalizeList(await ncmPaginate(['groups'], { limit: 500 }, opts), toGroup, 'group');
}
