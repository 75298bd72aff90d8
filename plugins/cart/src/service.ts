import type { PluginContext } from '@orion/sdk';
import { languageOf } from '@orion/sdk/ui';
import type { Context } from 'hono';
import { type CartView, cartHoldRef } from './check.js';
import { addLine, checkCart, viewCart } from './lines.js';
import { type CartRequest, cartSettings, currentCart } from './session.js';
import { findCart, T } from './store.js';
import { purgeExpired } from './sweep.js';

export type { CartLineView, CartView } from './check.js';

/**
 * The `cart.carts` service, for plugins that depend on cart (checkout): read a cart with its lines and totals
 * (re-priced and re-checked, with a message per change), and mark it converted once its order is placed.
 * `ctx.service<CartService>('cart.carts')`.
 */
export interface CartService {
  /**
   * The vendor's cart by id (open, merged or converted); undefined when unknown or another vendor's. Its messages are
   * in `options.language` (default English), as in every method here that takes it.
   */
  get(vendorId: number, cartId: number, options?: CartReadOptions): Promise<CartView | undefined>;
  /** The customer's open cart, if any. */
  forCustomer(vendorId: number, customerId: number, options?: CartReadOptions): Promise<CartView | undefined>;
  /** Marks an open cart converted (its order placed under `orderRef`); false when it was not open. */
  markConverted(vendorId: number, cartId: number, orderRef: string): Promise<boolean>;
  /** Deletes open guest carts past their expiry, of one vendor or of all; returns how many went. */
  purgeExpired(vendorId?: number): Promise<number>;
  /**
   * The open cart of the shopper making this request (the guest cookie, or the signed-in customer's cart, merging a
   * guest cart as the cart API does), or undefined. `c` is the Hono context: it may set or clear the cart cookie.
   */
  forRequest(
    c: CartRequest,
    shopper: { vendorId: number; platformId: number; customerId?: number },
  ): Promise<CartView | undefined>;
  /**
   * Puts units of a variant into the shopper's cart at today's price, creating the cart (and its cookie) when there
   * is none: what the add-to-cart form does, for plugins that fill carts (checkout's demo orders).
   */
  add(
    c: CartRequest,
    shopper: { vendorId: number; platformId: number; customerId?: number },
    variantId: number,
    quantity: number,
  ): Promise<CartView>;
  /** Re-prices and re-checks an open cart, reports every change, and takes today's prices as the new snapshots. */
  check(vendorId: number, cartId: number, options?: CartReadOptions): Promise<CartView | undefined>;
  /**
   * The inventory reference under which checkout holds this cart's lines (`cart:<id>`): the cart's views and
   * additions count the units it holds as available to the cart, and only to it.
   */
  holdRef(cartId: number): string;
}

/** The request's language, when `c` is a Hono context (a caller may pass a bare cookie jar): English else. */
const languageFrom = (c: CartRequest): string =>
  typeof (c as Partial<Context>).get === 'function' ? languageOf(c as Context) : 'en';

/** How a cart is read for another plugin: its messages' language (the shopper's). */
export interface CartReadOptions {
  language?: string;
}

export function createCartService(ctx: PluginContext): CartService {
  const view = async (vendorId: number, where: Record<string, unknown>, options: CartReadOptions = {}) => {
    const cart = await ctx.withTenant({ vendorId }, (trx) => findCart(trx, vendorId, where));
    return cart ? viewCart(ctx, vendorId, cart, options.language) : undefined;
  };
  return {
    get: (vendorId, cartId, options) => view(vendorId, { id: cartId }, options),
    forCustomer: (vendorId, customerId, options) =>
      view(vendorId, { customer_id: customerId, status: 'open' }, options),
    async markConverted(vendorId, cartId, orderRef) {
      const n = await ctx.withTenant({ vendorId }, (trx) =>
        trx(T.carts)
          .where({ vendor_id: vendorId, id: cartId, status: 'open' })
          .update({ status: 'converted', order_ref: orderRef, token_hash: null, updated_at: trx.fn.now() }),
      );
      return n > 0;
    },
    async forRequest(c, who) {
      const settings = await cartSettings(ctx, who.platformId);
      const cart = await currentCart(c, ctx, { ...who, customerId: who.customerId, settings }, false);
      return cart ? viewCart(ctx, who.vendorId, cart, languageFrom(c)) : undefined;
    },
    async add(c, who, variantId, quantity) {
      const shopper = { ...who, customerId: who.customerId, settings: await cartSettings(ctx, who.platformId) };
      const cart = (await currentCart(c, ctx, shopper, true))!;
      await addLine(ctx, shopper, cart, variantId, quantity);
      return viewCart(ctx, who.vendorId, cart, languageFrom(c));
    },
    async check(vendorId, cartId, options = {}) {
      const cart = await ctx.withTenant({ vendorId }, (trx) => findCart(trx, vendorId, { id: cartId, status: 'open' }));
      return cart ? checkCart(ctx, vendorId, cart, options.language) : undefined;
    },
    holdRef: cartHoldRef,
    purgeExpired: (vendorId) => purgeExpired(ctx, vendorId),
  };
}
