import type { PluginContext } from '@orion/sdk';
import { type CartView, cartHoldRef, catalogVariants, describeCart, inventory, releaseHolds } from './check.js';
import { CartErrors } from './errors.js';
import type { Shopper } from './session.js';
import { type CartRow, findCart, listLines, T, upsertLine } from './store.js';

/**
 * The cart as the shopper sees it: lines re-priced and re-checked, with a message for every change, in `language`
 * (the shopper's).
 */
export async function viewCart(
  ctx: PluginContext,
  vendorId: number,
  cart: CartRow | undefined,
  language = 'en',
): Promise<CartView> {
  if (!cart) return describeCart(ctx, undefined, [], undefined, language);
  return ctx.withTenant({ vendorId }, async (trx) => {
    const lines = await listLines(trx, vendorId, cart.id);
    const fresh = await findCart(trx, vendorId, { id: cart.id });
    return describeCart(ctx, fresh ?? cart, lines, trx, language);
  });
}

function checkLimit(shopper: Shopper, requested: number): void {
  const max = shopper.settings.maxQuantityPerLine;
  if (requested > max) throw CartErrors.QuantityLimit({ max, requested });
}

/** Whether `wanted` units are in stock for this cart (its own checkout hold counts as available to it). */
async function checkStock(
  ctx: PluginContext,
  shopper: Shopper,
  cart: { id: number },
  line: { variantId: number; sku: string },
  wanted: number,
) {
  const stock = await inventory(ctx, shopper.platformId)?.available(shopper.vendorId, [line.variantId], {
    holdRef: cartHoldRef(cart.id),
  });
  const available = stock?.[line.variantId];
  if (available !== undefined && available < wanted) throw CartErrors.OutOfStock({ sku: line.sku, available });
}

/** Puts `quantity` more units of a variant into the cart, at today's price (the new snapshot). */
export async function addLine(
  ctx: PluginContext,
  shopper: Shopper,
  cart: CartRow,
  variantId: number,
  quantity: number,
) {
  const { vendorId } = shopper;
  const [variant] = await catalogVariants(ctx).find(vendorId, [variantId]);
  if (variant?.productStatus !== 'active') throw CartErrors.VariantUnavailable({ id: variantId });
  if (cart.currency && cart.currency !== variant.price.currency) {
    throw CartErrors.CurrencyMismatch({ cart: cart.currency, item: variant.price.currency });
  }
  const existing = await ctx.withTenant({ vendorId }, (trx) =>
    trx(T.lines).where({ vendor_id: vendorId, cart_id: cart.id, variant_id: variantId }).first('quantity'),
  );
  const total = quantity + (existing?.quantity ?? 0);
  checkLimit(shopper, total);
  await checkStock(ctx, shopper, cart, { variantId, sku: variant.sku }, total);
  const options = Object.values(variant.optionValues ?? {}).join(' / ');
  await ctx.withTenant({ vendorId }, async (trx) => {
    await upsertLine(trx, vendorId, cart.id, {
      variant_id: variantId,
      quantity: total,
      unit_price_minor: variant.price.amountMinor,
      currency: variant.price.currency,
      title: options ? `${variant.productTitle} (${options})` : variant.productTitle,
      sku: variant.sku,
    });
    if (!cart.currency)
      await trx(T.carts).where({ vendor_id: vendorId, id: cart.id }).update({ currency: variant.price.currency });
  });
}

/** Sets one line's quantity; the price snapshot stays. */
export async function setQuantity(
  ctx: PluginContext,
  shopper: Shopper,
  cart: CartRow | undefined,
  lineId: number,
  quantity: number,
) {
  const { vendorId } = shopper;
  if (!cart) throw CartErrors.LineNotFound({ id: lineId });
  const line = await ctx.withTenant({ vendorId }, (trx) =>
    trx(T.lines).where({ vendor_id: vendorId, cart_id: cart.id, id: lineId }).first('variant_id', 'sku'),
  );
  if (!line) throw CartErrors.LineNotFound({ id: lineId });
  checkLimit(shopper, quantity);
  await checkStock(ctx, shopper, cart, { variantId: Number(line.variant_id), sku: line.sku }, quantity);
  await ctx.withTenant({ vendorId }, async (trx) => {
    await trx(T.lines).where({ vendor_id: vendorId, id: lineId }).update({ quantity });
    await trx(T.carts).where({ vendor_id: vendorId, id: cart.id }).update({ updated_at: trx.fn.now() });
  });
}

export async function removeLine(ctx: PluginContext, vendorId: number, cart: CartRow | undefined, lineId: number) {
  const removed = cart
    ? await ctx.withTenant({ vendorId }, (trx) =>
        trx(T.lines).where({ vendor_id: vendorId, cart_id: cart.id, id: lineId }).del(),
      )
    : 0;
  if (!removed) throw CartErrors.LineNotFound({ id: lineId });
  // The last line gone: the checkout of this cart is over, so its stock hold (if any) goes now, not at its timeout.
  const left = await ctx.withTenant({ vendorId }, (trx) =>
    trx(T.lines).where({ vendor_id: vendorId, cart_id: cart!.id }).first('id'),
  );
  if (!left) await releaseHolds(ctx, [{ vendorId, id: cart!.id }]);
}

/**
 * The check before checkout: describes every change (price, availability, stock), then takes today's prices as the
 * lines' new snapshots, so the same change is reported once. Returns the description made before the update.
 */
export async function checkCart(
  ctx: PluginContext,
  vendorId: number,
  cart: CartRow | undefined,
  language = 'en',
): Promise<CartView> {
  const view = await viewCart(ctx, vendorId, cart, language);
  const repriced = view.lines.filter(
    (l) => l.currentUnitPrice && l.currentUnitPrice.amountMinor !== l.unitPrice.amountMinor,
  );
  if (cart && repriced.length) {
    await ctx.withTenant({ vendorId }, async (trx) => {
      for (const l of repriced) {
        await trx(T.lines)
          .where({ vendor_id: vendorId, id: l.id })
          .update({ unit_price_minor: l.currentUnitPrice!.amountMinor });
      }
    });
  }
  return view;
}
