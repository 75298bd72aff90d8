import type { PluginContext } from '@orion/sdk';
import { listAddresses } from './addresses.js';

/** The `customer-profiles.addresses` service: a customer's saved addresses, for the storefront's account page. */
export interface CustomerAddressesService {
  /** Each address as a label (shipping or billing, default or not) and its printable lines. */
  list(vendorId: number, customerId: number): Promise<{ label: string; lines: string[] }[]>;
}

export function createAddressesService(ctx: PluginContext): CustomerAddressesService {
  return {
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
