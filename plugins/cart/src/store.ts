import type { Knex } from '@orion/sdk';

export const T = { carts: 'cart__carts', lines: 'cart__lines' } as const;

export interface CartRow {
  id: number;
  vendor_id: number;
  platform_id: number;
  token_hash: string | null;
  customer_id: number | null;
  status: 'open' | 'merged' | 'converted';
  currency: string | null;
  order_ref: string | null;
  expires_at: Date | null;
  updated_at: Date;
}

export interface LineRow {
  id: number;
  cart_id: number;
  variant_id: number;
  quantity: number;
  unit_price_minor: number;
  currency: string;
  title: string;
  sku: string;
}

const toCart = (r: CartRow): CartRow => ({
  ...r,
  id: Number(r.id),
  vendor_id: Number(r.vendor_id),
  platform_id: Number(r.platform_id),
  customer_id: r.customer_id === null ? null : Number(r.customer_id),
});
const toLine = (r: LineRow): LineRow => ({
  ...r,
  id: Number(r.id),
  cart_id: Number(r.cart_id),
  variant_id: Number(r.variant_id),
  unit_price_minor: Number(r.unit_price_minor),
});

export async function findCart(trx: Knex, vendorId: number, where: Record<string, unknown>) {
  const row = await trx(T.carts)
    .where({ vendor_id: vendorId, ...where })
    .first<CartRow | undefined>();
  return row ? toCart(row) : undefined;
}

export async function listLines(trx: Knex, vendorId: number, cartId: number): Promise<LineRow[]> {
  const rows = await trx(T.lines).where({ vendor_id: vendorId, cart_id: cartId }).orderBy('id');
  return (rows as LineRow[]).map(toLine);
}

export async function insertCart(
  trx: Knex,
  row: { vendor_id: number; platform_id: number; token_hash?: string; customer_id?: number; expires_at?: Date },
): Promise<CartRow> {
  const [created] = await trx(T.carts).insert(row).returning('*');
  return toCart(created as CartRow);
}

export const expiryFrom = (ttlHours: number) => new Date(Date.now() + ttlHours * 3_600_000);

/** Writes the line of a variant in a cart (inserted, or replaced with these values), and touches the cart. */
export async function upsertLine(
  trx: Knex,
  vendorId: number,
  cartId: number,
  line: {
    variant_id: number;
    quantity: number;
    unit_price_minor: number;
    currency: string;
    title: string;
    sku: string;
  },
): Promise<void> {
  await trx(T.lines)
    .insert({ vendor_id: vendorId, cart_id: cartId, ...line })
    .onConflict(['cart_id', 'variant_id'])
    .merge(['quantity', 'unit_price_minor', 'currency', 'title', 'sku']);
  await trx(T.carts).where({ vendor_id: vendorId, id: cartId }).update({ updated_at: trx.fn.now() });
}

/**
 * Moves a guest cart's lines into the customer's cart: quantities of the same variant add up, capped at `max`. The
 * guest cart is marked `merged` and loses its token.
 */
export async function mergeCarts(trx: Knex, vendorId: number, from: CartRow, into: CartRow, max: number) {
  const theirs = await listLines(trx, vendorId, from.id);
  const ours = new Map((await listLines(trx, vendorId, into.id)).map((l) => [l.variant_id, l]));
  for (const l of theirs) {
    const existing = ours.get(l.variant_id);
    const quantity = Math.min(max, l.quantity + (existing?.quantity ?? 0));
    await upsertLine(trx, vendorId, into.id, {
      variant_id: l.variant_id,
      quantity,
      unit_price_minor: existing?.unit_price_minor ?? l.unit_price_minor,
      currency: l.currency,
      title: l.title,
      sku: l.sku,
    });
  }
  if (!into.currency && from.currency) {
    await trx(T.carts).where({ vendor_id: vendorId, id: into.id }).update({ currency: from.currency });
  }
  await trx(T.carts)
    .where({ vendor_id: vendorId, id: from.id })
    .update({ status: 'merged', token_hash: null, expires_at: null, updated_at: trx.fn.now() });
}

/** A deleted cart: its stock hold, if checkout took one, is to be released (`releaseHolds`). */
export interface GoneCart {
  vendorId: number;
  id: number;
}

/** Deletes open guest carts whose time ran out, of one vendor or (bypass) of all; returns them. */
export async function deleteExpired(trx: Knex, vendorId?: number): Promise<GoneCart[]> {
  const q = trx(T.carts).whereNull('customer_id').where('status', 'open').where('expires_at', '<', new Date());
  if (vendorId !== undefined) q.where({ vendor_id: vendorId });
  const rows = (await q.del().returning(['vendor_id', 'id'])) as { vendor_id: number | string; id: number | string }[];
  return rows.map((r) => ({ vendorId: Number(r.vendor_id), id: Number(r.id) }));
}
