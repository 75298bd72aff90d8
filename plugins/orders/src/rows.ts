import { Money } from '@orion/sdk';
import type { OrderStatus } from './states.js';

export const T = {
  counters: 'orders__counters',
  orders: 'orders__orders',
  lines: 'orders__lines',
  history: 'orders__status_history',
  keys: 'orders__idempotency_keys',
} as const;

type Minor = number | string;

export interface Address {
  name: string;
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  country: string;
}

export interface Contact {
  email: string;
  name: string;
  phone?: string | null;
}

export interface OrderRow {
  id: Minor;
  vendor_id: Minor;
  platform_id: Minor;
  number: number;
  ref: string;
  channel: string;
  status: OrderStatus;
  currency: string;
  customer_id: Minor | null;
  email: string;
  customer: Contact;
  shipping_address: Address;
  billing_address: Address;
  subtotal_minor: Minor;
  shipping_minor: Minor;
  tax_minor: Minor;
  discount_minor: Minor;
  total_minor: Minor;
  refunded_minor: Minor;
  prices_include_tax: boolean;
  payment_provider: string;
  tracking_number: string | null;
  carrier: string | null;
  note: string | null;
  placed_at: Date;
  updated_at: Date;
}

export interface LineRow {
  id: Minor;
  position: number;
  variant_id: Minor;
  product_id: Minor;
  title: string;
  option_values: Record<string, string>;
  sku: string;
  gtin: string | null;
  quantity: number;
  unit_price_minor: Minor;
  tax_rate_bp: number;
  line_total_minor: Minor;
  discount_minor: Minor;
  tax_minor: Minor;
}

export interface HistoryRow {
  id: Minor;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  actor: string;
  note: string | null;
  created_at: Date;
}

const m = (minor: Minor, currency: string) => Money.of(Number(minor), currency);
const iso = (d: Date) => new Date(d).toISOString();

export const toOrder = (r: OrderRow) => ({
  id: Number(r.id),
  number: r.number,
  channel: r.channel,
  status: r.status,
  currency: r.currency,
  customerId: r.customer_id === null ? null : Number(r.customer_id),
  customer: r.customer,
  shippingAddress: r.shipping_address,
  billingAddress: r.billing_address,
  totals: {
    subtotal: m(r.subtotal_minor, r.currency),
    shipping: m(r.shipping_minor, r.currency),
    discount: m(r.discount_minor, r.currency),
    tax: m(r.tax_minor, r.currency),
    total: m(r.total_minor, r.currency),
    refunded: m(r.refunded_minor, r.currency),
  },
  pricesIncludeTax: r.prices_include_tax,
  paymentProvider: r.payment_provider,
  trackingNumber: r.tracking_number,
  carrier: r.carrier,
  placedAt: iso(r.placed_at),
  updatedAt: iso(r.updated_at),
});
export type Order = ReturnType<typeof toOrder>;

export const toLine = (r: LineRow, currency: string) => ({
  id: Number(r.id),
  variantId: Number(r.variant_id),
  productId: Number(r.product_id),
  title: r.title,
  optionValues: r.option_values,
  sku: r.sku,
  gtin: r.gtin,
  quantity: r.quantity,
  unitPrice: m(r.unit_price_minor, currency),
  taxRateBp: r.tax_rate_bp,
  lineTotal: m(r.line_total_minor, currency),
  discount: m(r.discount_minor, currency),
  tax: m(r.tax_minor, currency),
});
export type OrderLine = ReturnType<typeof toLine>;

export const toHistory = (r: HistoryRow) => ({
  from: r.from_status,
  to: r.to_status,
  actor: r.actor,
  note: r.note,
  at: iso(r.created_at),
});
export type HistoryEntry = ReturnType<typeof toHistory>;
