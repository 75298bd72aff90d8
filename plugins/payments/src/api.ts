import {
  createRoute,
  jsonBody,
  jsonResponse,
  Money,
  type PluginContext,
  type PluginRouter,
  requirePermission,
  vendorOf,
  z,
} from '@orion/sdk';
import { actorOf } from './actor.js';
import { PaymentErrors } from './errors.js';
import { AmountBody, AuthorizeBody, IdParam, OrderRefSchema, PaymentSchema, TransactionSchema } from './schemas.js';
import type { PaymentsService } from './service.js';

const tags = ['payments'];
const view = [requirePermission('payments.view')];
const manage = [requirePermission('payments.manage')];
const Detail = PaymentSchema.extend({ transactions: z.array(TransactionSchema) });

const routes = {
  providers: createRoute({
    method: 'get',
    path: '/providers',
    tags,
    middleware: view,
    responses: {
      200: jsonResponse(
        z.object({ providers: z.array(z.object({ id: z.string(), takesCards: z.boolean() })) }),
        'The payment providers',
      ),
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/',
    tags,
    summary: "An order's payments",
    middleware: view,
    request: { query: z.object({ orderRef: OrderRefSchema }) },
    responses: { 200: jsonResponse(z.object({ payments: z.array(PaymentSchema) }), 'The payments, oldest first') },
  }),
  get: createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    middleware: view,
    request: { params: IdParam },
    responses: { 200: jsonResponse(Detail, 'The payment with its transactions') },
  }),
  authorize: createRoute({
    method: 'post',
    path: '/',
    tags,
    summary: 'Authorize a payment; 402 PAYMENTS_DECLINED when the provider declines (the attempt is kept)',
    middleware: manage,
    request: jsonBody(AuthorizeBody),
    responses: { 201: jsonResponse(PaymentSchema, 'The authorized (or pending) payment') },
  }),
  capture: createRoute({
    method: 'post',
    path: '/{id}/capture',
    tags,
    summary: 'Capture (manual: mark paid); testgateway answers capture_pending and confirms by webhook',
    middleware: manage,
    request: { params: IdParam, ...jsonBody(AmountBody) },
    responses: { 200: jsonResponse(PaymentSchema, 'The payment') },
  }),
  refund: createRoute({
    method: 'post',
    path: '/{id}/refund',
    tags,
    summary: 'Refund part or all of the captured amount',
    middleware: manage,
    request: { params: IdParam, ...jsonBody(AmountBody) },
    responses: { 200: jsonResponse(PaymentSchema, 'The payment') },
  }),
  void: createRoute({
    method: 'post',
    path: '/{id}/void',
    tags,
    middleware: manage,
    request: { params: IdParam },
    responses: { 200: jsonResponse(PaymentSchema, 'The voided payment') },
  }),
};

const service = (ctx: PluginContext) => ctx.service<PaymentsService>('payments.payments');
const money = (m: { amountMinor: number; currency: string } | undefined) =>
  m ? Money.of(m.amountMinor, m.currency) : undefined;

/** The vendor JSON API at `/api/v1/vendor/payments`: payments of the caller's vendor only. */
export function vendorRoutes(router: PluginRouter, ctx: PluginContext): void {
  router.openapi(routes.providers, (c) => c.json({ providers: service(ctx).providers() }, 200));
  router.openapi(routes.list, async (c) => {
    const { orderRef } = c.req.valid('query');
    return c.json({ payments: await service(ctx).forOrder(vendorOf(c), orderRef) }, 200);
  });
  router.openapi(routes.get, async (c) => {
    const vendorId = vendorOf(c);
    const { id } = c.req.valid('param');
    const payment = await service(ctx).get(vendorId, id);
    return c.json({ ...payment, transactions: await service(ctx).transactions(vendorId, id) }, 200);
  });
  router.openapi(routes.authorize, async (c) => {
    const body = c.req.valid('json');
    const payment = await service(ctx).authorize(
      vendorOf(c),
      { ...body, amount: Money.of(body.amount.amountMinor, body.amount.currency) },
      { platformId: c.get('platform')!.id, actor: actorOf(c) },
    );
    if (payment.status === 'declined') throw PaymentErrors.Declined({ reason: payment.message ?? 'declined' });
    return c.json(payment, 201);
  });
  router.openapi(routes.capture, async (c) => {
    const { id } = c.req.valid('param');
    const opts = { platformId: c.get('platform')!.id, actor: actorOf(c), amount: money(c.req.valid('json').amount) };
    return c.json(await service(ctx).capture(vendorOf(c), id, opts), 200);
  });
  router.openapi(routes.refund, async (c) => {
    const { id } = c.req.valid('param');
    const opts = { platformId: c.get('platform')!.id, actor: actorOf(c), amount: money(c.req.valid('json').amount) };
    return c.json(await service(ctx).refund(vendorOf(c), id, opts), 200);
  });
  router.openapi(routes.void, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      await service(ctx).void(vendorOf(c), id, { platformId: c.get('platform')!.id, actor: actorOf(c) }),
      200,
    );
  });
}

const webhook = createRoute({
  method: 'post',
  path: '/webhooks/{provider}',
  tags,
  summary:
    'A provider callback. testgateway signs it: header testgateway-signature "t=<unix>,v1=<hex HMAC-SHA256 of t.body>"; ' +
    'a bad signature is 401 PAYMENTS_WEBHOOK_SIGNATURE_INVALID; a replayed event id is answered 200 and changes nothing',
  request: { params: z.object({ provider: z.string().min(1).max(40) }) },
  responses: {
    200: jsonResponse(
      z.object({ received: z.boolean(), duplicate: z.boolean(), paymentId: z.number().int().nullable() }),
      'The event was applied, or had been already',
    ),
  },
});

/**
 * The shop API at `/api/v1/shop/payments`: the providers' webhooks, for the shop of the request's host or path.
 * The raw body is read as text, so the signature is checked on the exact bytes the provider signed.
 */
export function shopRoutes(router: PluginRouter, ctx: PluginContext): void {
  router.openapi(webhook, async (c) => {
    const { provider } = c.req.valid('param');
    const raw = await c.req.text();
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    const result = await service(ctx).handleWebhook(vendorOf(c), provider, raw, headers, {
      platformId: c.get('platform')!.id,
    });
    return c.json({ received: true, duplicate: result.duplicate, paymentId: result.payment?.id ?? null }, 200);
  });
}
