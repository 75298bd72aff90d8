import type { PluginContext } from '@orion/sdk';
import type { Address } from './address.js';
import { listAddresses } from './addresses.js';

/**
 * The `customer-profiles.addresses` service: a customer's saved addresses, for the storefront's account page, and
 * the default one for checkout (which prefills the shipping address with it).
 */
export interface CustomerAddressesService {
  /** Each address as a label (shipping or billing, default or not) and its printable lines. */
  list(vendorId: number, customerId: number): Promise<{ label: string; lines: string[] }[]>;
  /** The customer's default address of a kind (else their newest of that kind), or undefined. */
  defaultAddress(vendorId: number, customerId: number, kind: 'shipping' | 'billing'): Promise<Address | undefined>;
}

export function createAddressesService(ctx: PluginContext): CustomerAddressesService {
  return {
    async defaultAddress(vendorId, customerId, kind) {
      const all = await ctx.withTenant({ vendorId }, (trx) => listAddresses(trx, { vendorId, customerId }));
      const mine = all.filter((a) => a.kind === kind);
      return mine.find((a) => a.isDefault) ?? mine.at(-1);
    },
    list: (vendorId, customerId) =>
      ctx.withTenant({ vendorId }, async (trx) => {
        const addresses = await listAddresses(trx, { vendorId, customerId });
        return addresses.map((a) => ({
          label: `${a.kind === 'shipping' ? 'Shipping' : 'Billing'}${a.isDefault ? ' (default)' : ''}`,
          lines: [
            a.fullName,
            a.company,
            a.line1,
            a.line2,
            [a.postalCode, a.city].filter(Boolean).join(' '),
            [a.region, a.country].filter(Boolean).join(', '),
          ].filter((l): l is string => Boolean(l)),
        }));
      }),
  };
}
