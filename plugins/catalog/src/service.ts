import type { Knex, PluginContext } from '@orion/sdk';
import { T, toVariant, type VariantRow } from './rows.js';

/** A variant as other plugins see it (cart, inventory, orders): enough to show, price and check it. */
export interface CatalogVariantRef {
  id: number;
  productId: number;
  productTitle: string;
  productStatus: 'draft' | 'active' | 'archived';
  sku: string;
  optionValues: Record<string, string>;
  price: { amountMinor: number; currency: string };
  gtin: string | null;
  taxRateBp: number | null;
}

/**
 * The `catalog.variants` service. Plugins that declare a dependency on catalog call it with
 * `ctx.service<...>('catalog.variants')` rather than read the catalog's tables.
 */
export interface CatalogVariantsService {
  /**
   * The vendor's variants among `ids` (of live products); ids of other vendors or unknown ids are left out. With
   * `trx` (the caller's transaction, scoped to the same vendor) the read joins it instead of opening its own.
   */
  find(vendorId: number, ids: number[], options?: { trx?: Knex }): Promise<CatalogVariantRef[]>;
  /** Every variant of the vendor's live products, by id (for seeding and exports). */
  list(vendorId: number, options?: { limit?: number }): Promise<CatalogVariantRef[]>;
}

type JoinedRow = VariantRow & { title: string; status: CatalogVariantRef['productStatus']; tax_rate_bp: number | null };

export function createVariantsService(ctx: PluginContext): CatalogVariantsService {
  const query = (vendorId: number, filter: (q: ReturnType<PluginContext['db']>) => void, given?: Knex) => {
    const read = async (trx: Knex) => {
      const q = trx(`${T.variants} as v`)
        .join(`${T.products} as p`, function () {
          this.on('p.id', 'v.product_id').andOn('p.vendor_id', 'v.vendor_id');
        })
        .where('v.vendor_id', vendorId)
        .whereNull('p.deleted_at')
        .orderBy('v.id')
        .select('v.*', 'p.title', 'p.status', 'p.tax_rate_bp');
      filter(q);
      const rows = (await q) as JoinedRow[];
      return rows.map((r) => {
        const v = toVariant(r);
        return {
          id: v.id,
          productId: v.productId,
          productTitle: r.title,
          productStatus: r.status,
          sku: v.sku,
          optionValues: v.optionValues,
          price: { amountMinor: v.price.amountMinor, currency: v.price.currency },
          gtin: v.gtin,
          taxRateBp: r.tax_rate_bp,
        };
      });
    };
    return given ? read(given) : ctx.withTenant({ vendorId }, read);
  };
  return {
    find: (vendorId, ids, options = {}) =>
      ids.length ? query(vendorId, (q) => q.whereIn('v.id', ids), options.trx) : Promise.resolve([]),
    list: (vendorId, options = {}) => query(vendorId, (q) => q.limit(options.limit ?? 10_000)),
  };
}
