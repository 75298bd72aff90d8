import type { Money, PluginContext } from '@orion/sdk';

/** What checkout needs from other plugins' services, described here rather than imported (see the SDK rules). */

export interface CartLine {
  id: number;
  variantId: number;
  sku: string;
  title: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  available: boolean;
  messages: string[];
}

export interface Cart {
  id: number | null;
  status: 'open' | 'merged' | 'converted';
  currency: string | null;
  lines: CartLine[];
  itemCount: number;
  subtotal: Money | null;
  changed: boolean;
  messages: string[];
}

export interface CartRequest {
  req: { url: string; header(name: string): string | undefined };
  header(name: string, value: string, options?: { append?: boolean }): void;
}

interface Carts {
  get(vendorId: number, cartId: number): Promise<Cart | undefined>;
  forRequest(
    c: CartRequest,
    shopper: { vendorId: number; platformId: number; customerId?: number },
  ): Promise<Cart | undefined>;
  /** `options.language`: the shopper's, for the cart's messages. */
  check(vendorId: number, cartId: number, options?: { language?: string }): Promise<Cart | undefined>;
  add(
    c: CartRequest,
    shopper: { vendorId: number; platformId: number; customerId?: number },
    variantId: number,
    quantity: number,
  ): Promise<Cart>;
  markConverted(vendorId: number, cartId: number, orderRef: string): Promise<boolean>;
  holdRef(cartId: number): string;
}

/** Inventory's holds (`inventory.reservations`): stock kept for a shopper for some minutes. */
interface Holds {
  hold(
    vendorId: number,
    lines: { variantId: number; quantity: number }[],
    options: { holdRef: string; minutes: number; platformId?: number },
  ): Promise<unknown>;
  releaseHold(vendorId: number, holdRef: string): Promise<unknown>;
}

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

export interface PlacedOrder {
  id: number;
  number: number;
  status: string;
  currency: string;
  customer: Contact;
  shippingAddress: Address;
  totals: { subtotal: Money; shipping: Money; tax: Money; discount: Money; total: Money };
  paymentProvider: string;
  trackingNumber: string | null;
  carrier: string | null;
  placedAt: string;
  lines: { title: string; sku: string; quantity: number; unitPrice: Money; lineTotal: Money }[];
  timeline: { from: string | null; to: string; at: string; note: string | null }[];
}

interface Orders {
  place(
    pc: {
      vendorId: number;
      platformId: number;
      customerId?: number;
      idempotencyKey?: string;
      actor: string;
      holdRef?: string;
    },
    input: {
      lines: { variantId: number; quantity: number }[];
      contact: Contact;
      shippingAddress: Address;
      shipping: { amountMinor: number; currency: string };
      payment: { provider: string; card?: { number: string } };
      note?: string;
    },
  ): Promise<{ order: PlacedOrder; replayed: boolean }>;
  get(vendorId: number, orderId: number): Promise<PlacedOrder>;
  track(vendorId: number, number: number, email: string): Promise<PlacedOrder>;
}

interface Payments {
  providers(): { id: string; takesCards: boolean }[];
}

export interface ProfileAddress {
  fullName: string;
  line1: string;
  line2: string | null;
  postalCode: string | null;
  city: string;
  country: string;
  phone: string | null;
}
interface Addresses {
  defaultAddress(vendorId: number, customerId: number, kind: 'shipping'): Promise<ProfileAddress | undefined>;
}

export const carts = (ctx: PluginContext) => ctx.service<Carts>('cart.carts');
export const orders = (ctx: PluginContext) => ctx.service<Orders>('orders.orders');
export const holds = (ctx: PluginContext) => ctx.service<Holds>('inventory.reservations');
export const payments = (ctx: PluginContext) => ctx.service<Payments>('payments.payments');

/** Customer profiles' addresses, or undefined when that plugin is not there (an optional dependency). */
export function addresses(ctx: PluginContext): Addresses | undefined {
  try {
    return ctx.service<Addresses>('customer-profiles.addresses');
  } catch {
    return undefined;
  }
}
