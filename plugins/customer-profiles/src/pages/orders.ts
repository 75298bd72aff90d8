import type { PluginContext } from '@orion/sdk';

/** What the customer pages need from the orders plugin's `orders.customerOrders` service (described, not imported). */
export interface CustomerOrderList {
  orders: {
    id: number;
    number: number;
    status: string;
    placedAt: string;
    total: { amountMinor: number; currency: string };
  }[];
  total: number;
}
interface CustomerOrders {
  list(vendorId: number, customerId: number, options?: { limit?: number }): Promise<CustomerOrderList>;
}

/**
 * The customer's latest orders, or undefined when the orders plugin (an optional dependency) is not there or cannot
 * answer (loaded but not installed): the customer page then has no orders section, rather than failing.
 */
export async function ordersOf(
  ctx: PluginContext,
  vendorId: number,
  customerId: number,
): Promise<CustomerOrderList | undefined> {
  let service: CustomerOrders;
  try {
    service = ctx.service<CustomerOrders>('orders.customerOrders');
  } catch {
    return undefined;
  }
  try {
    return await service.list(vendorId, customerId, { limit: 20 });
  } catch (err) {
    ctx.logger.warn({ err }, 'orders.customerOrders failed: the customer page shows no orders');
    return undefined;
  }
}
