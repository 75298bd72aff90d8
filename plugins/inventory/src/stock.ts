import type { Knex } from '@orion/sdk';
import { InventoryErrors } from './errors.js';
import { resolveLocation } from './locations.js';
import { crossedLow, type StockLevel, type StockRow, T, toLevel } from './tables.js';

export const REASONS = ['received', 'correction', 'count', 'damaged', 'lost', 'returned'] as const;
export type Reason = (typeof REASONS)[number] | 'fulfilment';

export interface Adjustment {
  id: number;
  variantId: number;
  locationId: number;
  delta: number;
  onHandAfter: number;
  reason: string;
  note: string | null;
  actor: string;
  orderRef: string | null;
  createdAt: string;
}

/** The variant's stock row at a location, created empty (and locked) when it does not exist yet. */
export async function lockStockRow(
  trx: Knex,
  vendorId: number,
  variantId: number,
  locationId: number,
): Promise<StockRow> {
  await trx.raw(`insert into ${T.stock} (vendor_id, variant_id, location_id) values (?, ?, ?) on conflict do nothing`, [
    vendorId,
    variantId,
    locationId,
  ]);
  return trx<StockRow>(T.stock)
    .where({ vendor_id: vendorId, variant_id: variantId, location_id: locationId })
    .forUpdate()
    .first() as Promise<StockRow>;
}

/** Stock levels of the vendor, optionally of some variants, at one location or all. */
export async function listLevels(
  trx: Knex,
  vendorId: number,
  filter: { variantIds?: number[]; locationId?: number; lowOnly?: boolean },
): Promise<StockLevel[]> {
  const q = trx<StockRow>(T.stock).where({ vendor_id: vendorId }).orderBy(['variant_id', 'location_id']);
  if (filter.variantIds) q.whereIn('variant_id', filter.variantIds);
  if (filter.locationId !== undefined) q.where('location_id', filter.locationId);
  if (filter.lowOnly) q.whereNotNull('low_stock_threshold').whereRaw('on_hand - reserved <= low_stock_threshold');
  return (await q.limit(1000)).map(toLevel);
}

export interface AdjustInput {
  locationId?: number;
  /** Add (or remove, when negative) this many units ... */
  delta?: number;
  /** ... or set the on-hand count to this (a stock count). */
  onHand?: number;
  reason: Reason;
  note?: string;
  orderRef?: string;
}

/**
 * Changes the on-hand count of a variant at a location and writes the history row, under a row lock. Refuses to
 * go below what is reserved. Returns the new level and whether it just became low.
 */
export async function adjustStock(
  trx: Knex,
  vendorId: number,
  variantId: number,
  input: AdjustInput,
  actor: string,
): Promise<{ level: StockLevel; becameLow: boolean; adjustment: Adjustment }> {
  const locationId = await resolveLocation(trx, vendorId, input.locationId);
  const row = await lockStockRow(trx, vendorId, variantId, locationId);
  const before = toLevel(row);
  const onHand = input.onHand ?? row.on_hand + (input.delta ?? 0);
  if (onHand < row.reserved) {
    throw InventoryErrors.BelowReserved({ variantId, reserved: row.reserved, onHand });
  }
  const [after] = await trx<StockRow>(T.stock)
    .where({ id: row.id, vendor_id: vendorId })
    .update({ on_hand: onHand, updated_at: trx.fn.now() } as never)
    .returning('*');
  const [adj] = await trx(T.adjustments)
    .insert({
      vendor_id: vendorId,
      variant_id: variantId,
      location_id: locationId,
      delta: onHand - row.on_hand,
      on_hand_after: onHand,
      reason: input.reason,
      note: input.note ?? null,
      actor,
      order_ref: input.orderRef ?? null,
    })
    .returning('*');
  return {
    level: toLevel(after as StockRow),
    becameLow: crossedLow(before, after as StockRow),
    adjustment: toAdjustment(adj),
  };
}

/** Sets (or clears, with null) the low-stock threshold of a variant at a location. */
export async function setThreshold(
  trx: Knex,
  vendorId: number,
  variantId: number,
  locationId: number | undefined,
  threshold: number | null,
): Promise<{ level: StockLevel; becameLow: boolean }> {
  const location = await resolveLocation(trx, vendorId, locationId);
  const row = await lockStockRow(trx, vendorId, variantId, location);
  const [after] = await trx<StockRow>(T.stock)
    .where({ id: row.id, vendor_id: vendorId })
    .update({ low_stock_threshold: threshold, updated_at: trx.fn.now() } as never)
    .returning('*');
  const level = toLevel(after as StockRow);
  const wasLow = row.low_stock_threshold !== null && row.on_hand - row.reserved <= row.low_stock_threshold;
  return { level, becameLow: level.low && !wasLow };
}

export const toAdjustment = (r: Record<string, unknown>): Adjustment => ({
  id: Number(r.id),
  variantId: Number(r.variant_id),
  locationId: Number(r.location_id),
  delta: Number(r.delta),
  onHandAfter: Number(r.on_hand_after),
  reason: String(r.reason),
  note: (r.note as string | null) ?? null,
  actor: String(r.actor),
  orderRef: (r.order_ref as string | null) ?? null,
  createdAt: (r.created_at as Date).toISOString(),
});

/** The adjustment history of a variant, newest first. */
export async function history(
  trx: Knex,
  vendorId: number,
  variantId: number,
  page: { limit: number; beforeId?: number },
): Promise<Adjustment[]> {
  const q = trx(T.adjustments)
    .where({ vendor_id: vendorId, variant_id: variantId })
    .orderBy('id', 'desc')
    .limit(page.limit);
  if (page.beforeId) q.where('id', '<', page.beforeId);
  return (await q).map(toAdjustment);
}
