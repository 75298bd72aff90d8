import { defineError } from '@orion/sdk';

/** The orders plugin's expected failures. Another vendor's orders answer like unknown ones: 404. */
export const OrderErrors = {
  NotFound: defineError<{ id: number | string }>({
    code: 'ORDERS_NOT_FOUND',
    category: 'not-found',
    title: 'Not found',
    detail: (p) => `No order ${p.id} in this shop.`,
  }),
  InvalidTransition: defineError<{ number: number; from: string; to: string; allowed: readonly string[] }>({
    code: 'ORDERS_INVALID_TRANSITION',
    category: 'conflict',
    title: 'Not possible in this state',
    detail: (p) =>
      `Order ${p.number} is ${p.from}: it cannot become ${p.to}. ${
        p.allowed.length ? `Next it can become ${p.allowed.join(', ')}.` : 'It is final.'
      }`,
  }),
  TrackingRequired: defineError<Record<string, never>>({
    code: 'ORDERS_TRACKING_REQUIRED',
    category: 'input',
    status: 422,
    title: 'Tracking needed',
    detail: () => 'A shipped order needs a tracking number and a carrier.',
  }),
  PaidByGateway: defineError<{ provider: string }>({
    code: 'ORDERS_PAID_BY_GATEWAY',
    category: 'conflict',
    title: 'Paid by the gateway',
    detail: (p) => `This order is paid through ${p.provider}: it becomes paid when the gateway confirms the capture.`,
  }),
  VariantUnavailable: defineError<{ ids: number[] }>({
    code: 'ORDERS_VARIANT_UNAVAILABLE',
    category: 'input',
    status: 422,
    title: 'Product not available',
    detail: (p) => `These variants are not for sale in this shop: ${p.ids.join(', ')}.`,
  }),
  CurrencyMismatch: defineError<{ expected: string; got: string }>({
    code: 'ORDERS_CURRENCY_MISMATCH',
    category: 'input',
    status: 422,
    title: 'Currency mismatch',
    detail: (p) => `Every amount of an order is in one currency: expected ${p.expected}, got ${p.got}.`,
  }),
  PaymentDeclined: defineError<{ reason: string }>({
    code: 'ORDERS_PAYMENT_DECLINED',
    category: 'input',
    status: 402,
    title: 'Payment declined',
    detail: (p) => `The payment was declined (${p.reason}); the order was not placed.`,
  }),
  IdempotencyMismatch: defineError<{ key: string }>({
    code: 'ORDERS_IDEMPOTENCY_MISMATCH',
    category: 'input',
    status: 422,
    title: 'Idempotency key reused',
    detail: (p) => `The Idempotency-Key "${p.key}" was used for a different order: use a new key for a new order.`,
  }),
  IdempotencyInFlight: defineError<{ key: string }>({
    code: 'ORDERS_IDEMPOTENCY_IN_FLIGHT',
    category: 'conflict',
    title: 'Order still being placed',
    detail: (p) => `An order with the Idempotency-Key "${p.key}" is still being placed: retry in a moment.`,
  }),
  RefundTooLarge: defineError<{ number: number; max: string }>({
    code: 'ORDERS_REFUND_TOO_LARGE',
    category: 'input',
    status: 422,
    title: 'Refund too large',
    detail: (p) => `Order ${p.number} can be refunded at most ${p.max}.`,
  }),
  NotRefundable: defineError<{ number: number; status: string }>({
    code: 'ORDERS_NOT_REFUNDABLE',
    category: 'conflict',
    title: 'Nothing to refund',
    detail: (p) => `Order ${p.number} is ${p.status}: only paid orders can be refunded.`,
  }),
} as const;
