import type { PluginContext } from '@orion/sdk';
import { listCategories } from './categories.js';
import { T } from './rows.js';
import type { Category, ListQuery, Product } from './schemas.js';
import { findActiveBySlug } from './search.js';
import { searchProducts } from './stock-filter.js';

/** The shop's query of a product list: the shop API's query, without the vendor-only status filter. */
export type ShopListQuery = Omit<ListQuery, 'status'>;

/**
 * The `catalog.shop` service: read-only queries for storefront pages (the kernel's storefront and plugins that
 * depend on catalog). Only active, undeleted products of the one vendor are ever returned.
 */
export interface CatalogShopService {
  /**
   * `options.language`: the shopper's, whose word stems the search also matches; `options.platformId`: the
   * request's platform (the in-stock filter applies only where inventory is enabled).
   */
  products(
    vendorId: number,
    query: ShopListQuery,
    options?: { language?: string; platformId?: number },
  ): Promise<{ items: Product[]; total: number }>;
  product(vendorId: number, slug: string): Promise<Product | undefined>;
  categories(vendorId: number): Promise<Category[]>;
  /** What changes whenever the vendor's catalog does (products, variants, categories): for ETag/Last-Modified. */
  version(vendorId: number): Promise<{ lastModified: Date | undefined; tag: string }>;
  /** Slug and change time of every active product, for the sitemap (at most `limit`, default 10,000). */
  sitemap(vendorId: number, limit?: number): Promise<{ slug: string; updatedAt: Date }[]>;
}

export function createShopService(ctx: PluginContext): CatalogShopService {
  return {
    products: (vendorId, query, options = {}) =>
      searchProducts(ctx, { vendorId, shop: true, ...options }, { ...query }),
    product: (vendorId, slug) => ctx.withTenant({ vendorId }, (trx) => findActiveBySlug(trx, vendorId, slug)),
    categories: (vendorId) => ctx.withTenant({ vendorId }, (trx) => listCategories(trx, vendorId)),
    version: (vendorId) =>
      ctx.withTenant({ vendorId }, async (trx) => {
        // A product change (its variants and category links too) moves updated_at; deleting sets deleted_at and
        // updated_at. Categories carry no timestamp: their count, ids and positions go into the tag instead.
        const p = (await trx(T.products)
          .where({ vendor_id: vendorId })
          .first(trx.raw('max(updated_at) as at'), trx.raw('count(*) as n'))) as { at: Date | null; n: string };
        const c = (await trx(T.categories)
          .where({ vendor_id: vendorId })
          .first(trx.raw('count(*) as n'), trx.raw('coalesce(sum(id * 31 + position), 0) as s'))) as {
          n: string;
          s: string;
        };
        const v = (await trx(T.variants)
          .where({ vendor_id: vendorId })
          .first(trx.raw('max(updated_at) as at'), trx.raw('count(*) as n'))) as { at: Date | null; n: string };
        const times = [p?.at, v?.at].filter((d): d is Date => !!d).map((d) => new Date(d).getTime());
        const at = times.length ? new Date(Math.max(...times)) : undefined;
        return { lastModified: at, tag: `${at?.getTime() ?? 0}-${p?.n ?? 0}-${v?.n ?? 0}-${c?.n ?? 0}-${c?.s ?? 0}` };
      }),
    sitemap: (vendorId, limit = 10_000) =>
      ctx.withTenant({ vendorId }, async (trx) => {
        const rows = (await trx(T.products)
          .where({ vendor_id: vendorId, status: 'active' })
          .whereNull('deleted_at')
          .orderBy('id')
          .limit(limit)
          .select('slug', 'updated_at')) as { slug: string; updated_at: Date }[];
        return rows.map((r) => ({ slug: r.slug, updatedAt: new Date(r.updated_at) }));
      }),
  };
}
