import {
  createRoute,
  jsonBody,
  jsonResponse,
  type PluginContext,
  type PluginRouter,
  requirePermission,
  vendorOf,
  z,
} from '@orion/sdk';
import type { Context } from 'hono';
import { actorOf } from './actor.js';
import { payments } from './deps.js';
import { findOrderRow, listOrders, orderDetail } from './queries.js';
import {
  IdParam,
  ListQuery,
  OrderDetailSchema,
  OrderPage,
  PaymentSummary,
  RefundBody,
  TransitionBody,
} from './schemas.js';
import { NEXT } from './states.js';
import { refund, transition } from './transitions.js';

const tags = ['orders'];
const VendorDetail = OrderDetailSchema.extend({
  payments: z.array(PaymentSummary),
  allowedTransitions: z.array(z.string()),
});

const routes = {
  list: createRoute({
    method: 'get',
    path: '/',
    tags,
    summary: 'List orders: filter by status, date (from/to) and customer (id or email), search by number, email, name',
    middleware: [requirePermission('orders.view')],
    request: { query: ListQuery },
    responses: { 200: jsonResponse(OrderPage, 'One page of orders, newest first') },
  }),
  get: createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    summary: 'An order with its lines, timeline, payments and the states it may go to next',
    middleware: [requirePermission('orders.view')],
    request: { params: IdParam },
    responses: { 200: jsonResponse(VendorDetail, 'The order') },
  }),
  transition: createRoute({
    method: 'post',
    path: '/{id}/transitions',
    tags,
    summary: 'Move an order on: paid, processing, shipped (tracking), delivered, cancelled, refunded',
    middleware: [requirePermission('orders.manage')],
    request: { params: IdParam, ...jsonBody(TransitionBody) },
    responses: { 200: jsonResponse(VendorDetail, 'The order after the transition') },
  }),
  refund: createRoute({
    method: 'post',
    path: '/{id}/refunds',
    tags,
    summary: 'Refund part (amount) or all (no amount) of what is left, through the payment provider',
    middleware: [requirePermission('orders.refund')],
    request: { params: IdParam, ...jsonBody(RefundBody) },
    responses: { 200: jsonResponse(VendorDetail, 'The order after the refund') },
  }),
};

/** The vendor's view of one order, with its payments (from the payments service). */
export async function vendorDetail(ctx: PluginContext, vendorId: number, id: number) {
  const detail = await ctx.withTenant({ vendorId }, async (trx) => {
    const row = await findOrderRow(trx, vendorId, id);
    return { ref: row.ref, detail: await orderDetail(trx, vendorId, row) };
  });
  const list = await payments(ctx).forOrder(vendorId, detail.ref);
  return {
    ...detail.detail,
    payments: list.map((p) => ({
      id: p.id,
      provider: p.provider,
      status: p.status,
      amount: p.amount,
      captured: p.captured,
      refunded: p.refunded,
      cardLast4: p.cardLast4,
    })),
    allowedTransitions: [...NEXT[detail.detail.status]],
  };
}

const actContext = (c: Context) => ({
  vendorId: vendorOf(c),
  platformId: c.get('platform')!.id,
  actor: actorOf(c),
});

/** The vendor JSON API at `/api/v1/vendor/orders`: the caller's vendor's orders only. */
export function vendorRoutes(router: PluginRouter, ctx: PluginContext): void {
  router.openapi(routes.list, async (c) => {
    const vendorId = vendorOf(c);
    const filter = c.req.valid('query');
    return c.json(await ctx.withTenant({ vendorId }, (trx) => listOrders(trx, vendorId, filter)), 200);
  });
  router.openapi(routes.get, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await vendorDetail(ctx, vendorOf(c), id), 200);
  });
  router.openapi(routes.transition, async (c) => {
    const { id } = c.req.valid('param');
    const ac = actContext(c);
    await transition(ctx, ac, id, c.req.valid('json'));
    return c.json(await vendorDetail(ctx, ac.vendorId, id), 200);
  });
  router.openapi(routes.refund, async (c) => {
    const { id } = c.req.valid('param');
    const ac = actContext(c);
    await refund(ctx, ac, id, c.req.valid('json'));
    return c.json(await vendorDetail(ctx, ac.vendorId, id), 200);
  });
}
