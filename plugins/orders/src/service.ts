import type { PluginContext } from '@orion/sdk';
import { type PlaceContext, type PlaceInput, placeOrder } from './place.js';
import { findOrderRow, orderDetail, trackOrder } from './queries.js';

export type OrderDetail = Awaited<ReturnType<typeof orderDetail>>;

/**
 * The `orders.orders` service, for plugins that depend on orders (checkout): place an order (idempotent with a key:
 * the same key and input give the same order back, `replayed: true`), read one, track one by number and email.
 * `ctx.service<OrdersService>('orders.orders')`.
 */
export interface OrdersService {
  place(pc: PlaceContext, input: PlaceInput): Promise<{ order: OrderDetail; replayed: boolean }>;
  /** The vendor's order; throws `ORDERS_NOT_FOUND` for an unknown id or another vendor's. */
  get(vendorId: number, orderId: number): Promise<OrderDetail>;
  /** The order with this number placed with this email; throws `ORDERS_NOT_FOUND` otherwise. */
  track(vendorId: number, number: number, email: string): Promise<OrderDetail>;
}

export function createOrdersService(ctx: PluginContext): OrdersService {
  const get = (vendorId: number, orderId: number) =>
    ctx.withTenant({ vendorId }, async (trx) => orderDetail(trx, vendorId, await findOrderRow(trx, vendorId, orderId)));
  return {
    async place(pc, input) {
      const { orderId, replayed } = await placeOrder(ctx, pc, input);
      return { order: await get(pc.vendorId, orderId), replayed };
    },
    get,
    track: (vendorId, number, email) => ctx.withTenant({ vendorId }, (trx) => trackOrder(trx, vendorId, number, email)),
  };
}
