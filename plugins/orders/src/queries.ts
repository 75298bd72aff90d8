import type { Knex } from '@orion/sdk';
import { OrderErrors } from './errors.js';
import { type HistoryRow, type LineRow, type OrderRow, T, toHistory, toLine, toOrder } from './rows.js';
import type { OrderStatus } from './states.js';

export interface ListFilter {
  status?: OrderStatus;
  from?: string;
  to?: string;
  customer?: string;
  q?: string;
  page: number;
  pageSize: number;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of the vendor's orders, newest first, with filters and a search over number, email and name. */
export async function listOrders(trx: Knex, vendorId: number, f: ListFilter) {
  const q = trx<OrderRow>(T.orders).where({ vendor_id: vendorId });
  if (f.status) q.where('status', f.status);
  if (f.from) q.where('placed_at', '>=', f.from);
  if (f.to) q.where('placed_at', '<', trx.raw("?::date + interval '1 day'", [f.to]));
  if (f.customer) {
    const c = f.customer.trim();
    if (/^\d+$/.test(c)) q.where('customer_id', Number(c));
    else q.whereILike('email', like(c));
  }
  if (f.q) {
    const term = f.q.trim().replace(/^#/, '');
    q.where((w) => {
      if (/^\d+$/.test(term)) w.orWhere('number', Number(term));
      w.orWhereILike('email', like(term)).orWhereRaw("customer->>'name' ilike ?", [like(term)]);
    });
  }
  const [{ count }] = (await q.clone().count({ count: '*' })) as [{ count: string | number }];
  const rows = await q
    .orderBy('placed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map(toOrder), total: Number(count), page: f.page, pageSize: f.pageSize };
}

export async function findOrderRow(trx: Knex, vendorId: number, id: number): Promise<OrderRow> {
  const row = await trx<OrderRow>(T.orders).where({ vendor_id: vendorId, id }).first();
  if (!row) throw OrderErrors.NotFound({ id });
  return row;
}

/** An order with its lines and timeline (history, oldest first). */
export async function orderDetail(trx: Knex, vendorId: number, row: OrderRow) {
  const lines: LineRow[] = await trx(T.lines).where({ vendor_id: vendorId, order_id: row.id }).orderBy('position');
  const history: HistoryRow[] = await trx(T.history).where({ vendor_id: vendorId, order_id: row.id }).orderBy('id');
  return {
    ...toOrder(row),
    note: row.note,
    lines: lines.map((l) => toLine(l, row.currency)),
    timeline: history.map(toHistory),
  };
}

/** A shopper's own order, by its number and the email it was placed with; anything else is not found. */
export async function trackOrder(trx: Knex, vendorId: number, number: number, email: string) {
  const row = await trx<OrderRow>(T.orders)
    .where({ vendor_id: vendorId, number })
    .whereRaw('email = lower(?)', [email.trim()])
    .first();
  if (!row) throw OrderErrors.NotFound({ id: `#${number}` });
  return orderDetail(trx, vendorId, row);
}

export async function findByRef(trx: Knex, vendorId: number, ref: string): Promise<OrderRow | undefined> {
  return trx<OrderRow>(T.orders).where({ vendor_id: vendorId, ref }).first();
}
