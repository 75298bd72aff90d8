import type { PluginContext } from '@orion/sdk';
import { listOrders } from './queries.js';
import type { OrderStatus } from './states.js';

/** An order as another plugin lists it: enough for a line in a customer's history. */
export interface CustomerOrderSummary {
  id: number;
  number: number;
  status: OrderStatus;
  placedAt: string;
  total: { amountMinor: number; currency: string };
}

/**
 * The `orders.customerOrders` service: a customer's orders, newest first, for plugins that show a customer
 * (customer-profiles, as an optional dependency). Orders placed as a guest with the same email are not included:
 * only orders carrying the account's id.
 */
export interface CustomerOrders {
  list(
    vendorId: number,
    customerId: number,
    options?: { limit?: number },
  ): Promise<{ orders: CustomerOrderSummary[]; total: number }>;
}

export function createCustomerOrders(ctx: PluginContext): CustomerOrders {
  return {
    async list(vendorId, customerId, options = {}) {
      const pageSize = Math.min(100, Math.max(1, options.limit ?? 20));
      const page = await ctx.withTenant({ vendorId }, (trx) =>
        listOrders(trx, vendorId, { customer: String(customerId), page: 1, pageSize }),
      );
      return {
        total: page.total,
        orders: page.items.map((o) => ({
          id: o.id,
          number: o.number,
          status: o.status,
          placedAt: o.placedAt,
          total: o.totals.total,
        })),
      };
    },
  };
}
