import type { PluginContext } from '@orion/sdk';
import { listOrders } from './queries.js';

/** The `orders.customer` service: a shop customer's own orders, for the storefront's account page. */
export interface CustomerOrdersService {
  /** The customer's latest orders (at most 50), newest first. Another vendor's customer id finds nothing. */
  listForCustomer(
    vendorId: number,
    customerId: number,
  ): Promise<{ ref: string; status: string; total: { amountMinor: number; currency: string }; placedAt: string }[]>;
}

export function createCustomerOrdersService(ctx: PluginContext): CustomerOrdersService {
  return {
    listForCustomer: (vendorId, customerId) =>
      ctx.withTenant({ vendorId }, async (trx) => {
        const { items } = await listOrders(trx, vendorId, { customer: String(customerId), page: 1, pageSize: 50 });
        return items.map((o) => ({
          ref: `#${o.number}`,
          status: o.status,
          total: { amountMinor: Number(o.totals.total.amountMinor), currency: o.currency },
          placedAt: o.placedAt,
        }));
      }),
  };
}
