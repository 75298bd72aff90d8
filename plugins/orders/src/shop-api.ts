import { createRoute, jsonBody, jsonResponse, type PluginContext, type PluginRouter, vendorOf, z } from '@orion/sdk';
import { actorOf } from './actor.js';
import { placeOrder } from './place.js';
import { findOrderRow, orderDetail, trackOrder } from './queries.js';
import { IdempotencyHeader, OrderDetailSchema, PlaceBody } from './schemas.js';

const tags = ['orders'];
/** What a shopper sees: no actors in the timeline. */
const ShopOrder = OrderDetailSchema.omit({ customerId: true });

const routes = {
  place: createRoute({
    method: 'post',
    path: '/',
    tags,
    summary:
      'Place an order from explicit lines. Send an Idempotency-Key header: a repeat returns the same order ' +
      '(header Idempotent-Replayed: true), the same key with another body is 422, one still being placed is 409',
    request: { headers: IdempotencyHeader, ...jsonBody(PlaceBody) },
    responses: { 201: jsonResponse(ShopOrder, 'The order (a new one, or the one this key placed before)') },
  }),
  track: createRoute({
    method: 'get',
    path: '/track',
    tags,
    summary: 'Track an order by its number and the email it was placed with',
    request: {
      query: z.object({
        number: z.coerce.number().int().positive(),
        email: z.string().trim().email('must be an email address').max(254),
      }),
    },
    responses: { 200: jsonResponse(ShopOrder, 'The order, with its timeline') },
  }),
};

type Detail = Awaited<ReturnType<typeof orderDetail>>;
const forShopper = ({ customerId: _, timeline, ...rest }: Detail) => ({
  ...rest,
  timeline: timeline.map((t) => ({
    ...t,
    actor: t.actor.includes('@') || t.actor.startsWith('api-key') ? 'shop' : t.actor,
  })),
});

/** The shop JSON API at `/api/v1/shop/orders`, for the shop of the request's host or path. */
export function shopRoutes(router: PluginRouter, ctx: PluginContext): void {
  router.openapi(routes.place, async (c) => {
    const vendorId = vendorOf(c);
    const principal = c.get('principal');
    const customerId =
      principal?.kind === 'customer' && principal.vendorId === vendorId ? principal.customerId : undefined;
    const { orderId, replayed } = await placeOrder(
      ctx,
      {
        vendorId,
        platformId: c.get('platform')!.id,
        customerId,
        idempotencyKey: c.req.valid('header')['idempotency-key'],
        actor: actorOf(c),
      },
      c.req.valid('json'),
    );
    const detail = await ctx.withTenant({ vendorId }, async (trx) =>
      orderDetail(trx, vendorId, await findOrderRow(trx, vendorId, orderId)),
    );
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(forShopper(detail), 201);
  });
  router.openapi(routes.track, async (c) => {
    const vendorId = vendorOf(c);
    const { number, email } = c.req.valid('query');
    return c.json(
      forShopper(await ctx.withTenant({ vendorId }, (trx) => trackOrder(trx, vendorId, number, email))),
      200,
    );
  });
}
