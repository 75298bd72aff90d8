import type { Knex } from '@orion/sdk';
import { type Adjustment, toAdjustment } from './stock.js';
import { type StockLevel, type StockRow, T, toLevel } from './tables.js';

export interface PageWindow {
  limit: number;
  offset: number;
}

const count = async (q: Knex.QueryBuilder) => {
  const [row] = await q.clone().clearOrder().count<{ count: string | number }[]>('* as count');
  return Number(row?.count ?? 0);
};

/** One page of the vendor's stock levels for the stock page: at one location or all, optionally only the low ones. */
export async function levelsPage(
  trx: Knex,
  vendorId: number,
  filter: PageWindow & { locationId?: number; lowOnly?: boolean },
): Promise<{ levels: StockLevel[]; total: number }> {
  const q = trx<StockRow>(T.stock).where({ vendor_id: vendorId });
  if (filter.locationId !== undefined) q.where('location_id', filter.locationId);
  if (filter.lowOnly) q.whereNotNull('low_stock_threshold').whereRaw('on_hand - reserved <= low_stock_threshold');
  const total = await count(q);
  const rows = await q.orderBy(['variant_id', 'location_id']).limit(filter.limit).offset(filter.offset);
  return { levels: (rows as StockRow[]).map(toLevel), total };
}

/** One page of the adjustment history, newest first, optionally of one variant and/or one location. */
export async function historyPage(
  trx: Knex,
  vendorId: number,
  filter: PageWindow & { variantId?: number; locationId?: number },
): Promise<{ adjustments: Adjustment[]; total: number }> {
  const q = trx(T.adjustments).where({ vendor_id: vendorId });
  if (filter.variantId !== undefined) q.where('variant_id', filter.variantId);
  if (filter.locationId !== undefined) q.where('location_id', filter.locationId);
  const total = await count(q);
  const rows = await q.orderBy('id', 'desc').limit(filter.limit).offset(filter.offset);
  return { adjustments: rows.map(toAdjustment), total };
}
