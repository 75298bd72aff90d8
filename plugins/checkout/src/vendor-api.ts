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
import { MethodSchema } from './schemas.js';
import { createMethod, deleteMethod, listMethods, MethodInput, updateMethod } from './shipping.js';

const tags = ['checkout'];
const Id = z.object({ id: z.coerce.number().int().positive() });
const guard = requirePermission('checkout.shipping');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/shipping-methods',
    tags,
    summary: "The vendor's shipping methods, active or not",
    middleware: [guard] as const,
    responses: { 200: jsonResponse(z.object({ items: z.array(MethodSchema) }), 'The methods, in their order') },
  }),
  create: createRoute({
    method: 'post',
    path: '/shipping-methods',
    tags,
    summary: 'Add a shipping method: flat rate, free above a threshold (minor units), or pickup',
    middleware: [guard] as const,
    request: jsonBody(MethodInput),
    responses: { 201: jsonResponse(MethodSchema, 'The new method') },
  }),
  update: createRoute({
    method: 'put',
    path: '/shipping-methods/{id}',
    tags,
    summary: 'Replace a shipping method',
    middleware: [guard] as const,
    request: { params: Id, ...jsonBody(MethodInput) },
    responses: { 200: jsonResponse(MethodSchema, 'The method') },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/shipping-methods/{id}',
    tags,
    summary: 'Delete a shipping method',
    middleware: [guard] as const,
    request: { params: Id },
    responses: { 204: { description: 'Deleted' } },
  }),
};

/** The vendor JSON API at `/api/v1/vendor/checkout`: shipping methods (permission `checkout.shipping`). */
export function vendorApi(router: PluginRouter, ctx: PluginContext): void {
  router.openapi(routes.list, async (c) => {
    const vendorId = vendorOf(c);
    const items = await ctx.withTenant({ vendorId }, (trx) => listMethods(trx, vendorId, { all: true }));
    return c.json({ items }, 200);
  });
  router.openapi(routes.create, async (c) => {
    const vendorId = vendorOf(c);
    const m = await ctx.withTenant({ vendorId }, (trx) => createMethod(trx, vendorId, c.req.valid('json')));
    return c.json(m, 201);
  });
  router.openapi(routes.update, async (c) => {
    const vendorId = vendorOf(c);
    const { id } = c.req.valid('param');
    const m = await ctx.withTenant({ vendorId }, (trx) => updateMethod(trx, vendorId, id, c.req.valid('json')));
    return c.json(m, 200);
  });
  router.openapi(routes.remove, async (c) => {
    const vendorId = vendorOf(c);
    await ctx.withTenant({ vendorId }, (trx) => deleteMethod(trx, vendorId, c.req.valid('param').id));
    return c.body(null, 204);
  });
}
