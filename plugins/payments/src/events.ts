/** The payments plugin's events on the kernel bus. */
export interface PaymentEvent {
  /** The platform the change came through; absent when a service caller did not say. */
  platformId?: number;
  vendorId: number;
  paymentId: number;
  orderRef: string;
  provider: string;
  status: string;
  amount: { amountMinor: number; currency: string };
}

declare module '@orion/sdk' {
  interface OrionEvents {
    /** The money is in: a manual payment marked paid, or a gateway's capture confirmed by its callback. */
    'payments.payment.captured': PaymentEvent;
    /** A capture the gateway reported as failed. */
    'payments.payment.failed': PaymentEvent;
    /** Money went back to the customer; `amount` is this refund. */
    'payments.payment.refunded': PaymentEvent;
  }
}
