import type { DemoVendor, PluginContext } from '@orion/sdk';
import type { AddressInput } from './address.js';
import { ADDRESSES, createAddress } from './addresses.js';

const STREETS = ['12 rue de la Gare', '4 avenue de la Liberté', '27 Grand-Rue', '8 rue du Fort Wallis'];
const CITIES: [string, string][] = [
  ['L-1611', 'Luxembourg'],
  ['L-4001', 'Esch-sur-Alzette'],
  ['L-9001', 'Ettelbruck'],
  ['L-4501', 'Differdange'],
];

/**
 * Demo profiles for one vendor: every customer without an address gets a default shipping address in Luxembourg,
 * and one in two a billing address too. Customers who have addresses already are left alone, so a second start
 * seeds nothing. Demo shops have a few dozen customers: the first 500 are enough.
 */
export async function seedProfilesDemo(ctx: PluginContext, vendor: DemoVendor): Promise<void> {
  await ctx.withTenant({ vendorId: vendor.id }, async (trx) => {
    const { customers: all } = await ctx.customers.list(vendor.id, { order: 'oldest', limit: 500, trx });
    const withAddress = new Set(
      (await trx(ADDRESSES).where({ vendor_id: vendor.id }).distinct('customer_id')).map((r: { customer_id: number }) =>
        Number(r.customer_id),
      ),
    );
    const customers = all.filter((c) => !withAddress.has(c.id));
    for (const [i, c] of customers.entries()) {
      const owner = { vendorId: vendor.id, customerId: c.id };
      const fullName = `${c.firstName} ${c.lastName}`.trim() || c.email.split('@')[0] || 'Customer';
      const [postalCode, city] = CITIES[i % CITIES.length]!;
      const base = { fullName, line1: STREETS[i % STREETS.length]!, postalCode, city, country: 'LU' };
      await createAddress(trx, owner, { kind: 'shipping', ...base } as AddressInput);
      if (i % 2 === 0) await createAddress(trx, owner, { kind: 'billing', ...base } as AddressInput);
    }
  });
}
