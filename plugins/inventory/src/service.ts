import type { Knex, PluginContext } from '@orion/sdk';
import {
  commitReservation,
  type ReservedLine,
  type ReserveLine,
  releaseHold,
  releaseReservation,
  reserveLines,
} from './reservations.js';
import type { StockRow } from './tables.js';
import { T } from './tables.js';

export interface ReservationOptions {
  orderRef: string;
  /** The platform of the order, put in `inventory.low` events so they reach plugins enabled there. */
  platformId?: number;
  /**
   * The caller's transaction, already scoped to the same vendor (`ctx.withTenant({ vendorId }, trx => …)`): the
   * reservation then commits or rolls back with the caller's order. Without it, inventory opens its own.
   */
  trx?: Knex;
  /** Who fulfils, for the history (`commit`). Default `system`. */
  actor?: string;
  /**
   * `reserve` only: the shopper's hold (see `hold`) that this reservation takes over in the same update, so the
   * held units count as available to this order and are never reserved twice. Expired or gone: reserved as usual.
   */
  fromHold?: string;
}

export interface HoldOptions {
  /** The hold's reference, e.g. `cart:<cart id>`; taking a hold again under it replaces the previous one. */
  holdRef: string;
  /** How long the hold lasts; then it is released (by the sweep, or by the next reservation on the same stock). */
  minutes: number;
  platformId?: number;
}

/**
 * The `inventory.reservations` service, for plugins that declare a dependency on inventory (cart, checkout,
 * orders): `ctx.service<InventoryReservations>('inventory.reservations')`.
 */
export interface InventoryReservations {
  /** Reserves every line or none; throws `INVENTORY_OUT_OF_STOCK` (409) naming each short line. Never oversells. */
  reserve(vendorId: number, lines: ReserveLine[], options: ReservationOptions): Promise<ReservedLine[]>;
  /** Releases an order's open reservation (cancel, timeout). Throws `INVENTORY_RESERVATION_NOT_FOUND` if none. */
  release(vendorId: number, orderRef: string, options?: Omit<ReservationOptions, 'orderRef'>): Promise<ReservedLine[]>;
  /** Turns an order's open reservation into a stock decrement (fulfilment), with history rows. */
  commit(vendorId: number, orderRef: string, options?: Omit<ReservationOptions, 'orderRef'>): Promise<ReservedLine[]>;
  /**
   * Holds units for a shopper for `minutes` (all lines or none; `INVENTORY_OUT_OF_STOCK` otherwise), replacing the
   * shopper's previous hold under the same reference in the same update. Never oversells.
   */
  hold(vendorId: number, lines: ReserveLine[], options: HoldOptions): Promise<ReservedLine[]>;
  /** Releases a hold if it is still open; answers its lines (none when there was none). */
  releaseHold(vendorId: number, holdRef: string): Promise<ReservedLine[]>;
  /**
   * Available units (on hand − reserved, all locations) per variant id; variants without stock are 0. Expired holds
   * not swept yet count as available, and so does the hold `holdRef` (the shopper's own) when given. With `trx` (the
   * caller's transaction, scoped to the same vendor) the reads join it.
   */
  available(
    vendorId: number,
    variantIds: number[],
    options?: { holdRef?: string; trx?: Knex },
  ): Promise<Record<number, number>>;
}

/** Emits `inventory.low` for each stock row that just fell to its threshold. */
export function emitLow(ctx: PluginContext, rows: StockRow[], platformId?: number): void {
  for (const r of rows) {
    ctx.emit('inventory.low', {
      ...(platformId === undefined ? {} : { platformId }),
      vendorId: Number(r.vendor_id),
      variantId: Number(r.variant_id),
      locationId: Number(r.location_id),
      available: r.on_hand - r.reserved,
      threshold: r.low_stock_threshold as number,
    });
  }
}

export function createReservationsService(ctx: PluginContext): InventoryReservations {
  const run = <R>(vendorId: number, trx: Knex | undefined, fn: (trx: Knex) => Promise<R>) =>
    trx ? fn(trx) : ctx.withTenant({ vendorId }, fn);
  return {
    async reserve(vendorId, lines, options) {
      const result = await run(vendorId, options.trx, (trx) =>
        reserveLines(trx, vendorId, options.orderRef, lines, { consume: options.fromHold }),
      );
      emitLow(ctx, result.becameLow, options.platformId);
      return result.lines;
    },
    async hold(vendorId, lines, { holdRef, minutes, platformId }) {
      if (!Number.isInteger(minutes) || minutes < 1)
        throw new Error('inventory: a hold lasts a whole number of minutes');
      const result = await ctx.withTenant({ vendorId }, (trx) =>
        reserveLines(trx, vendorId, holdRef, lines, { consume: holdRef, holdMinutes: minutes }),
      );
      emitLow(ctx, result.becameLow, platformId);
      return result.lines;
    },
    releaseHold: (vendorId, holdRef) => ctx.withTenant({ vendorId }, (trx) => releaseHold(trx, vendorId, holdRef)),
    release: (vendorId, orderRef, options = {}) =>
      run(vendorId, options.trx, (trx) => releaseReservation(trx, vendorId, orderRef)),
    commit: (vendorId, orderRef, options = {}) =>
      run(vendorId, options.trx, (trx) => commitReservation(trx, vendorId, orderRef, options.actor ?? 'system')),
    async available(vendorId, variantIds, options = {}) {
      const read = async (trx: Knex) => [
        await trx(T.stock)
          .where({ vendor_id: vendorId })
          .whereIn('variant_id', variantIds)
          .groupBy('variant_id')
          .select('variant_id', trx.raw('sum(on_hand - reserved)::int as available')),
        // Held units that do not count against this shopper: expired holds, and the shopper's own.
        await trx(T.reservations)
          .where({ vendor_id: vendorId, status: 'reserved' })
          .whereIn('variant_id', variantIds)
          .whereNotNull('expires_at')
          .where((q) => {
            q.where('expires_at', '<=', trx.fn.now());
            if (options.holdRef) q.orWhere('order_ref', options.holdRef);
          })
          .groupBy('variant_id')
          .select('variant_id', trx.raw('sum(quantity)::int as available')),
      ];
      const [rows = [], holds = []] = await (options.trx ? read(options.trx) : ctx.withTenant({ vendorId }, read));
      const out: Record<number, number> = Object.fromEntries(variantIds.map((id) => [id, 0]));
      for (const r of [...rows, ...holds] as { variant_id: number; available: number }[]) {
        out[Number(r.variant_id)] = (out[Number(r.variant_id)] ?? 0) + r.available;
      }
      return out;
    },
  };
}
