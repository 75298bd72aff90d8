import { createRoute, type PluginContext, type PluginRouter, requirePermission, z } from '@orion/sdk';
import { jsonBody, jsonResponse, NoContent, vendorIdOf } from './http.js';
import { findProductRow, getProduct } from './products.js';
import { writeContext } from './products-api.js';
import { IdParam, Variant, VariantInput, VariantPatch } from './schemas.js';
import { addVariant, deleteVariant, getVariant, updateVariant } from './variants.js';

const tags = ['catalog'];

const routes = {
  list: createRoute({
    method: 'get',
    path: '/products/{id}/variants',
    tags,
    middleware: [requirePermission('catalog.view')],
    request: { params: IdParam },
    responses: { 200: jsonResponse(z.object({ variants: z.array(Variant) }), "The product's variants") },
  }),
  add: createRoute({
    method: 'post',
    path: '/products/{id}/variants',
    tags,
    summary: 'Add a variant to a product with options',
    middleware: [requirePermission('catalog.edit')],
    request: { params: IdParam, ...jsonBody(VariantInput) },
    responses: { 201: jsonResponse(Variant, 'The new variant') },
  }),
  get: createRoute({
    method: 'get',
    path: '/variants/{id}',
    tags,
    middleware: [requirePermission('catalog.view')],
    request: { params: IdParam },
    responses: { 200: jsonResponse(Variant, 'The variant') },
  }),
  update: createRoute({
    method: 'patch',
    path: '/variants/{id}',
    tags,
    middleware: [requirePermission('catalog.edit')],
    request: { params: IdParam, ...jsonBody(VariantPatch) },
    responses: { 200: jsonResponse(Variant, 'The changed variant') },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/variants/{id}',
    tags,
    middleware: [requirePermission('catalog.edit')],
    request: { params: IdParam },
    responses: { 204: NoContent },
  }),
};

/** Variant routes of the vendor API. Each change also emits `catalog.product.updated` for its product. */
export function variantRoutes(router: PluginRouter, ctx: PluginContext): void {
  const touched = (platformId: number, vendorId: number, productId: number) =>
    ctx
      .withTenant({ vendorId }, (trx) => findProductRow(trx, vendorId, productId))
      .then((p) =>
        ctx.emit('catalog.product.updated', {
          platformId,
          vendorId,
          productId,
          slug: p.slug,
          status: p.status,
          changed: ['variants'],
        }),
      );

  router.openapi(routes.list, async (c) => {
    const vendorId = vendorIdOf(c);
    const { id } = c.req.valid('param');
    const product = await ctx.withTenant({ vendorId }, (trx) => getProduct(trx, vendorId, id));
    return c.json({ variants: product.variants }, 200);
  });

  router.openapi(routes.add, async (c) => {
    const w = await writeContext(ctx, c);
    const { id } = c.req.valid('param');
    const variant = await ctx.withTenant({ vendorId: w.vendorId }, async (trx) =>
      addVariant(trx, w, await findProductRow(trx, w.vendorId, id), c.req.valid('json')),
    );
    await touched(c.get('platform').id, w.vendorId, id);
    return c.json(variant, 201);
  });

  router.openapi(routes.get, async (c) => {
    const vendorId = vendorIdOf(c);
    const { id } = c.req.valid('param');
    return c.json(await ctx.withTenant({ vendorId }, (trx) => getVariant(trx, vendorId, id)), 200);
  });

  router.openapi(routes.update, async (c) => {
    const w = await writeContext(ctx, c);
    const { id } = c.req.valid('param');
    const variant = await ctx.withTenant({ vendorId: w.vendorId }, (trx) =>
      updateVariant(trx, w, id, c.req.valid('json')),
    );
    await touched(c.get('platform').id, w.vendorId, variant.productId);
    return c.json(variant, 200);
  });

  router.openapi(routes.remove, async (c) => {
    const vendorId = vendorIdOf(c);
    const { id } = c.req.valid('param');
    const variant = await ctx.withTenant({ vendorId }, (trx) => deleteVariant(trx, vendorId, id));
    await touched(c.get('platform').id, vendorId, variant.productId);
    return c.body(null, 204);
  });
}
