import { createRoute, jsonBody, jsonResponse, MoneySchema, type PluginContext, type PluginRouter, z } from '@orion/sdk';
import { languageOf } from '@orion/sdk/ui';
import { addLine, checkCart, removeLine, setQuantity, viewCart } from './lines.js';
import { currentCart, shopperOf } from './session.js';

const tags = ['cart'];

const Line = z.object({
  id: z.number().int(),
  variantId: z.number().int(),
  sku: z.string(),
  title: z.string(),
  quantity: z.number().int(),
  unitPrice: MoneySchema,
  lineTotal: MoneySchema,
  currentUnitPrice: MoneySchema.nullable(),
  available: z.boolean(),
  inStock: z.number().int().nullable(),
  messages: z.array(z.string()),
});
export const Cart = z
  .object({
    id: z.number().int().nullable(),
    status: z.enum(['open', 'merged', 'converted']),
    customerId: z.number().int().nullable(),
    currency: z.string().nullable(),
    lines: z.array(Line),
    itemCount: z.number().int(),
    subtotal: MoneySchema.nullable(),
    changed: z.boolean(),
    messages: z.array(z.string()),
    expiresAt: z.string().nullable(),
  })
  .openapi('CartView');

const Quantity = z.number().int().min(1, 'must be at least 1').max(999, 'must be at most 999');
const LineParam = z.object({ lineId: z.coerce.number().int().positive() });
const cartAnswer = jsonResponse(Cart, 'The cart, re-priced and re-checked');

const routes = {
  get: createRoute({ method: 'get', path: '/', tags, summary: "The shopper's cart", responses: { 200: cartAnswer } }),
  add: createRoute({
    method: 'post',
    path: '/lines',
    tags,
    summary: 'Put units of a variant into the cart',
    request: jsonBody(z.object({ variantId: z.number().int().positive(), quantity: Quantity.default(1) })),
    responses: { 201: cartAnswer },
  }),
  update: createRoute({
    method: 'patch',
    path: '/lines/{lineId}',
    tags,
    summary: "Change a line's quantity",
    request: { params: LineParam, ...jsonBody(z.object({ quantity: Quantity })) },
    responses: { 200: cartAnswer },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/lines/{lineId}',
    tags,
    summary: 'Take a line out of the cart',
    request: { params: LineParam },
    responses: { 200: cartAnswer },
  }),
  check: createRoute({
    method: 'post',
    path: '/check',
    tags,
    summary: 'Re-price and re-check the cart, report every change, and accept the new prices',
    responses: { 200: cartAnswer },
  }),
};

/**
 * Shop routes at `/api/v1/shop/cart`, for guests (signed cookie) and signed-in customers. A cart belongs to one
 * shop: another shop's cookie or line ids find nothing there (404).
 */
export function shopRoutes(router: PluginRouter, ctx: PluginContext): void {
  router.openapi(routes.get, async (c) => {
    const shopper = await shopperOf(ctx, c.get('vendor'), c.get('platform'), c.get('principal'));
    return c.json(await viewCart(ctx, shopper.vendorId, await currentCart(c, ctx, shopper, false), languageOf(c)), 200);
  });
  router.openapi(routes.add, async (c) => {
    const shopper = await shopperOf(ctx, c.get('vendor'), c.get('platform'), c.get('principal'));
    const { variantId, quantity } = c.req.valid('json');
    const cart = (await currentCart(c, ctx, shopper, true))!;
    await addLine(ctx, shopper, cart, variantId, quantity);
    return c.json(await viewCart(ctx, shopper.vendorId, cart, languageOf(c)), 201);
  });
  router.openapi(routes.update, async (c) => {
    const shopper = await shopperOf(ctx, c.get('vendor'), c.get('platform'), c.get('principal'));
    const cart = await currentCart(c, ctx, shopper, false);
    await setQuantity(ctx, shopper, cart, c.req.valid('param').lineId, c.req.valid('json').quantity);
    return c.json(await viewCart(ctx, shopper.vendorId, cart, languageOf(c)), 200);
  });
  router.openapi(routes.remove, async (c) => {
    const shopper = await shopperOf(ctx, c.get('vendor'), c.get('platform'), c.get('principal'));
    const cart = await currentCart(c, ctx, shopper, false);
    await removeLine(ctx, shopper.vendorId, cart, c.req.valid('param').lineId);
    return c.json(await viewCart(ctx, shopper.vendorId, cart, languageOf(c)), 200);
  });
  router.openapi(routes.check, async (c) => {
    const shopper = await shopperOf(ctx, c.get('vendor'), c.get('platform'), c.get('principal'));
    return c.json(
      await checkCart(ctx, shopper.vendorId, await currentCart(c, ctx, shopper, false), languageOf(c)),
      200,
    );
  });
}
