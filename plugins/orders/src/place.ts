import crypto from 'node:crypto';
import { type Knex, Money, type PluginContext } from '@orion/sdk';
import { type CatalogVariantRef, catalog, inventory, payments } from './deps.js';
import { OrderErrors } from './errors.js';
import { claimKey, completeKey, releaseKey, requestHash } from './idempotency.js';
import { type Address, type Contact, T } from './rows.js';
import { computeTotals } from './totals.js';

export interface PlaceInput {
  lines: { variantId: number; quantity: number }[];
  contact: Contact;
  shippingAddress: Address;
  billingAddress?: Address;
  shipping: { amountMinor: number; currency: string };
  payment: { provider: string; card?: { number: string; expMonth?: number; expYear?: number; cvc?: string } };
  note?: string;
}

export interface PlaceContext {
  vendorId: number;
  platformId: number;
  customerId?: number;
  idempotencyKey?: string;
  actor: string;
  /**
   * The shopper's stock hold (inventory, e.g. `cart:<cart id>`): the order's reservation takes it over in its
   * own transaction, so the held units are this order's and are never reserved twice. Expired or gone: reserved now.
   */
  holdRef?: string;
}

/** Merges repeated variants into one line each, keeping the first position. */
function mergeLines(lines: PlaceInput['lines']) {
  const merged = new Map<number, number>();
  for (const l of lines) merged.set(l.variantId, (merged.get(l.variantId) ?? 0) + l.quantity);
  return [...merged].map(([variantId, quantity]) => ({ variantId, quantity }));
}

async function priceLines(ctx: PluginContext, vendorId: number, lines: { variantId: number; quantity: number }[]) {
  const found = await catalog(ctx).find(
    vendorId,
    lines.map((l) => l.variantId),
  );
  const byId = new Map(found.filter((v) => v.productStatus === 'active').map((v) => [v.id, v]));
  const missing = lines.filter((l) => !byId.has(l.variantId)).map((l) => l.variantId);
  if (missing.length) throw OrderErrors.VariantUnavailable({ ids: missing });
  return lines.map((l) => ({ ...l, variant: byId.get(l.variantId) as CatalogVariantRef }));
}

/**
 * Places an order: prices the lines from the catalog (never from the request), computes the totals, and in one
 * transaction reserves the stock through inventory's service (all lines or none, never oversold), authorizes the
 * payment, numbers the order and writes it with its lines and first history row. A decline or a shortage rolls
 * everything back. With an idempotency key the same request gives the same order, once.
 * Returns the order id and whether it was a replay.
 */
export async function placeOrder(
  ctx: PluginContext,
  pc: PlaceContext,
  input: PlaceInput,
): Promise<{ orderId: number; replayed: boolean }> {
  const key = pc.idempotencyKey;
  if (key) {
    const claim = await claimKey(ctx, pc.vendorId, key, requestHash({ input, customerId: pc.customerId ?? null }));
    if (claim.kind === 'replay') return { orderId: claim.orderId, replayed: true };
  }
  try {
    const orderId = await placeClaimed(ctx, pc, input);
    return { orderId, replayed: false };
  } catch (err) {
    if (key) await releaseKey(ctx, pc.vendorId, key);
    throw err;
  }
}

