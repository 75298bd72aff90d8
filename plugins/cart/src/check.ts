import { type Knex, Money, type PluginContext } from '@orion/sdk';
import { translator } from '@orion/sdk/ui';
import { messages as cartMessages } from './locales/index.js';
import type { CartRow, LineRow } from './store.js';

/** What the cart needs from the catalog's `catalog.variants` service (described here, not imported). */
export interface CatalogVariant {
  id: number;
  productTitle: string;
  productStatus: 'draft' | 'active' | 'archived';
  sku: string;
  optionValues: Record<string, string>;
  price: { amountMinor: number; currency: string };
}
interface CatalogVariants {
  find(vendorId: number, ids: number[], options?: { trx?: Knex }): Promise<CatalogVariant[]>;
}
/** What the cart needs from inventory's `inventory.reservations` service, when inventory is there. */
interface InventoryAvailability {
  available(
    vendorId: number,
    variantIds: number[],
    options?: { holdRef?: string; trx?: Knex },
  ): Promise<Record<number, number>>;
  releaseHold(vendorId: number, holdRef: string): Promise<unknown>;
}

/**
 * The reference of a cart's stock hold in inventory (checkout holds the cart's lines at its review step): the units
 * it holds count as available to this cart's own views and additions, never to other shoppers.
 */
export const cartHoldRef = (cartId: number) => `cart:${cartId}`;

/**
 * Releases the stock holds of deleted carts, each in inventory's own transaction: call it after the transaction that
 * deleted them (the embedded database has one connection, so the two must not nest). A failure is logged: the hold
 * then ends at its own time-out.
 */
export async function releaseHolds(ctx: PluginContext, carts: { vendorId: number; id: number }[]): Promise<void> {
  const stock = carts.length ? inventory(ctx, null) : undefined;
  for (const cart of stock ? carts : []) {
    await stock
      ?.releaseHold(cart.vendorId, cartHoldRef(cart.id))
      .catch((err: unknown) => ctx.logger.warn({ err, cartId: cart.id }, 'cart: could not release a stock hold'));
  }
}

export const catalogVariants = (ctx: PluginContext) => ctx.service<CatalogVariants>('catalog.variants');

/**
 * Inventory's availability service, or undefined when the inventory plugin is not there (an optional dependency) or
 * not enabled on the cart's platform: there nothing tracks stock, and its service would report none. `platformId`
 * null: wherever it is loaded (to release a hold taken while it was enabled).
 */
export function inventory(ctx: PluginContext, platformId: number | null): InventoryAvailability | undefined {
  if (platformId !== null && !ctx.isEnabled('inventory', platformId)) return undefined;
  try {
    return ctx.service<InventoryAvailability>('inventory.reservations');
  } catch {
    return undefined;
  }
}

export interface CartLineView {
  id: number;
  variantId: number;
  sku: string;
  title: string;
  quantity: number;
  /** The price snapshot taken when the line was added (or last accepted by a check). */
  unitPrice: Money;
  lineTotal: Money;
  /** Today's catalog price; null when the item is no longer for sale. */
  currentUnitPrice: Money | null;
  available: boolean;
  /** Units in stock when inventory is there, else null (not tracked). */
  inStock: number | null;
  /** Why this line needs the shopper's attention: a price change, an item gone, too little stock. */
  messages: string[];
}

export interface CartView {
  id: number | null;
  status: 'open' | 'merged' | 'converted';
  customerId: number | null;
  currency: string | null;
  lines: CartLineView[];
  itemCount: number;
  subtotal: Money | null;
  /** True when some line's price or availability differs from its snapshot. */
  changed: boolean;
  /** Every line's messages, in line order. */
  messages: string[];
  expiresAt: string | null;
}

/**
 * Re-prices and re-checks the lines against the catalog (and inventory, when there) and describes every change.
 * With `trx` (scoped to the cart's vendor) the catalog and inventory read in it: one transaction instead of three.
 */
export async function describeCart(
  ctx: PluginContext,
  cart: CartRow | undefined,
  lines: LineRow[],
  trx?: Knex,
  language = 'en',
): Promise<CartView> {
  const { t, fmt } = translator(language, cartMessages);
  const vendorId = cart?.vendor_id ?? 0;
  const ids = lines.map((l) => l.variant_id);
  const variants = new Map((await catalogVariants(ctx).find(vendorId, ids, trx ? { trx } : {})).map((v) => [v.id, v]));
  const holdRef = cart ? cartHoldRef(Number(cart.id)) : undefined;
  const stock =
    ids.length && cart
      ? await inventory(ctx, cart.platform_id)?.available(vendorId, ids, { holdRef, ...(trx ? { trx } : {}) })
      : undefined;
  const views = lines.map((l): CartLineView => {
    const v = variants.get(l.variant_id);
    const unitPrice = Money.of(l.unit_price_minor, l.currency);
    const forSale = !!v && v.productStatus === 'active';
    const current = forSale ? Money.of(v.price.amountMinor, v.price.currency) : null;
    const inStock = stock ? (stock[l.variant_id] ?? 0) : null;
    const notes: string[] = [];
    const title = l.title;
    if (!forSale) notes.push(t('cart.msg.gone', { title }));
    else if (current && !Money.equals(current, unitPrice)) {
      notes.push(t('cart.msg.priceChanged', { title, from: fmt.money(unitPrice), to: fmt.money(current) }));
    }
    if (forSale && inStock !== null && inStock < l.quantity) {
      notes.push(
        inStock > 0
          ? t('cart.msg.onlyLeft', { available: inStock, title, quantity: l.quantity })
          : t('cart.msg.outOfStock', { title }),
      );
    }
    return {
      id: l.id,
      variantId: l.variant_id,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice,
      lineTotal: Money.multiply(unitPrice, l.quantity),
      currentUnitPrice: current,
      available: forSale && (inStock === null || inStock >= l.quantity),
      inStock,
      messages: notes,
    };
  });
  const currency = cart?.currency ?? views[0]?.unitPrice.currency ?? null;
  const subtotal = currency ? views.reduce((sum, l) => Money.add(sum, l.lineTotal), Money.zero(currency)) : null;
  const messages = views.flatMap((l) => l.messages);
  return {
    id: cart?.id ?? null,
    status: cart?.status ?? 'open',
    customerId: cart?.customer_id ?? null,
    currency,
    lines: views,
    itemCount: views.reduce((n, l) => n + l.quantity, 0),
    subtotal,
    changed: messages.length > 0,
    messages,
    expiresAt: cart?.expires_at ? new Date(cart.expires_at).toISOString() : null,
  };
}
