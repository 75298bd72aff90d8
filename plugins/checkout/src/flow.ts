import crypto from 'node:crypto';
import { Money, type PluginContext } from '@orion/sdk';
import type { AddressInput } from './address.js';
import {
  type Address,
  addresses,
  type Cart,
  type CartRequest,
  type Contact,
  carts,
  orders,
  type PlacedOrder,
  payments,
} from './deps.js';
import { CheckoutErrors } from './errors.js';
import { holdCart, holdMinutes, releaseCartHold } from './hold.js';
import { sendConfirmation } from './mail.js';
import {
  type CheckoutSession,
  findSession,
  insertSession,
  readSessionCookie,
  type SessionPatch,
  updateSession,
  writeSessionCookie,
} from './sessions.js';
import { findMethod, listMethods, type ShippingMethod, shippingCost } from './shipping.js';

export const STEPS = ['contact', 'address', 'shipping', 'payment', 'review'] as const;
export type Step = (typeof STEPS)[number];

/** Who checks out, and the request (its cookies carry the cart and the checkout session). */
export interface Shopper {
  c: CartRequest;
  vendorId: number;
  platformId: number;
  customerId?: number;
  /** The signed-in customer's email, to prefill the contact step. */
  email?: string;
  actor: string;
  /** The shopper's language (the shop's pages and messages). */
  language?: string;
  /** Absolute URL of the shop's order tracking page, for the confirmation mail. */
  trackUrl: string;
}

export interface Review {
  session: CheckoutSession;
  cart: Cart;
  method: ShippingMethod;
  shipping: Money;
  total: Money;
  /** Send it back to place the order: it proves the order is what was reviewed. */
  reviewToken: string;
}

/** The first step not done yet; `review` when all are. */
export function nextStep(s: CheckoutSession): Step {
  if (!s.contact) return 'contact';
  if (!s.shippingAddress) return 'address';
  if (!s.shippingMethodId) return 'shipping';
  if (!s.paymentProvider) return 'payment';
  return 'review';
}

function requireSteps(s: CheckoutSession, upTo: Step): void {
  for (const step of STEPS) {
    if (step === upTo) return;
    if (nextStep(s) === step) throw CheckoutErrors.StepMissing({ step });
  }
}

/** What the shopper reviewed: lines, prices, shipping, address, contact and payment method, hashed. */
function fingerprint(s: CheckoutSession, cart: Cart, methodId: number, shipping: Money): string {
  const lines = cart.lines.map((l) => [l.variantId, l.quantity, l.unitPrice.amountMinor, l.unitPrice.currency]);
  const data = [lines, methodId, shipping.amountMinor, s.contact, s.shippingAddress, s.paymentProvider];
  return crypto.createHash('sha256').update(JSON.stringify(data)).digest('base64url');
}

const fromProfile = async (ctx: PluginContext, vendorId: number, customerId: number) => {
  const a = await addresses(ctx)
    ?.defaultAddress(vendorId, customerId, 'shipping')
    .catch(() => undefined);
  if (!a?.postalCode) return undefined;
  const address: Address = {
    name: a.fullName,
    line1: a.line1,
    line2: a.line2,
    postalCode: a.postalCode,
    city: a.city,
    country: a.country,
  };
  return { address, name: a.fullName, phone: a.phone };
};