async function placeClaimed(ctx: PluginContext, pc: PlaceContext, input: PlaceInput): Promise<number> {
  const { vendorId, platformId } = pc;
  const lines = await priceLines(ctx, vendorId, mergeLines(input.lines));
  const currency = input.shipping.currency;
  const other = lines.find((l) => l.variant.price.currency !== currency);
  if (other) throw OrderErrors.CurrencyMismatch({ expected: other.variant.price.currency, got: currency });
  const settings = await ctx.settings(platformId);
  const defaultRate = Number(settings.defaultTaxRateBp);
  const pricesIncludeTax = settings.pricesIncludeTax !== false;
  const priced = lines.map((l) => ({
    ...l,
    unitPrice: Money.of(l.variant.price.amountMinor, currency),
    taxRateBp: l.variant.taxRateBp ?? defaultRate,
  }));
  const totals = computeTotals({
    currency,
    lines: priced,
    shipping: Money.of(input.shipping.amountMinor, currency),
    shippingTaxRateBp: defaultRate,
    pricesIncludeTax,
  });
  const ref = `ord_${crypto.randomBytes(9).toString('hex')}`;

  const { orderId, number, payment } = await ctx.withTenant({ vendorId }, async (trx: Knex) => {
    await inventory(ctx).reserve(
      vendorId,
      priced.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      { orderRef: ref, platformId, trx, fromHold: pc.holdRef },
    );
    const payment = await payments(ctx).authorize(
      vendorId,
      { orderRef: ref, provider: input.payment.provider, amount: totals.total, card: input.payment.card },
      { platformId, trx, actor: pc.actor },
    );
    if (payment.status === 'declined') throw OrderErrors.PaymentDeclined({ reason: payment.message ?? 'declined' });
    const { rows } = (await trx.raw(
      `insert into ${T.counters} (vendor_id, last_number) values (?, 1)
       on conflict (vendor_id) do update set last_number = ${T.counters}.last_number + 1
       returning last_number`,
      [vendorId],
    )) as { rows: { last_number: number }[] };
    const number = rows[0]?.last_number as number;
    const [order] = await trx(T.orders)
      .insert({
        vendor_id: vendorId,
        platform_id: platformId,
        number,
        ref,
        currency,
        customer_id: pc.customerId ?? null,
        email: input.contact.email.toLowerCase(),
        customer: JSON.stringify(input.contact),
        shipping_address: JSON.stringify(input.shippingAddress),
        billing_address: JSON.stringify(input.billingAddress ?? input.shippingAddress),
        subtotal_minor: totals.subtotal.amountMinor,
        shipping_minor: totals.shipping.amountMinor,
        tax_minor: totals.tax.amountMinor,
        discount_minor: totals.discount.amountMinor,
        total_minor: totals.total.amountMinor,
        prices_include_tax: pricesIncludeTax,
        payment_provider: input.payment.provider,
        note: input.note ?? null,
      })
      .returning('id');
    const orderId = Number((order as { id: number }).id);
    await trx(T.lines).insert(
      priced.map((l, i) => ({
        vendor_id: vendorId,
        order_id: orderId,
        position: i,
        variant_id: l.variantId,
        product_id: l.variant.productId,
        title: l.variant.productTitle,
        option_values: JSON.stringify(l.variant.optionValues),
        sku: l.variant.sku,
        gtin: l.variant.gtin,
        quantity: l.quantity,
        unit_price_minor: l.unitPrice.amountMinor,
        tax_rate_bp: l.taxRateBp,
        line_total_minor: totals.lines[i]?.lineTotal.amountMinor,
        discount_minor: totals.lines[i]?.discount.amountMinor,
        tax_minor: totals.lines[i]?.tax.amountMinor,
      })),
    );
    await trx(T.history).insert({
      vendor_id: vendorId,
      order_id: orderId,
      from_status: null,
      to_status: 'pending',
      actor: pc.actor,
      note: `Placed; payment ${payment.provider} ${payment.status}`,
    });
    if (pc.idempotencyKey) await completeKey(trx, vendorId, pc.idempotencyKey, orderId);
    return { orderId, number, payment };
  });

  ctx.emit('orders.order.placed', {
    platformId,
    vendorId,
    orderId,
    number,
    status: 'pending',
    from: null,
    total: { amountMinor: totals.total.amountMinor, currency },
  });
  // A card gateway captures at once; its signed callback then marks the order paid (see index.ts).
  if (payment.status === 'authorized') {
    payments(ctx)
      .capture(vendorId, payment.id, { platformId, actor: 'orders' })
      .catch((err) => ctx.logger.error({ err, orderId }, 'orders: capture after placement failed'));
  }
  return orderId;
}
