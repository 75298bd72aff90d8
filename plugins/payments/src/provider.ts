import type { Money } from '@orion/sdk';

/** Where a payment stands. `pending` waits for a bank transfer; `capture_pending` for the gateway's callback. */
export type PaymentStatus =
  | 'pending'
  | 'authorized'
  | 'declined'
  | 'capture_pending'
  | 'captured'
  | 'partially_refunded'
  | 'refunded'
  | 'voided'
  | 'failed';

/** A card as a shopper types it; only the last four digits are ever stored. */
export interface CardInput {
  number: string;
  expMonth?: number;
  expYear?: number;
  cvc?: string;
}

/** What a provider knows about a payment it handles. */
export interface ProviderPayment {
  providerRef: string;
  amount: Money;
  captured: Money;
  refunded: Money;
  status: PaymentStatus;
}

/** A callback the (simulated) gateway will send later, signed, to the webhook route. */
export interface PendingCallback {
  body: string;
  headers: Record<string, string>;
  delayMs: number;
}

/** A provider's answer to one operation. */
export interface ProviderOutcome {
  status: PaymentStatus;
  /** The provider's id of the payment (set by `authorize`). */
  providerRef?: string;
  /** Why, in words, for a decline or a failure. */
  message?: string;
  cardLast4?: string;
  callback?: PendingCallback;
}

/** What a verified webhook says happened. */
export interface WebhookEvent {
  /** The provider's event id: a replay carries the same one and is handled once. */
  id: string;
  providerRef: string;
  type: 'capture.succeeded' | 'capture.failed' | 'refund.succeeded';
  amountMinor: number;
  message?: string;
}

/**
 * The vendor, and the payments plugin's settings on the platform at hand, read on demand (a query: do not ask for
 * them while a caller's transaction holds the embedded database's single connection).
 */
export interface ProviderContext {
  vendorId: number;
  settings(): Promise<Record<string, unknown>>;
}

/**
 * A payment provider. `manual` and `testgateway` ship with this plugin; others (Stripe, PayPal) are plugins that
 * depend on payments and call `register` on the `payments.payments` service with an object of this shape.
 */
export interface PaymentProvider {
  id: string;
  /** `true` when the provider takes card details at authorization. */
  takesCards: boolean;
  authorize(
    input: { amount: Money; reference: string; card?: CardInput },
    pc: ProviderContext,
  ): Promise<ProviderOutcome>;
  capture(payment: ProviderPayment, amount: Money, pc: ProviderContext): Promise<ProviderOutcome>;
  refund(payment: ProviderPayment, amount: Money, pc: ProviderContext): Promise<ProviderOutcome>;
  void(payment: ProviderPayment, pc: ProviderContext): Promise<ProviderOutcome>;
  /**
   * Checks a webhook's signature and reads it. Throws `PAYMENTS_WEBHOOK_SIGNATURE_INVALID` when the signature does
   * not match the raw body. Providers without webhooks leave it out.
   */
  verifyWebhook?(rawBody: string, headers: Record<string, string>, pc: ProviderContext): Promise<WebhookEvent>;
}
