import 'server-only';
/** Small reference lists the dashboard loads whole: accounts, products, firmwares. */
import type { Account, Firmware, Product } from '@/lib/domain/types';
import { normalizeList, toAccount, toFirmware, toProduct } from './normalize';
import { ncmPaginate, type PaginateOptions } from './paginate';

export async function listAccounts(opts?: PaginateOptions): Promise<Account[]> {
  return normalizeList(await ncmPaginate(['accounts'], { limit: 500 }, opts), toAccount, 'account');
}

export async function listProducts(opts?: PaginateOptions): Promise<Product[]> {
  return normalizeList(await ncmPaginate(['products'], { limit: 500 }, opts), toProduct, 'product');
}

export async function listFirmwares(opts?: PaginateOptions): Promise<Firmware[]> {
  return normalizeList(await ncmPaginate(['firmwares'], { limit: 500 }, opts), toFirmware, 'firmware');
}
