import type { Knex, Money, PluginContext } from '@orion/sdk';

/** What orders needs from other plugins' services, described here rather than imported (see the SDK rules). */

export interface CatalogVariantRef {
  id: number;
  productId: number;
  productTitle: string;
  productStatus: 'draft' | 'active' | 'archived';
  sku: string;
  optionValues: Record<string, string>;
  price: { amountMinor: number; currency: string };
  gtin: string | null;
  taxRateBp: number | null;
}

interface CatalogVariants {
  find(vendorId: number, ids: number[]): Promise<CatalogVariantRef[]>;
}

interface Reservations {
  reserve(
    vendorId: number,
    lines: { variantId: number; quantity: number }[],
    options: { orderRef: string; platformId?: number; trx?: Knex; fromHold?: string },
  ): Promise<unknown>;
  release(vendorId: number, orderRef: string, options?: { trx?: Knex }): Promise<unknown>;
  commit(vendorId: number, orderRef: string, options?: { trx?: Knex; actor?: string }): Promise<unknown>;
}

export interface PaymentRef {
  id: number;
  orderRef: string;
  provider: string;
  status: string;
  amount: Money;
  captured: Money;
  refunded: Money;
  cardLast4: string | null;
  message: string | null;
}

interface CallOptions {
  platformId: number;
  trx?: Knex;
  actor?: string;
}

interface Payments {
  providers(): { id: string; takesCards: boolean }[];
  authorize(
    vendorId: number,
    input: { orderRef: string; provider: string; amount: Money; card?: { number: string } },
    options: CallOptions,
  ): Promise<PaymentRef>;
  capture(vendorId: number, paymentId: number, options: CallOptions & { amount?: Money }): Promise<PaymentRef>;
  refund(vendorId: number, paymentId: number, options: CallOptions & { amount?: Money }): Promise<PaymentRef>;
  void(vendorId: number, paymentId: number, options: CallOptions): Promise<PaymentRef>;
  forOrder(vendorId: number, orderRef: string, options?: { trx?: Knex }): Promise<PaymentRef[]>;
}

export const catalog = (ctx: PluginContext) => ctx.service<CatalogVariants>('catalog.variants');
export const inventory = (ctx: PluginContext) => ctx.service<Reservations>('inventory.reservations');
export const payments = (ctx: PluginContext) => ctx.service<Payments>('payments.payments');
