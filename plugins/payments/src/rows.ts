import { Money } from '@orion/sdk';
import type { PaymentStatus, ProviderPayment } from './provider.js';

export const T = {
  payments: 'payments__payments',
  transactions: 'payments__transactions',
  webhookEvents: 'payments__webhook_events',
} as const;

export interface PaymentRow {
  id: number | string;
  vendor_id: number | string;
  order_ref: string;
  provider: string;
  provider_ref: string;
  status: PaymentStatus;
  currency: string;
  amount_minor: number | string;
  captured_minor: number | string;
  refunded_minor: number | string;
  card_last4: string | null;
  message: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface TransactionRow {
  id: number | string;
  kind: string;
  status: string;
  amount_minor: number | string;
  actor: string;
  message: string | null;
  created_at: Date;
}

/** A payment as the API and other plugins see it. */
export interface Payment {
  id: number;
  orderRef: string;
  provider: string;
  providerRef: string;
  status: PaymentStatus;
  amount: Money;
  captured: Money;
  refunded: Money;
  cardLast4: string | null;
  message: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PaymentTransaction {
  id: number;
  kind: string;
  status: string;
  amount: Money;
  actor: string;
  message: string | null;
  createdAt: string;
}

const m = (minor: number | string, currency: string) => Money.of(Number(minor), currency);

export const toPayment = (r: PaymentRow): Payment => ({
  id: Number(r.id),
  orderRef: r.order_ref,
  provider: r.provider,
  providerRef: r.provider_ref,
  status: r.status,
  amount: m(r.amount_minor, r.currency),
  captured: m(r.captured_minor, r.currency),
  refunded: m(r.refunded_minor, r.currency),
  cardLast4: r.card_last4,
  message: r.message,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export const toTransaction = (r: TransactionRow, currency: string): PaymentTransaction => ({
  id: Number(r.id),
  kind: r.kind,
  status: r.status,
  amount: m(r.amount_minor, currency),
  actor: r.actor,
  message: r.message,
  createdAt: new Date(r.created_at).toISOString(),
});

export const providerView = (p: Payment): ProviderPayment => ({
  providerRef: p.providerRef,
  amount: p.amount,
  captured: p.captured,
  refunded: p.refunded,
  status: p.status,
});
