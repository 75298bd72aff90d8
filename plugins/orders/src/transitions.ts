import { type Knex, Money, type PluginContext } from '@orion/sdk';
import { inventory, type PaymentRef, payments } from './deps.js';
import { OrderErrors } from './errors.js';
import { type OrderRow, T } from './rows.js';
import { canMove, NEXT, type OrderStatus, REFUNDABLE } from './states.js';

export interface TransitionInput {
  to: OrderStatus;
  note?: string;
  trackingNumber?: string;
  carrier?: string;
}

export interface ActContext {
  vendorId: number;
  platformId: number;
  actor: string;
  /** The payment was captured already (the gateway's callback): do not ask the provider again. */
  paymentConfirmed?: boolean;
}

async function lockOrder(trx: Knex, vendorId: number, orderId: number): Promise<OrderRow> {
  const row = await trx<OrderRow>(T.orders).where({ vendor_id: vendorId, id: orderId }).forUpdate().first();
  if (!row) throw OrderErrors.NotFound({ id: orderId });
  return row;
}

async function latestPayment(ctx: PluginContext, trx: Knex, vendorId: number, ref: string) {
  const all = await payments(ctx).forOrder(vendorId, ref, { trx });
  return all.at(-1) as PaymentRef | undefined;
}

async function writeHistory(
  trx: Knex,
  row: OrderRow,
  from: OrderStatus | null,
  to: OrderStatus,
  actor: string,
  note?: string | null,
) {
  await trx(T.history).insert({
    vendor_id: row.vendor_id,
    order_id: row.id,
    from_status: from,
    to_status: to,
    actor,
    note: note ?? null,
  });
}

function emitTransition(ctx: PluginContext, ac: ActContext, row: OrderRow, from: OrderStatus, refundedNow: number) {
  const base = {
    platformId: ac.platformId,
    vendorId: ac.vendorId,
    orderId: Number(row.id),
    number: row.number,
    status: row.status,
    from,
  };
  const currency = row.currency;
  switch (row.status) {
    case 'shipped':
      ctx.emit('orders.order.shipped', {
        ...base,
        trackingNumber: row.tracking_number ?? '',
        carrier: row.carrier ?? '',
      });
      break;
    case 'refunded':
      ctx.emit('orders.order.refunded', {
        ...base,
        amount: { amountMinor: refundedNow, currency },
      });
      break;
    case 'paid':
    case 'processing':
    case 'delivered':
    case 'cancelled':
      ctx.emit(`orders.order.${row.status}`, base);
      break;
    default:
      break;
  }
}

/**
 * Moves an order to `to`, or refuses with `ORDERS_INVALID_TRANSITION` naming the states it may go to. Side effects
 * happen in the same transaction: `paid` captures a manual payment, `shipped` needs tracking and turns the stock
 * reservation into a decrement, `cancelled` releases the stock and voids or refunds the payment, `refunded` gives
 * back all that is left. Every transition writes a history row and emits `orders.order.<status>`.
 */
