import type { DemoVendor, PluginContext } from '@orion/sdk';
import { catalogVariants } from './catalog.js';
import { defaultLocationId } from './locations.js';
import { adjustStock } from './stock.js';
import { T } from './tables.js';

/**
 * Demo stock for one vendor: a second location, and stock for every catalog variant at the default location (a few
 * at zero, a few low), each with a `received` history row. Seeds nothing when the vendor has stock already.
 */
export async function seedInventoryDemo(ctx: PluginContext, vendor: DemoVendor): Promise<void> {
  const variants = await catalogVariants(ctx).list(vendor.id, { limit: 500 });
  await ctx.withTenant({ vendorId: vendor.id }, async (trx) => {
    if (await trx(T.stock).where({ vendor_id: vendor.id }).first('id')) return;
    await defaultLocationId(trx, vendor.id);
    await trx(T.locations).insert({ vendor_id: vendor.id, name: 'Shop floor', is_default: false });
    for (const [i, v] of variants.entries()) {
      const onHand = i % 13 === 0 ? 0 : 3 + ((i * 17) % 60);
      if (onHand) await adjustStock(trx, vendor.id, v.id, { onHand, reason: 'received', note: 'demo' }, 'demo seed');
      await trx(T.stock).where({ vendor_id: vendor.id, variant_id: v.id }).update({ low_stock_threshold: 5 });
    }
  });
  ctx.logger.info({ vendor: vendor.code, variants: variants.length }, 'demo stock seeded');
}
