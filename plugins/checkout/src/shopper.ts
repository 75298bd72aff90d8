import type { Context } from 'hono';
import type { Shopper } from './flow.js';

/** The checkout's view of a shop request: vendor, platform, the signed-in customer of this shop, links. */
export function shopperOf(c: Context): Shopper {
  const vendor = c.get('vendor');
  const platform = c.get('platform');
  if (!vendor || !platform) throw new Error('checkout: a shop route without a shop');
  const p = c.get('principal');
  const customer = p?.kind === 'customer' && p.vendorId === vendor.id ? p : undefined;
  const tenant = c.get('tenant') as { shopBase: string } | undefined;
  const origin = new URL(c.req.url).origin;
  return {
    c,
    vendorId: vendor.id,
    platformId: platform.id,
    customerId: customer?.customerId,
    email: customer?.email,
    actor: customer ? `customer:${customer.customerId}` : 'guest',
    language: c.get('language') ?? 'en',
    trackUrl: `${origin}${tenant?.shopBase ?? `/vendors/${vendor.code}/shop`}/checkout/track`,
  };
}
