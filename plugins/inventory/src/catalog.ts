import type { PluginContext } from '@orion/sdk';
import { InventoryErrors } from './errors.js';

/** What inventory needs from the catalog's `catalog.variants` service (described here, not imported). */
export interface CatalogVariant {
  id: number;
  productId: number;
  productTitle: string;
  sku: string;
}
interface CatalogVariants {
  find(vendorId: number, ids: number[]): Promise<CatalogVariant[]>;
  list(vendorId: number, options?: { limit?: number }): Promise<CatalogVariant[]>;
}

export const catalogVariants = (ctx: PluginContext) => ctx.service<CatalogVariants>('catalog.variants');

/**
 * The vendor's variant, or 404 when the id is unknown or another vendor's. Call it before opening a transaction of
 * your own: the catalog service opens its own, and the embedded database has a single connection.
 */
export async function requireVariant(ctx: PluginContext, vendorId: number, id: number): Promise<CatalogVariant> {
  const [variant] = await catalogVariants(ctx).find(vendorId, [id]);
  if (!variant) throw InventoryErrors.VariantNotFound({ id });
  return variant;
}
