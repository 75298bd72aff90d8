import type { PluginContext } from '@orion/sdk';
import type { ListQuery, Product } from './schemas.js';
import { filteredQuery, type ListScope, listProducts, productsByIds } from './search.js';

/** The one call of inventory's `inventory.reservations` service the catalog uses (optional dependency). */
interface StockReader {
  available(vendorId: number, variantIds: number[]): Promise<Record<number, number>>;
}

/** The most products the in-stock filter looks at: beyond it, the filter keeps the first matches in sort order. */
export const IN_STOCK_SCAN_LIMIT = 10_000;

/**
 * Inventory's stock reader when inventory is there (and, for a request of one platform, enabled on it), else
 * undefined: the catalog works without it.
 */
export function stockReader(ctx: PluginContext, platformId?: number): StockReader | undefined {
  if (platformId !== undefined && !ctx.isEnabled('inventory', platformId)) return undefined;
  try {
    return ctx.service<StockReader>('inventory.reservations');
  } catch {
    return undefined;
  }
}

/**
 * A page of products, with the in-stock filter when asked and inventory is there. Stock is inventory's, so it is
 * asked through its service and never read from its tables: the ids that match every other filter are read in
 * sort order (one transaction), inventory answers their variants' available units (its own transaction: the
 * embedded database has one connection, so the two never nest), then the page is read. Without inventory the
 * filter is ignored: every product counts as in stock, as nothing tracks stock.
 */
export async function searchProducts(
  ctx: PluginContext,
  scope: ListScope & { platformId?: number },
  query: ListQuery & { inStock?: 'true' | 'false' },
): Promise<{ items: Product[]; total: number }> {
  const stock = query.inStock === 'true' ? stockReader(ctx, scope.platformId) : undefined;
  const { vendorId } = scope;
  if (!stock) return ctx.withTenant({ vendorId }, (trx) => listProducts(trx, scope, query));

  const candidates = await ctx.withTenant({ vendorId }, async (trx) => {
    const { q } = await filteredQuery(trx, scope, query);
    const ids = (await q.select('p.id').limit(IN_STOCK_SCAN_LIMIT)).map((r: { id: number }) => Number(r.id));
    const variants = ids.length
      ? ((await trx('catalog__variants')
          .where({ vendor_id: vendorId })
          .whereIn('product_id', ids)
          .select('id', 'product_id')) as { id: number; product_id: number }[])
      : [];
    return { ids, variants };
  });
  let available: Record<number, number>;
  try {
    available = candidates.variants.length
      ? await stock.available(
          vendorId,
          candidates.variants.map((v) => Number(v.id)),
        )
      : {};
  } catch (err) {
    // Inventory is loaded but not installed here (no tables): nothing tracks stock.
    ctx.logger.warn({ err }, 'in-stock filter: inventory did not answer; filter ignored');
    return ctx.withTenant({ vendorId }, (trx) => listProducts(trx, scope, query));
  }
  const inStock = new Set(
    candidates.variants.filter((v) => (available[Number(v.id)] ?? 0) > 0).map((v) => Number(v.product_id)),
  );
  const matching = candidates.ids.filter((id) => inStock.has(id));
  const pageIds = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const items = await ctx.withTenant({ vendorId }, (trx) => productsByIds(trx, vendorId, pageIds));
  return { items, total: matching.length };
}
