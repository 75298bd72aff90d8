/** The states of an order. */
export const ORDER_STATUSES = [
  'pending',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Which state may follow which. Cancelling is possible until the parcel leaves (it releases the reserved stock);
 * `refunded` is reached by refunding the whole amount that was paid.
 */
export const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['paid', 'cancelled'],
  paid: ['processing', 'cancelled', 'refunded'],
  processing: ['shipped', 'cancelled', 'refunded'],
  shipped: ['delivered', 'refunded'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

/** States in which money was paid and may be given back, in full or in part. */
export const REFUNDABLE: readonly OrderStatus[] = ['paid', 'processing', 'shipped', 'delivered'];

export const canMove = (from: OrderStatus, to: OrderStatus): boolean => NEXT[from].includes(to);
