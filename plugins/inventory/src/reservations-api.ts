import { createRoute, type PluginContext, type PluginRouter, requirePermission, z } from '@orion/sdk';
import { actorOf } from './actor.js';
import { jsonBody, jsonResponse, vendorIdOf } from './http.js';
import { createReservationsService } from './service.js';

const tags = ['inventory'];
const OrderRef = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100)
  .regex(/^[\w.:-]+$/, 'must be letters, digits, _ . : -');
const Line = z.object({
  variantId: z.number().int().positive(),
  quantity: z.number().int().min(1, 'must be at least 1').max(100_000),
  locationId: z.number().int().positive().optional(),
});
const Lines = z.object({
  orderRef: z.string(),
  lines: z.array(z.object({ variantId: z.number().int(), locationId: z.number().int(), quantity: z.number().int() })),
});
const RefParam = z.object({ orderRef: OrderRef });

const routes = {
  reserve: createRoute({
    method: 'post',
    path: '/reservations',
    tags,
    summary: 'Reserve stock for an order: every line or none; 409 INVENTORY_OUT_OF_STOCK when short',
    middleware: [requirePermission('inventory.edit')],
    request: jsonBody(z.object({ orderRef: OrderRef, lines: z.array(Line).min(1).max(200) })),
    responses: { 201: jsonResponse(Lines, 'The reserved lines') },
  }),
  release: createRoute({
    method: 'post',
    path: '/reservations/{orderRef}/release',
    tags,
    middleware: [requirePermission('inventory.edit')],
    request: { params: RefParam },
    responses: { 200: jsonResponse(Lines, 'The released lines') },
  }),
  commit: createRoute({
    method: 'post',
    path: '/reservations/{orderRef}/commit',
    tags,
    summary: 'Fulfil: turn the reservation into a stock decrement',
    middleware: [requirePermission('inventory.edit')],
    request: { params: RefParam },
    responses: { 200: jsonResponse(Lines, 'The committed lines') },
  }),
};

/**
 * Reservations over HTTP, for integrations (an ERP, a point of sale). Plugins call the `inventory.reservations`
 * service instead, in their own transaction.
 */
export function reservationRoutes(router: PluginRouter, ctx: PluginContext): void {
  const service = createReservationsService(ctx);
  router.openapi(routes.reserve, async (c) => {
    const { orderRef, lines } = c.req.valid('json');
    const reserved = await service.reserve(vendorIdOf(c), lines, { orderRef, platformId: c.get('platform')!.id });
    return c.json({ orderRef, lines: reserved }, 201);
  });
  router.openapi(routes.release, async (c) => {
    const { orderRef } = c.req.valid('param');
    return c.json({ orderRef, lines: await service.release(vendorIdOf(c), orderRef) }, 200);
  });
  router.openapi(routes.commit, async (c) => {
    const { orderRef } = c.req.valid('param');
    return c.json({ orderRef, lines: await service.commit(vendorIdOf(c), orderRef, { actor: actorOf(c) }) }, 200);
  });
}
