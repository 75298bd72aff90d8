import { createRoute, jsonBody, jsonResponse, type PluginContext, type PluginRouter, z } from '@orion/sdk';
import { AddressSchema, ContactSchema } from './address.js';
import { payments } from './deps.js';
import { createCheckout } from './flow.js';
import { OrderSchema, PlaceSchema, ReviewSchema, SessionSchema, sessionOut } from './schemas.js';
import { shopperOf } from './shopper.js';

const tags = ['checkout'];
const sessionAnswer = jsonResponse(SessionSchema, 'The checkout: steps done, the next step, the choices');
const step = (path: string, summary: string, schema: z.ZodType) =>
  createRoute({ method: 'put', path, tags, summary, request: jsonBody(schema), responses: { 200: sessionAnswer } });

const routes = {
  start: createRoute({
    method: 'post',
    path: '/session',
    tags,
    summary: "Start (or resume) the checkout of the shopper's cart; sets the checkout cookie",
    responses: { 200: sessionAnswer },
  }),
  contact: step('/contact', 'Step 1: contact email, name and phone', ContactSchema),
  address: step('/address', 'Step 2: shipping address (country code and postal code checked)', AddressSchema),
  shipping: step(
    '/shipping',
    "Step 3: one of the shop's shipping methods",
    z.object({ methodId: z.number().int().positive() }),
  ),
  payment: step('/payment', 'Step 4: a payment provider', z.object({ provider: z.string().min(1).max(40) })),
  review: createRoute({
    method: 'post',
    path: '/review',
    tags,
    summary:
      'Step 5: re-price and re-check the cart, compute shipping and the total; answers the review token. With ' +
      'stockHoldMinutes, holds the units for that long; stock short is 409 CHECKOUT_OUT_OF_STOCK',
    responses: { 200: jsonResponse(ReviewSchema, 'What the order will be') },
  }),
  place: createRoute({
    method: 'post',
    path: '/place',
    tags,
    summary:
      'Place the reviewed order. A repeat gives the same order (200, Idempotent-Replayed: true); a cart that ' +
      'changed since the review is 409 CHECKOUT_CART_CHANGED',
    request: jsonBody(PlaceSchema),
    responses: { 201: jsonResponse(OrderSchema, 'The order'), 200: jsonResponse(OrderSchema, 'The same order') },
  }),
};

/** The shop JSON API at `/api/v1/shop/checkout`: one route per step, then review and place. */
export function shopRoutes(router: PluginRouter, ctx: PluginContext): void {
  const checkout = createCheckout(ctx);
  const answer = async (r: Awaited<ReturnType<typeof checkout.begin>>) =>
    sessionOut(checkout, payments(ctx).providers(), r.session, r.cart);

  router.openapi(routes.start, async (c) => c.json(await answer(await checkout.begin(shopperOf(c))), 200));
  router.openapi(routes.contact, async (c) =>
    c.json(await answer(await checkout.setContact(shopperOf(c), c.req.valid('json') as never)), 200),
  );
  router.openapi(routes.address, async (c) =>
    c.json(await answer(await checkout.setAddress(shopperOf(c), c.req.valid('json') as never)), 200),
  );
  router.openapi(routes.shipping, async (c) => {
    const { methodId } = c.req.valid('json') as { methodId: number };
    return c.json(await answer(await checkout.setShipping(shopperOf(c), methodId)), 200);
  });
  router.openapi(routes.payment, async (c) => {
    const { provider } = c.req.valid('json') as { provider: string };
    return c.json(await answer(await checkout.setPayment(shopperOf(c), provider)), 200);
  });
  router.openapi(routes.review, async (c) => {
    const r = await checkout.review(shopperOf(c));
    return c.json(
      {
        cart: (await answer({ session: r.session, cart: r.cart })).cart,
        shippingMethod: r.method,
        shipping: r.shipping,
        total: r.total,
        contact: r.session.contact!,
        shippingAddress: r.session.shippingAddress!,
        paymentProvider: r.session.paymentProvider!,
        reviewToken: r.reviewToken,
      },
      200,
    );
  });
  router.openapi(routes.place, async (c) => {
    const { order, replayed } = await checkout.place(shopperOf(c), c.req.valid('json'));
    const body = {
      id: order.id,
      number: order.number,
      status: order.status,
      total: order.totals.total,
      shipping: order.totals.shipping,
      email: order.customer.email,
    };
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(body, replayed ? 200 : 201);
  });
}
