import type { PluginContext } from '@orion/sdk';
import { type Cart, carts, holds } from './deps.js';
import { CheckoutErrors } from './errors.js';

/** The shop's `stockHoldMinutes` setting: 0 when holds are off. */
export async function holdMinutes(ctx: PluginContext, platformId: number): Promise<number> {
  const value = Number((await ctx.settings(platformId)).stockHoldMinutes ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/** The cart's own words for its lines short of stock (`"Lamp" is out of stock.`), as the place step gives them. */
const stockMessages = (cart: Cart) => cart.lines.filter((l) => !l.available).flatMap((l) => l.messages);

/**
 * Holds the reviewed cart's lines for `minutes` under the cart's hold reference (replacing an earlier hold of the
 * same cart). Out of stock: the earlier hold is let go too and `CHECKOUT_OUT_OF_STOCK` (409) names each line.
 */
export async function holdCart(
  ctx: PluginContext,
  s: { vendorId: number; platformId: number; language?: string },
  cart: Cart & { id: number },
  minutes: number,
): Promise<void> {
  const holdRef = carts(ctx).holdRef(cart.id);
  let messages = stockMessages(cart);
  if (!messages.length) {
    try {
      await holds(ctx).hold(
        s.vendorId,
        cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
        { holdRef, minutes, platformId: s.platformId },
      );
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'INVENTORY_OUT_OF_STOCK') throw err;
    }
  }
  await holds(ctx).releaseHold(s.vendorId, holdRef);
  // Taken by someone else since the cart was checked: the cart, checked again without the hold, names the lines.
  if (!messages.length) {
    const again = await carts(ctx).check(s.vendorId, cart.id, { language: s.language });
    messages = again ? stockMessages(again) : [];
  }
  throw CheckoutErrors.OutOfStock({ messages: messages.length ? messages : ['Some items are no longer in stock.'] });
}

/** Lets a cart's hold go (the checkout ended without an order); nothing when there is none. */
export async function releaseCartHold(ctx: PluginContext, vendorId: number, cartId: number): Promise<void> {
  await holds(ctx).releaseHold(vendorId, carts(ctx).holdRef(cartId));
}
