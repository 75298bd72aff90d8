import type { DemoVendor, PluginContext } from '@orion/sdk';
import { catalog } from './deps.js';
import { placeOrder } from './place.js';
import { T } from './rows.js';
import type { OrderStatus } from './states.js';
import { transition } from './transitions.js';

/** The path of each demo order through the state machine, after `pending`. */
const PATHS: OrderStatus[][] = [
  [],
  ['paid'],
  ['paid', 'processing'],
  ['paid', 'processing', 'shipped'],
  ['paid', 'processing', 'shipped', 'delivered'],
  ['cancelled'],
  ['paid', 'refunded'],
  ['paid', 'processing', 'shipped', 'delivered'],
];

const PEOPLE = [
  ['Ada Lovelace', 'ada'],
  ['Grace Hopper', 'grace'],
  ['Alan Turing', 'alan'],
  ['Katherine Johnson', 'katherine'],
] as const;

/**
 * Demo orders for one vendor, in every state, placed through the same code as the shop (stock is reserved, bank
 * transfers captured) and moved on by `demo seed`. Seeds nothing when the vendor has orders, or no stocked variant.
 */
export async function seedOrdersDemo(ctx: PluginContext, vendor: DemoVendor): Promise<void> {
  const platformId = vendor.platformIds[0];
  if (platformId === undefined) return;
  const existing = await ctx.withTenant({ vendorId: vendor.id }, (trx) =>
    trx(T.orders).where({ vendor_id: vendor.id }).first('id'),
  );
  if (existing) return;
  const variants = (await catalog(ctx).find(vendor.id, await variantIds(ctx, vendor.id))).filter(
    (v) => v.productStatus === 'active',
  );
  let placed = 0;
  for (const [i, path] of PATHS.entries()) {
    const [name, handle] = PEOPLE[i % PEOPLE.length] as readonly [string, string];
    const picks = [variants[(i * 7) % variants.length], variants[(i * 11 + 3) % variants.length]].filter(Boolean);
    if (!picks.length) break;
    try {
      const { orderId } = await placeOrder(
        ctx,
        { vendorId: vendor.id, platformId, actor: 'demo seed' },
        {
          lines: [...new Set(picks.map((v) => v?.id as number))].map((variantId) => ({ variantId, quantity: 1 })),
          contact: { email: `${handle}@example.com`, name },
          shippingAddress: {
            name,
            line1: `${i + 1} Rue de la Gare`,
            postalCode: 'L-1611',
            city: 'Luxembourg',
            country: 'LU',
          },
          shipping: { amountMinor: 490, currency: picks[0]?.price.currency ?? 'EUR' },
          payment: { provider: 'manual' },
        },
      );
      for (const to of path) {
        await transition(ctx, { vendorId: vendor.id, platformId, actor: 'demo seed' }, orderId, {
          to,
          ...(to === 'shipped' ? { trackingNumber: `LU${100000 + i}`, carrier: 'POST Luxembourg' } : {}),
        });
      }
      placed++;
    } catch (err) {
      ctx.logger.warn({ err, vendor: vendor.code }, 'demo order skipped');
    }
  }
  ctx.logger.info({ vendor: vendor.code, orders: placed }, 'demo orders seeded');
}

interface Available {
  available(vendorId: number, variantIds: number[]): Promise<Record<number, number>>;
}
interface Listing {
  list(vendorId: number, options?: { limit?: number }): Promise<{ id: number }[]>;
}

/** The vendor's variants that have at least 2 units available. */
async function variantIds(ctx: PluginContext, vendorId: number): Promise<number[]> {
  const all = await ctx.service<Listing>('catalog.variants').list(vendorId, { limit: 200 });
  const stock = await ctx.service<Available>('inventory.reservations').available(
    vendorId,
    all.map((v) => v.id),
  );
  return all.filter((v) => (stock[v.id] ?? 0) >= 2).map((v) => v.id);
}
