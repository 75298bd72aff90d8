import type { OrderStatus } from './states.js';

/** The orders plugin's events on the kernel bus. */
export interface OrderEvent {
  platformId: number;
  vendorId: number;
  orderId: number;
  number: number;
  status: OrderStatus;
  /** The state before, for transitions. */
  from?: OrderStatus | null;
}

declare module '@orion/sdk' {
  interface OrionEvents {
    'orders.order.placed': OrderEvent & { total: { amountMinor: number; currency: string } };
    'orders.order.paid': OrderEvent;
    'orders.order.processing': OrderEvent;
    'orders.order.shipped': OrderEvent & { trackingNumber: string; carrier: string };
    'orders.order.delivered': OrderEvent;
    'orders.order.cancelled': OrderEvent;
    /** A refund, full (`status` is `refunded`) or partial; `amount` is this refund. */
    'orders.order.refunded': OrderEvent & { amount: { amountMinor: number; currency: string } };
  }
}
