import type { DemoVendor, PluginContext } from '@orion/sdk';
import { cookieJar } from './cookie-jar.js';
import { carts } from './deps.js';
import { createCheckout, type Shopper } from './flow.js';
import { createMethod, listMethods } from './shipping.js';

interface Listing {
  list(vendorId: number, options?: { limit?: number }): Promise<{ id: number }[]>;
}
interface Available {
  available(vendorId: number, variantIds: number[]): Promise<Record<number, number>>;
}

const SHOPPERS = [
  { name: 'Marie Curie', email: 'marie@example.com', card: undefined, method: 0 },
  { name: 'Lise Meitner', email: 'lise@example.com', card: '4242424242424242', method: 1 },
  { name: 'Emmy Noether', email: 'emmy@example.com', card: undefined, method: 2 },
] as const;

/**
 * Demo data for one vendor: three shipping methods (flat €4.90, free from €50 else €6.90, pickup), then three
 * orders placed through the checkout itself, as a guest shopper would (cart, steps, review, place). Seeds nothing
 * when the vendor has shipping methods already.
 */
export async function seedCheckoutDemo(ctx: PluginContext, vendor: DemoVendor): Promise<void> {
  const platformId = vendor.platformIds[0];
  if (platformId === undefined) return;
  const vendorId = vendor.id;
  const methods = await ctx.withTenant({ vendorId }, async (trx) => {
    if ((await listMethods(trx, vendorId, { all: true })).length) return undefined;
    const base = { currency: 'EUR', active: true };
    return [
      await createMethod(trx, vendorId, { ...base, name: 'Standard', kind: 'flat', amountMinor: 490, position: 0 }),
      await createMethod(trx, vendorId, {
        ...base,
        name: 'Express, free from €50',
        kind: 'free_above',
        amountMinor: 690,
        freeAboveMinor: 5000,
        position: 1,
      }),
      await createMethod(trx, vendorId, {
        ...base,
        name: 'Pick up in store',
        kind: 'pickup',
        amountMinor: 0,
        position: 2,
      }),
    ];
  });
  if (!methods) return;
  const all = await ctx.service<Listing>('catalog.variants').list(vendorId, { limit: 100 });
  const stock = await ctx.service<Available>('inventory.reservations').available(
    vendorId,
    all.map((v) => v.id),
  );
  const stocked = all.filter((v) => (stock[v.id] ?? 0) >= 3);
  const checkout = createCheckout(ctx);
  let placed = 0;
  for (const [i, p] of SHOPPERS.entries()) {
    const variant = stocked[(i * 5 + 1) % Math.max(stocked.length, 1)];
    const method = methods[p.method];
    if (!variant || !method) break;
    const s: Shopper = {
      c: cookieJar(`http://localhost/vendors/${vendor.code}/shop/checkout`),
      vendorId,
      platformId,
      actor: 'demo seed',
      trackUrl: `http://localhost/vendors/${vendor.code}/shop/checkout/track`,
    };
    try {
      const cart = await carts(ctx).add(s.c, s, variant.id, 1);
      if (cart.currency !== 'EUR') break;
      await checkout.setContact(s, { email: p.email, name: p.name, phone: null });
      await checkout.setAddress(s, {
        name: p.name,
        line1: `${10 + i} Boulevard Royal`,
        line2: null,
        postalCode: 'L-2449',
        city: 'Luxembourg',
        country: 'LU',
      });
      await checkout.setShipping(s, method.id);
      await checkout.setPayment(s, p.card ? 'testgateway' : 'manual');
      const review = await checkout.review(s);
      await checkout.place(s, { reviewToken: review.reviewToken, card: p.card ? { number: p.card } : undefined });
      placed++;
    } catch (err) {
      ctx.logger.warn({ err, vendor: vendor.code }, 'checkout: demo order skipped');
    }
  }
  ctx.logger.info({ vendor: vendor.code, orders: placed }, 'checkout: demo shipping methods and orders seeded');
}
