import { createRoute, type PluginContext, type PluginRouter, requirePermission, z } from '@orion/sdk';
import { jsonBody, jsonResponse, vendorIdOf } from './http.js';
import { createLocation, listLocations, updateLocation } from './locations.js';

const tags = ['inventory'];
const Location = z
  .object({ id: z.number().int(), name: z.string(), isDefault: z.boolean() })
  .openapi('InventoryLocation');
const Name = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/locations',
    tags,
    middleware: [requirePermission('inventory.view')],
    responses: { 200: jsonResponse(z.object({ locations: z.array(Location) }), 'Locations; one is the default') },
  }),
  create: createRoute({
    method: 'post',
    path: '/locations',
    tags,
    middleware: [requirePermission('inventory.edit')],
    request: jsonBody(z.object({ name: Name, isDefault: z.boolean().optional() })),
    responses: { 201: jsonResponse(Location, 'The new location') },
  }),
  update: createRoute({
    method: 'patch',
    path: '/locations/{id}',
    tags,
    summary: 'Rename a location or make it the default',
    middleware: [requirePermission('inventory.edit')],
    request: {
      params: z.object({ id: z.coerce.number().int().positive() }),
      ...jsonBody(z.object({ name: Name.optional(), isDefault: z.literal(true).optional() })),
    },
    responses: { 200: jsonResponse(Location, 'The changed location') },
  }),
};

/** Location routes of the vendor API. Every vendor has a default location, created on first use. */
export function locationRoutes(router: PluginRouter, ctx: PluginContext): void {
  router.openapi(routes.list, async (c) => {
    const vendorId = vendorIdOf(c);
    return c.json({ locations: await ctx.withTenant({ vendorId }, (trx) => listLocations(trx, vendorId)) }, 200);
  });
  router.openapi(routes.create, async (c) => {
    const vendorId = vendorIdOf(c);
    const location = await ctx.withTenant({ vendorId }, (trx) => createLocation(trx, vendorId, c.req.valid('json')));
    return c.json(location, 201);
  });
  router.openapi(routes.update, async (c) => {
    const vendorId = vendorIdOf(c);
    const { id } = c.req.valid('param');
    const location = await ctx.withTenant({ vendorId }, (trx) =>
      updateLocation(trx, vendorId, id, c.req.valid('json')),
    );
    return c.json(location, 200);
  });
}
