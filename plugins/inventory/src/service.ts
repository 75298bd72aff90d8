import type { Knex, PluginContext } from '@orion/sdk';
import {
  commitReservation,
  type ReservedLine,
  type ReserveLine,
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
   * Available units (on hand − reserved, all locations) per variant id; variants without stock are 0. With `trx`
   * (the caller's transaction, scoped to the same vendor) the read joins it.
   */
  available(vendorId: number, variantIds: number[], options?: { trx?: Knex }): Promise<Record<number, number>>;
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
      const result = await run(vendorId, options.trx, (trx) => reserveLines(trx, vendorId, options.orderRef, lines));
      emitLow(ctx, result.becameLow, options.platformId);
      return result.lines;
    },
    release: (vendorId, orderRef, options = {}) =>
      run(vendorId, options.trx, (trx) => releaseReservation(trx, vendorId, orderRef)),
    commit: (vendorId, orderRef, options = {}) =>
      run(vendorId, options.trx, (trx) => commitReservation(trx, vendorId, orderRef, options.actor ?? 'system')),
    async available(vendorId, variantIds, options = {}) {
      const read = (trx: Knex) =>
        trx(T.stock)
          .where({ vendor_id: vendorId })
          .whereIn('variant_id', variantIds)
          .groupBy('variant_id')
          .select('variant_id', trx.raw('sum(on_hand - reserved)::int as available'));
      const rows = await (options.trx ? read(options.trx) : ctx.withTenant({ vendorId }, read));
      const out: Record<number, number> = Object.fromEntries(variantIds.map((id) => [id, 0]));
      for (const r of rows as { variant_id: number; available: number }[]) out[Number(r.variant_id)] = r.available;
      return out;
    },
  };
}
