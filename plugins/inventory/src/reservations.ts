import type { Knex } from '@orion/sdk';
import { InventoryErrors, type Shortage } from './errors.js';
import { resolveLocation } from './locations.js';
import { crossedLow, type StockRow, T } from './tables.js';

export interface ReserveLine {
  variantId: number;
  quantity: number;
  /** The location to take from; the vendor's default location when absent. */
  locationId?: number;
}

export interface ReservedLine {
  variantId: number;
  locationId: number;
  quantity: number;
}

interface ReservationRow {
  id: number;
  variant_id: number;
  location_id: number;
  quantity: number;
}

const byStockKey = (a: ReservedLine, b: ReservedLine) => a.variantId - b.variantId || a.locationId - b.locationId;

/**
 * Reserves every line for `orderRef`, or nothing. Each line is one conditional UPDATE
 * (`reserved = reserved + q WHERE on_hand - reserved >= q`): PostgreSQL re-checks the condition on the newest row
 * version after waiting for a concurrent writer, so two orders can never both take the last unit. Lines are taken
 * in (variant, location) order, so two multi-line orders cannot deadlock. Runs in a savepoint of `trx`: on a
 * shortage nothing stays reserved, even when the caller catches the error and goes on with its transaction.
 * Returns the stock rows that just became low.
 */
export async function reserveLines(
  trx: Knex,
  vendorId: number,
  orderRef: string,
  lines: ReserveLine[],
): Promise<{ lines: ReservedLine[]; becameLow: StockRow[] }> {
  return trx.transaction(async (sp) => {
    const open = await sp(T.reservations)
      .where({ vendor_id: vendorId, order_ref: orderRef, status: 'reserved' })
      .first('id');
    if (open) throw InventoryErrors.AlreadyReserved({ orderRef });
    const merged = new Map<string, ReservedLine>();
    for (const line of lines) {
      const locationId = await resolveLocation(sp, vendorId, line.locationId);
      const key = `${line.variantId}:${locationId}`;
      const prev = merged.get(key);
      merged.set(key, { variantId: line.variantId, locationId, quantity: (prev?.quantity ?? 0) + line.quantity });
    }
    const ordered = [...merged.values()].sort(byStockKey);
    const shortages: Shortage[] = [];
    const becameLow: StockRow[] = [];
    for (const line of ordered) {
      const { rows } = (await sp.raw(
        `update ${T.stock} set reserved = reserved + ?, updated_at = now()
         where vendor_id = ? and variant_id = ? and location_id = ? and on_hand - reserved >= ?
         returning *`,
        [line.quantity, vendorId, line.variantId, line.locationId, line.quantity],
      )) as { rows: StockRow[] };
      const row = rows[0];
      if (row) {
        if (crossedLow({ available: row.on_hand - row.reserved + line.quantity }, row)) becameLow.push(row);
        continue;
      }
      const current = await sp<StockRow>(T.stock)
        .where({ vendor_id: vendorId, variant_id: line.variantId, location_id: line.locationId })
        .first();
      shortages.push({
        variantId: line.variantId,
        requested: line.quantity,
        available: current ? current.on_hand - current.reserved : 0,
      });
    }
    if (shortages.length) throw InventoryErrors.OutOfStock({ shortages });
    await sp(T.reservations).insert(
      ordered.map((l) => ({
        vendor_id: vendorId,
        order_ref: orderRef,
        variant_id: l.variantId,
        location_id: l.locationId,
        quantity: l.quantity,
      })),
    );
    return { lines: ordered, becameLow };
  });
}

async function openReservations(trx: Knex, vendorId: number, orderRef: string): Promise<ReservationRow[]> {
  const rows = await trx(T.reservations)
    .where({ vendor_id: vendorId, order_ref: orderRef, status: 'reserved' })
    .orderBy(['variant_id', 'location_id'])
    .forUpdate();
  if (!rows.length) throw InventoryErrors.ReservationNotFound({ orderRef });
  return rows;
}

/** Gives the reserved units of an order back (a cancelled order, an abandoned checkout). */
export async function releaseReservation(trx: Knex, vendorId: number, orderRef: string): Promise<ReservedLine[]> {
  const rows = await openReservations(trx, vendorId, orderRef);
  for (const r of rows) {
    await trx.raw(
      `update ${T.stock} set reserved = reserved - ?, updated_at = now() where vendor_id = ? and variant_id = ? and location_id = ?`,
      [r.quantity, vendorId, r.variant_id, r.location_id],
    );
  }
  await trx(T.reservations)
    .whereIn(
      'id',
      rows.map((r) => r.id),
    )
    .update({ status: 'released', updated_at: trx.fn.now() });
  return rows.map(toLine);
}

/**
 * Turns an order's reservation into a decrement on fulfilment: on hand and reserved both go down by the quantity
 * (available stays the same), and each line is written to the history as `fulfilment`.
 */
export async function commitReservation(
  trx: Knex,
  vendorId: number,
  orderRef: string,
  actor: string,
): Promise<ReservedLine[]> {
  const rows = await openReservations(trx, vendorId, orderRef);
  for (const r of rows) {
    const { rows: after } = (await trx.raw(
      `update ${T.stock} set on_hand = on_hand - ?, reserved = reserved - ?, updated_at = now()
       where vendor_id = ? and variant_id = ? and location_id = ? returning on_hand`,
      [r.quantity, r.quantity, vendorId, r.variant_id, r.location_id],
    )) as { rows: { on_hand: number }[] };
    await trx(T.adjustments).insert({
      vendor_id: vendorId,
      variant_id: r.variant_id,
      location_id: r.location_id,
      delta: -r.quantity,
      on_hand_after: after[0]?.on_hand ?? 0,
      reason: 'fulfilment',
      actor,
      order_ref: orderRef,
    });
  }
  await trx(T.reservations)
    .whereIn(
      'id',
      rows.map((r) => r.id),
    )
    .update({ status: 'committed', updated_at: trx.fn.now() });
  return rows.map(toLine);
}

const toLine = (r: ReservationRow): ReservedLine => ({
  variantId: Number(r.variant_id),
  locationId: Number(r.location_id),
  quantity: r.quantity,
});