export function createCheckout(ctx: PluginContext) {
  const tx = <T>(vendorId: number, fn: Parameters<typeof ctx.withTenant<T>>[1]) => ctx.withTenant({ vendorId }, fn);

  /** The session of the request's cookie, if it belongs to this shop (and to this customer, when signed in). */
  async function current(s: Shopper): Promise<CheckoutSession | undefined> {
    const id = readSessionCookie(s.c, s.vendorId);
    const found = id ? await tx(s.vendorId, (trx) => findSession(trx, s.vendorId, id)) : undefined;
    if (found && found.customerId !== (s.customerId ?? null)) return undefined;
    return found;
  }

  /**
   * The checkout of the shopper's cart: the session in the cookie when it is for this cart, else a new one (a
   * signed-in customer's starts with their default shipping address). Throws when the cart is empty.
   */
  async function begin(s: Shopper): Promise<{ session: CheckoutSession; cart: Cart }> {
    const cart = await carts(ctx).forRequest(s.c, s);
    const found = await current(s);
    // A checkout that ends without an order (its cart emptied, or another cart now) lets its stock hold go.
    if (found && found.orderId === null && (found.cartId !== cart?.id || !cart.lines.length)) {
      await releaseCartHold(ctx, s.vendorId, found.cartId);
    }
    if (!cart?.id || !cart.lines.length) throw CheckoutErrors.CartEmpty({});
    const cartId = cart.id;
    if (found && found.cartId === cartId && found.orderId === null) return { session: found, cart };
    const profile = s.customerId !== undefined ? await fromProfile(ctx, s.vendorId, s.customerId) : undefined;
    const contact: Contact | undefined =
      s.email && profile ? { email: s.email, name: profile.name, phone: profile.phone } : undefined;
    const session = await tx(s.vendorId, (trx) =>
      insertSession(trx, { ...s, cartId, contact, address: profile?.address }),
    );
    writeSessionCookie(s.c, s.vendorId, session.id);
    return { session, cart };
  }

  /** A step: checks what it is given against the current checkout (`check`), then changes the session. */
  async function change(
    s: Shopper,
    patch: SessionPatch,
    check?: (current: { session: CheckoutSession; cart: Cart }) => Promise<void>,
  ) {
    const { session, cart } = await begin(s);
    await check?.({ session, cart });
    // Any change voids the review: the shopper reviews again before placing.
    const changed = await tx(s.vendorId, (trx) =>
      updateSession(trx, s.vendorId, session.id, { ...patch, reviewed_hash: null }),
    );
    // The cart is the one just read: a step changes the session only.
    return { session: changed ?? session, cart };
  }

  /** The vendor's active methods in the cart's currency, each with its cost for this cart. */
  async function methodsFor(vendorId: number, cart: Cart) {
    const methods = await tx(vendorId, (trx) => listMethods(trx, vendorId, { currency: cart.currency ?? undefined }));
    const subtotal = cart.subtotal ?? Money.zero(cart.currency ?? 'EUR');
    return methods.map((method) => ({ method, cost: shippingCost(method, subtotal) }));
  }

  async function review(s: Shopper): Promise<Review> {
    const { session } = await begin(s);
    requireSteps(session, 'review');
    // Re-price and re-check; a price change is reported now and accepted, so the shopper reviews today's prices.
    const cart = await carts(ctx).check(s.vendorId, session.cartId, { language: s.language });
    if (!cart) throw CheckoutErrors.CartEmpty({});
    const method = await tx(s.vendorId, (trx) => findMethod(trx, s.vendorId, session.shippingMethodId!));
    const subtotal = cart.subtotal ?? Money.zero(method.amount.currency);
    const shipping = shippingCost(method, subtotal);
    const reviewToken = fingerprint(session, cart, method.id, shipping);
    const minutes = await holdMinutes(ctx, s.platformId);
    if (minutes) {
      try {
        await holdCart(ctx, s, { ...cart, id: session.cartId }, minutes);
      } catch (err) {
        await tx(s.vendorId, (trx) => updateSession(trx, s.vendorId, session.id, { reviewed_hash: null }));
        throw err;
      }
    }
    await tx(s.vendorId, (trx) => updateSession(trx, s.vendorId, session.id, { reviewed_hash: reviewToken }));
    return { session, cart, method, shipping, total: Money.add(subtotal, shipping), reviewToken };
  }

  /**
   * Places the order of the reviewed cart. The checkout session's id is the idempotency key: a double submit gives
   * the same order back (`replayed`). Refused with CHECKOUT_CART_CHANGED (409) when the cart, its prices or its
   * stock are not what was reviewed.
   */
  async function place(
    s: Shopper,
    input: { reviewToken: string; card?: { number: string } },
  ): Promise<{ order: PlacedOrder; replayed: boolean }> {
    const done = await current(s);
    if (done?.orderId) return { order: await orders(ctx).get(s.vendorId, done.orderId), replayed: true };
    const { session } = await begin(s);
    requireSteps(session, 'review');
    if (!session.reviewedHash) throw CheckoutErrors.StepMissing({ step: 'review' });
    const cart = await carts(ctx).check(s.vendorId, session.cartId, { language: s.language });
    if (!cart) throw CheckoutErrors.CartEmpty({});
    const method = await tx(s.vendorId, (trx) => findMethod(trx, s.vendorId, session.shippingMethodId!));
    const shipping = shippingCost(method, cart.subtotal ?? Money.zero(method.amount.currency));
    const now = fingerprint(session, cart, method.id, shipping);
    if (cart.changed || now !== input.reviewToken || now !== session.reviewedHash) {
      await tx(s.vendorId, (trx) => updateSession(trx, s.vendorId, session.id, { reviewed_hash: null }));
      const messages = cart.messages.length
        ? cart.messages
        : ['Items, quantities, prices or shipping are not what you reviewed.'];
      throw CheckoutErrors.CartChanged({ messages }, { fields: { cart: messages.join(' ') } });
    }
    const provider = payments(ctx)
      .providers()
      .find((p) => p.id === session.paymentProvider);
    if (!provider) throw CheckoutErrors.PaymentProviderUnknown({ provider: session.paymentProvider ?? '' });
    if (provider.takesCards && !input.card?.number) throw CheckoutErrors.CardRequired({});
    const { order, replayed } = await orders(ctx).place(
      {
        vendorId: s.vendorId,
        platformId: s.platformId,
        customerId: s.customerId,
        idempotencyKey: `checkout-${session.id}`,
        actor: s.actor,
        // The units held at the review (stockHoldMinutes) become the order's, in its transaction.
        holdRef: carts(ctx).holdRef(session.cartId),
      },
      {
        lines: cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
        contact: session.contact!,
        shippingAddress: session.shippingAddress!,
        shipping: { amountMinor: shipping.amountMinor, currency: shipping.currency },
        payment: { provider: provider.id, ...(provider.takesCards ? { card: input.card } : {}) },
        note: `Shipping: ${method.name}`,
      },
    );
    await tx(s.vendorId, (trx) =>
      updateSession(trx, s.vendorId, session.id, { order_id: order.id, order_number: order.number }),
    );
    await carts(ctx).markConverted(s.vendorId, session.cartId, `order #${order.number}`);
    if (!replayed) await sendConfirmation(ctx, s, order);
    return { order, replayed };
  }

  return {
    current,
    begin,
    methodsFor,
    review,
    place,
    setContact: (s: Shopper, contact: Contact) => change(s, { contact }),
    setAddress: (s: Shopper, address: AddressInput) => change(s, { shipping_address: address }),
    setShipping(s: Shopper, methodId: number) {
      return change(s, { shipping_method_id: methodId }, async ({ cart }) => {
        const offered = await methodsFor(s.vendorId, cart);
        if (!offered.some((m) => m.method.id === methodId)) {
          throw CheckoutErrors.ShippingMethodUnknown({ id: methodId });
        }
      });
    },
    async setPayment(s: Shopper, provider: string) {
      if (
        !payments(ctx)
          .providers()
          .some((p) => p.id === provider)
      ) {
        throw CheckoutErrors.PaymentProviderUnknown({ provider });
      }
      return change(s, { payment_provider: provider });
    },
    /** The order the shopper's session placed, for the confirmation page; undefined when there is none. */
    async placedOrder(s: Shopper): Promise<PlacedOrder | undefined> {
      const done = await current(s);
      return done?.orderId ? orders(ctx).get(s.vendorId, done.orderId) : undefined;
    },
  };
}

export type Checkout = ReturnType<typeof createCheckout>;
