import { createRoute, type PluginContext, type PluginRouter, requirePermission, z } from '@orion/sdk';
import { actorOf } from './actor.js';
import { catalogVariants, requireVariant } from './catalog.js';
import { jsonBody, jsonResponse, vendorIdOf } from './http.js';
import { resolveLocation } from './locations.js';
import { emitLow } from './service.js';
import { adjustStock, history, listLevels, REASONS, setThreshold } from './stock.js';

const tags = ['inventory'];
const Level = z
  .object({
    variantId: z.number().int(),
    locationId: z.number().int(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    lowStockThreshold: z.number().int().nullable(),
    low: z.boolean(),
    sku: z.string().optional(),
    productTitle: z.string().optional(),
  })
  .openapi('InventoryStockLevel');
const Adjustment = z
  .object({
    id: z.number().int(),
    variantId: z.number().int(),
    locationId: z.number().int(),
    delta: z.number().int(),
    onHandAfter: z.number().int(),
    reason: z.string(),
    note: z.string().nullable(),
    actor: z.string(),
    orderRef: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('InventoryAdjustment');
const VariantParam = z.object({ variantId: z.coerce.number().int().positive() });
const AdjustBody = z
  .object({
    locationId: z.number().int().positive().optional(),
    delta: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((d) => d !== 0, 'must not be 0')
      .optional(),
    onHand: z.number().int().min(0, 'must not be negative').max(10_000_000).optional(),
    reason: z.enum(REASONS),
    note: z.string().trim().max(500).optional(),
  })
  .refine((b) => (b.delta === undefined) !== (b.onHand === undefined), {
    message: 'give either delta (a change) or onHand (a count)',
    path: ['delta'],
  });

const routes = {
  levels: createRoute({
    method: 'get',
    path: '/stock',
    tags,
    summary: 'Stock levels, optionally of some variants, one location, or only the low ones',
    middleware: [requirePermission('inventory.view')],
    request: {
      query: z.object({
        variantIds: z
          .string()
          .regex(/^\d+(,\d+)*$/, 'must be variant ids separated by commas')
          .optional(),
        locationId: z.coerce.number().int().positive().optional(),
        low: z.enum(['true', 'false']).optional(),
      }),
    },
    responses: { 200: jsonResponse(z.object({ levels: z.array(Level) }), 'Stock levels') },
  }),
  variant: createRoute({
    method: 'get',
    path: '/stock/{variantId}',
    tags,
    middleware: [requirePermission('inventory.view')],
    request: { params: VariantParam },
    responses: { 200: jsonResponse(z.object({ levels: z.array(Level) }), "The variant's stock at each location") },
  }),
  adjust: createRoute({
    method: 'post',
    path: '/stock/{variantId}/adjustments',
    tags,
    summary: 'Adjust the on-hand count (a delta, or a counted total) with a reason',
    middleware: [requirePermission('inventory.edit')],
    request: { params: VariantParam, ...jsonBody(AdjustBody) },
    responses: { 201: jsonResponse(z.object({ level: Level, adjustment: Adjustment }), 'The new level') },
  }),
  threshold: createRoute({
    method: 'put',
    path: '/stock/{variantId}/threshold',
    tags,
    middleware: [requirePermission('inventory.edit')],
    request: {
      params: VariantParam,
      ...jsonBody(
        z.object({
          locationId: z.number().int().positive().optional(),
          lowStockThreshold: z.number().int().min(0).max(1_000_000).nullable(),
        }),
      ),
    },
    responses: { 200: jsonResponse(Level, 'The level with its threshold') },
  }),
  history: createRoute({
    method: 'get',
    path: '/stock/{variantId}/adjustments',
    tags,
    summary: 'The adjustment history, newest first',
    middleware: [requirePermission('inventory.view')],
    request: {
      params: VariantParam,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        before: z.coerce.number().int().positive().optional(),
      }),
    },
    responses: { 200: jsonResponse(z.object({ adjustments: z.array(Adjustment) }), 'History rows') },
  }),
};

/** Stock routes of the vendor API at `/api/v1/vendor/inventory`. Variant ids are checked with the catalog. */
export function stockRoutes(router: PluginRouter, ctx: PluginContext): void {
  const withNames = async (vendorId: number, levels: z.infer<typeof Level>[]) => {
    const ids = [...new Set(levels.map((l) => l.variantId))];
    const names = new Map((await catalogVariants(ctx).find(vendorId, ids)).map((v) => [v.id, v]));
    return levels.map((l) => ({
      ...l,
      sku: names.get(l.variantId)?.sku,
      productTitle: names.get(l.variantId)?.productTitle,
    }));
  };

  router.openapi(routes.levels, async (c) => {
    const vendorId = vendorIdOf(c);
    const q = c.req.valid('query');
    const levels = await ctx.withTenant({ vendorId }, async (trx) => {
      if (q.locationId !== undefined) await resolveLocation(trx, vendorId, q.locationId);
      return listLevels(trx, vendorId, {
        variantIds: q.variantIds?.split(',').map(Number),
        locationId: q.locationId,
        lowOnly: q.low === 'true',
      });
    });
    return c.json({ levels: await withNames(vendorId, levels) }, 200);
  });

  router.openapi(routes.variant, async (c) => {
    const vendorId = vendorIdOf(c);
    const { variantId } = c.req.valid('param');
    await requireVariant(ctx, vendorId, variantId);
    const levels = await ctx.withTenant({ vendorId }, (trx) => listLevels(trx, vendorId, { variantIds: [variantId] }));
    return c.json({ levels: await withNames(vendorId, levels) }, 200);
  });

  router.openapi(routes.adjust, async (c) => {
    const vendorId = vendorIdOf(c);
    const { variantId } = c.req.valid('param');
    await requireVariant(ctx, vendorId, variantId);
    const body = c.req.valid('json');
    const result = await ctx.withTenant({ vendorId }, (trx) => adjustStock(trx, vendorId, variantId, body, actorOf(c)));
    if (result.becameLow) emitLowLevel(ctx, c.get('platform')!.id, vendorId, result.level);
    return c.json({ level: result.level, adjustment: result.adjustment }, 201);
  });

  router.openapi(routes.threshold, async (c) => {
    const vendorId = vendorIdOf(c);
    const { variantId } = c.req.valid('param');
    await requireVariant(ctx, vendorId, variantId);
    const { locationId, lowStockThreshold } = c.req.valid('json');
    const result = await ctx.withTenant({ vendorId }, (trx) =>
      setThreshold(trx, vendorId, variantId, locationId, lowStockThreshold),
    );
    if (result.becameLow) emitLowLevel(ctx, c.get('platform')!.id, vendorId, result.level);
    return c.json(result.level, 200);
  });

  router.openapi(routes.history, async (c) => {
    const vendorId = vendorIdOf(c);
    const { variantId } = c.req.valid('param');
    const { limit, before } = c.req.valid('query');
    await requireVariant(ctx, vendorId, variantId);
    const adjustments = await ctx.withTenant({ vendorId }, (trx) =>
      history(trx, vendorId, variantId, { limit, beforeId: before }),
    );
    return c.json({ adjustments }, 200);
  });
}

function emitLowLevel(
  ctx: PluginContext,
  platformId: number,
  vendorId: number,
  l: { variantId: number; locationId: number; onHand: number; reserved: number; lowStockThreshold: number | null },
): void {
  emitLow(
    ctx,
    [
      {
        id: 0,
        vendor_id: vendorId,
        variant_id: l.variantId,
        location_id: l.locationId,
        on_hand: l.onHand,
        reserved: l.reserved,
        low_stock_threshold: l.lowStockThreshold,
      },
    ],
    platformId,
  );
}
