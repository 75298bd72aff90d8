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

export interface ReserveOptions {
  /**
   * An open reservation (a checkout's hold) whose units this one takes over, whatever its expiry: its rows are
   * released and the new ones taken in the same update per stock row, so no one else can take the units between.
   * The same reference as `orderRef` replaces a hold.
   */
  consume?: string;
  /** Makes the reservation a hold that expires after this many minutes (`expires_at`). */
  holdMinutes?: number;
}

interface NetLine extends ReservedLine {
  /** Units this reservation wants (0 for a stock row only freed). */
  wanted: number;
  /** Units given back by released holds (the consumed one, expired ones). */
  freed: number;
}

/**
 * The open holds to release before reserving: the consumed one, and every expired hold on one of these stock rows
 * (a whole hold goes, not just the touched lines). Locked in id order, so two reservations releasing the same hold
 * wait for each other and the second finds it released.
 */
async function releasable(
  sp: Knex,
  vendorId: number,
  keys: ReservedLine[],
  consume?: string,
): Promise<ReservationRow[]> {
  const expired = await sp(T.reservations)
    .where({ vendor_id: vendorId, status: 'reserved' })
    .where('expires_at', '<=', sp.fn.now())
    .whereIn(
      ['variant_id', 'location_id'],
      keys.map((k) => [k.variantId, k.locationId]),
    )
    .distinct<{ order_ref: string }[]>('order_ref');
  const refs = [...new Set([...expired.map((r) => r.order_ref), ...(consume ? [consume] : [])])];
  if (!refs.length) return [];
  return sp(T.reservations)
    .where({ vendor_id: vendorId, status: 'reserved' })
    .whereIn('order_ref', refs)
    .where((q) => {
      q.where('expires_at', '<=', sp.fn.now());
      if (consume) q.orWhere('order_ref', consume);
    })
    .orderBy('id')
    .forUpdate();
}

/**
 * Reserves every line for `orderRef`, or nothing. Each stock row gets one conditional UPDATE
 * (`reserved = reserved + q WHERE on_hand - reserved >= q`): PostgreSQL re-checks the condition on the newest row
 * version after waiting for a concurrent writer, so two orders can never both take the last unit. Expired holds on
 * the same rows, and the consumed hold, are released in that same update (the change is net), so `reserved` always
 * equals the open reservations and an expired hold never blocks anyone. Rows are taken in (variant, location) order,
 * so two multi-line orders cannot deadlock. Runs in a savepoint of `trx`: on a shortage nothing changes, even when
 * the caller catches the error and goes on with its transaction. Returns the stock rows that just became low.
 */