export async function transition(
  ctx: PluginContext,
  ac: ActContext,
  orderId: number,
  input: TransitionInput,
): Promise<OrderRow> {
  const { vendorId, platformId } = ac;
  const { row, from, refundedNow } = await ctx.withTenant({ vendorId }, async (trx) => {
    const row = await lockOrder(trx, vendorId, orderId);
    const from = row.status;
    if (!canMove(from, input.to)) {
      throw OrderErrors.InvalidTransition({ number: row.number, from, to: input.to, allowed: NEXT[from] });
    }
    const change: Partial<OrderRow> = { status: input.to };
    let note = input.note ?? null;
    let refundedNow = 0;
    const opts = { platformId, trx, actor: ac.actor };
    if (input.to === 'paid' && !ac.paymentConfirmed) {
      const payment = await latestPayment(ctx, trx, vendorId, row.ref);
      if (payment && payment.provider !== 'manual') throw OrderErrors.PaidByGateway({ provider: payment.provider });
      if (payment && payment.status === 'pending') await payments(ctx).capture(vendorId, payment.id, opts);
    }
    if (input.to === 'shipped') {
      if (!input.trackingNumber || !input.carrier) throw OrderErrors.TrackingRequired({});
      change.tracking_number = input.trackingNumber;
      change.carrier = input.carrier;
      await inventory(ctx).commit(vendorId, row.ref, { trx, actor: ac.actor });
    }
    if (input.to === 'cancelled') {
      await inventory(ctx).release(vendorId, row.ref, { trx });
      const payment = await latestPayment(ctx, trx, vendorId, row.ref);
      if (payment && ['pending', 'authorized'].includes(payment.status)) {
        await payments(ctx).void(vendorId, payment.id, opts);
      } else if (payment && ['captured', 'partially_refunded'].includes(payment.status)) {
        const left = Money.subtract(payment.captured, payment.refunded);
        await payments(ctx).refund(vendorId, payment.id, { ...opts, amount: left });
        change.refunded_minor = Number(row.refunded_minor) + left.amountMinor;
        note = [note, `Refunded ${Money.toDecimal(left)} ${left.currency}`].filter(Boolean).join('. ');
      }
    }
    if (input.to === 'refunded') {
      const left = Money.of(Number(row.total_minor) - Number(row.refunded_minor), row.currency);
      await refundPayment(ctx, trx, row, left, opts);
      change.refunded_minor = Number(row.total_minor);
      refundedNow = left.amountMinor;
    }
    const [updated] = await trx<OrderRow>(T.orders)
      .where({ vendor_id: vendorId, id: orderId })
      .update({ ...change, updated_at: trx.fn.now() } as never)
      .returning('*');
    await writeHistory(trx, row, from, input.to, ac.actor, note);
    return { row: updated as OrderRow, from, refundedNow };
  });
  emitTransition(ctx, ac, row, from, refundedNow);
  return row;
}

async function refundPayment(
  ctx: PluginContext,
  trx: Knex,
  row: OrderRow,
  amount: Money,
  opts: { platformId: number; trx: Knex; actor: string },
): Promise<void> {
  const vendorId = Number(row.vendor_id);
  const payment = await latestPayment(ctx, trx, vendorId, row.ref);
  if (!payment || !['captured', 'partially_refunded'].includes(payment.status)) {
    throw OrderErrors.NotRefundable({ number: row.number, status: payment ? `paid by ${payment.status}` : row.status });
  }
  if (amount.amountMinor > 0) await payments(ctx).refund(vendorId, payment.id, { ...opts, amount });
}

/**
 * Refunds part of a paid order through its payment provider (default: all that is left). When the whole total has
 * been refunded the order becomes `refunded`; a partial refund keeps the state and adds a history row with a note.
 */
export async function refund(
  ctx: PluginContext,
  ac: ActContext,
  orderId: number,
  input: { amount?: { amountMinor: number; currency: string }; note?: string },
): Promise<OrderRow> {
  const { vendorId, platformId } = ac;
  const result = await ctx.withTenant({ vendorId }, async (trx) => {
    const row = await lockOrder(trx, vendorId, orderId);
    if (!REFUNDABLE.includes(row.status)) throw OrderErrors.NotRefundable({ number: row.number, status: row.status });
    const left = Number(row.total_minor) - Number(row.refunded_minor);
    const amount = input.amount ? input.amount.amountMinor : left;
    if (input.amount && input.amount.currency !== row.currency) {
      throw OrderErrors.CurrencyMismatch({ expected: row.currency, got: input.amount.currency });
    }
    if (amount <= 0 || amount > left) {
      throw OrderErrors.RefundTooLarge({
        number: row.number,
        max: `${Money.toDecimal(Money.of(left, row.currency))} ${row.currency}`,
      });
    }
    const money = Money.of(amount, row.currency);
    await refundPayment(ctx, trx, row, money, { platformId, trx, actor: ac.actor });
    const full = amount === left;
    const to: OrderStatus = full ? 'refunded' : row.status;
    const [updated] = await trx<OrderRow>(T.orders)
      .where({ vendor_id: vendorId, id: orderId })
      .update({ status: to, refunded_minor: Number(row.refunded_minor) + amount, updated_at: trx.fn.now() } as never)
      .returning('*');
    const note = [`Refunded ${Money.toDecimal(money)} ${row.currency}`, input.note].filter(Boolean).join('. ');
    await writeHistory(trx, row, row.status, to, ac.actor, note);
    return { row: updated as OrderRow, money, from: row.status };
  });
  ctx.emit('orders.order.refunded', {
    platformId,
    vendorId,
    orderId,
    number: result.row.number,
    status: result.row.status,
    from: result.from,
    amount: { amountMinor: result.money.amountMinor, currency: result.money.currency },
  });
  return result.row;
}