export async function reserveLines(
  trx: Knex,
  vendorId: number,
  orderRef: string,
  lines: ReserveLine[],
  options: ReserveOptions = {},
): Promise<{ lines: ReservedLine[]; becameLow: StockRow[] }> {
  return trx.transaction(async (sp) => {
    // Two takers of the same hold (a double-clicked review, a review racing its placement) go one after the other,
    // so the second sees the first's rows and never holds the units twice.
    if (options.consume) {
      await sp.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `inventory:${vendorId}:${options.consume}`,
      ]);
    }
    if (options.consume !== orderRef) {
      const open = await sp(T.reservations)
        .where({ vendor_id: vendorId, order_ref: orderRef, status: 'reserved' })
        .first('id');
      if (open) throw InventoryErrors.AlreadyReserved({ orderRef });
    }
    const net = new Map<string, NetLine>();
    const entry = (variantId: number, locationId: number) => {
      const key = `${variantId}:${locationId}`;
      const found = net.get(key) ?? { variantId, locationId, quantity: 0, wanted: 0, freed: 0 };
      net.set(key, found);
      return found;
    };
    for (const line of lines) {
      const locationId = await resolveLocation(sp, vendorId, line.locationId);
      entry(line.variantId, locationId).wanted += line.quantity;
    }
    const wanted = [...net.values()].map((l) => ({ ...l, quantity: l.wanted })).sort(byStockKey);
    const freed = await releasable(sp, vendorId, wanted, options.consume);
    for (const r of freed) entry(Number(r.variant_id), Number(r.location_id)).freed += r.quantity;
    const shortages: Shortage[] = [];
    const becameLow: StockRow[] = [];
    for (const line of [...net.values()].sort(byStockKey)) {
      const delta = line.wanted - line.freed;
      if (delta <= 0) {
        if (delta < 0) {
          await sp.raw(
            `update ${T.stock} set reserved = reserved + ?, updated_at = now() where vendor_id = ? and variant_id = ? and location_id = ?`,
            [delta, vendorId, line.variantId, line.locationId],
          );
        }
        continue;
      }
      const { rows } = (await sp.raw(
        `update ${T.stock} set reserved = reserved + ?, updated_at = now()
         where vendor_id = ? and variant_id = ? and location_id = ? and on_hand - reserved >= ?
         returning *`,
        [delta, vendorId, line.variantId, line.locationId, delta],
      )) as { rows: StockRow[] };
      const row = rows[0];
      if (row) {
        if (crossedLow({ available: row.on_hand - row.reserved + delta }, row)) becameLow.push(row);
        continue;
      }
      const current = await sp<StockRow>(T.stock)
        .where({ vendor_id: vendorId, variant_id: line.variantId, location_id: line.locationId })
        .first();
      shortages.push({
        variantId: line.variantId,
        requested: line.wanted,
        available: (current ? current.on_hand - current.reserved : 0) + line.freed,
      });
    }
    if (shortages.length) throw InventoryErrors.OutOfStock({ shortages });
    if (freed.length) {
      await sp(T.reservations)
        .whereIn(
          'id',
          freed.map((r) => r.id),
        )
        .update({ status: 'released', updated_at: sp.fn.now() });
    }
    const expiresAt = options.holdMinutes ? sp.raw('now() + make_interval(mins => ?)', [options.holdMinutes]) : null;
    await sp(T.reservations).insert(
      wanted.map((l) => ({
        vendor_id: vendorId,
        order_ref: orderRef,
        variant_id: l.variantId,
        location_id: l.locationId,
        quantity: l.quantity,
        expires_at: expiresAt,
      })),
    );
    return { lines: wanted.map(asReserved), becameLow };
  });
}

const asReserved = (l: ReservedLine): ReservedLine => ({
  variantId: l.variantId,
  locationId: l.locationId,
  quantity: l.quantity,
});

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

/** Releases a hold if it is still open (a checkout left, or its cart changed); none is not an error. */
export async function releaseHold(trx: Knex, vendorId: number, holdRef: string): Promise<ReservedLine[]> {
  try {
    return await releaseReservation(trx, vendorId, holdRef);
  } catch (err) {
    if (InventoryErrors.ReservationNotFound.is(err)) return [];
    throw err;
  }
}

/**
 * Releases every expired open hold of the vendor: the reservation rows locked in id order, then the stock rows in
 * (variant, location) order, as `reserveLines` does. Answers how many holds were released.
 */
export async function releaseExpiredHolds(trx: Knex, vendorId: number): Promise<number> {
  const rows: (ReservationRow & { order_ref: string })[] = await trx(T.reservations)
    .where({ vendor_id: vendorId, status: 'reserved' })
    .where('expires_at', '<=', trx.fn.now())
    .orderBy('id')
    .forUpdate();
  if (!rows.length) return 0;
  const byKey = new Map<string, ReservedLine>();
  for (const r of rows) {
    const line = toLine(r);
    const key = `${line.variantId}:${line.locationId}`;
    const prev = byKey.get(key);
    byKey.set(key, { ...line, quantity: (prev?.quantity ?? 0) + line.quantity });
  }
  for (const l of [...byKey.values()].sort(byStockKey)) {
    await trx.raw(
      `update ${T.stock} set reserved = reserved - ?, updated_at = now() where vendor_id = ? and variant_id = ? and location_id = ?`,
      [l.quantity, vendorId, l.variantId, l.locationId],
    );
  }
  await trx(T.reservations)
    .whereIn(
      'id',
      rows.map((r) => r.id),
    )
    .update({ status: 'released', updated_at: trx.fn.now() });
  return new Set(rows.map((r) => r.order_ref)).size;
}
