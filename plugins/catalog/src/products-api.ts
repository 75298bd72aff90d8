import { createRoute, type PluginContext, type PluginRouter, requirePermission, z } from '@orion/sdk';
import type { Context } from 'hono';
import type { ProductEvent } from './events.js';
import { jsonBody, jsonResponse, NoContent, vendorIdOf } from './http.js';
import { bulkStatus, createProduct, deleteProduct, findProductRow, getProduct, updateProduct } from './products.js';
import { IdParam, ListQuery, Product, ProductInput, ProductPage, ProductPatch, StatusSchema } from './schemas.js';
import { searchProducts } from './stock-filter.js';

const tags = ['catalog'];

const routes = {
  list: createRoute({
    method: 'get',
    path: '/products',
    tags,
    summary: 'Search and list products',
    middleware: [requirePermission('catalog.view')],
    request: { query: ListQuery },
    responses: { 200: jsonResponse(ProductPage, 'One page of products') },
  }),
  create: createRoute({
    method: 'post',
    path: '/products',
    tags,
    summary: 'Create a product with its variants',
    middleware: [requirePermission('catalog.edit')],
    request: jsonBody(ProductInput),
    responses: { 201: jsonResponse(Product, 'The new product') },
  }),
  get: createRoute({
    method: 'get',
    path: '/products/{id}',
    tags,
    middleware: [requirePermission('catalog.view')],
    request: { params: IdParam },
    responses: { 200: jsonResponse(Product, 'The product') },
  }),
  update: createRoute({
    method: 'patch',
    path: '/products/{id}',
    tags,
    middleware: [requirePermission('catalog.edit')],
    request: { params: IdParam, ...jsonBody(ProductPatch) },
    responses: { 200: jsonResponse(Product, 'The changed product') },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/products/{id}',
    tags,
    summary: 'Soft-delete a product',
    middleware: [requirePermission('catalog.edit')],
    request: { params: IdParam },
    responses: { 204: NoContent },
  }),
  bulk: createRoute({
    method: 'post',
    path: '/products/bulk-status',
    tags,
    summary: 'Set the status of many products',
    middleware: [requirePermission('catalog.edit')],
    request: jsonBody(z.object({ ids: z.array(z.number().int().positive()).min(1).max(500), status: StatusSchema })),
    responses: {
      200: jsonResponse(
        z.object({ updated: z.array(z.number().int()), notFound: z.array(z.number().int()) }),
        'Which products changed, and which ids this shop does not have',
      ),
    },
  }),
};

/** The write context of a request: its vendor and its platform's catalog currency. */
export async function writeContext(ctx: PluginContext, c: Context) {
  const settings = await ctx.settings(c.get('platform')!.id);
  return { vendorId: vendorIdOf(c), currency: String(settings.currency) };
}

export function event(
  c: Context,
  vendorId: number,
  p: { id: number; slug: string; status: Product['status'] },
): ProductEvent {
  return { platformId: c.get('platform')!.id, vendorId, productId: Number(p.id), slug: p.slug, status: p.status };
}

/** Product routes of the vendor API, mounted at `/api/v1/vendor/catalog`. */
export function productRoutes(router: PluginRouter, ctx: PluginContext): void {
  router.openapi(routes.list, async (c) => {
    const vendorId = vendorIdOf(c);
    const query = c.req.valid('query');
    const page = await searchProducts(
      ctx,
      { vendorId, platformId: c.get('platform')?.id, language: c.get('language'), shop: false },
      query,
    );
    return c.json({ ...page, page: query.page, pageSize: query.pageSize }, 200);
  });

  router.openapi(routes.create, async (c) => {
    const w = await writeContext(ctx, c);
    const product = await ctx.withTenant({ vendorId: w.vendorId }, (trx) => createProduct(trx, w, c.req.valid('json')));
    ctx.emit('catalog.product.created', event(c, w.vendorId, product));
    return c.json(product, 201);
  });

  router.openapi(routes.get, async (c) => {
    const vendorId = vendorIdOf(c);
    const { id } = c.req.valid('param');
    return c.json(await ctx.withTenant({ vendorId }, (trx) => getProduct(trx, vendorId, id)), 200);
  });

  router.openapi(routes.update, async (c) => {
    const vendorId = vendorIdOf(c);
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const product = await ctx.withTenant({ vendorId }, (trx) => updateProduct(trx, vendorId, id, patch));
    ctx.emit('catalog.product.updated', { ...event(c, vendorId, product), changed: Object.keys(patch) });
    return c.json(product, 200);
  });

  router.openapi(routes.remove, async (c) => {
    const vendorId = vendorIdOf(c);
    const { id } = c.req.valid('param');
    const row = await ctx.withTenant({ vendorId }, (trx) => deleteProduct(trx, vendorId, id));
    ctx.emit('catalog.product.deleted', event(c, vendorId, row));
    return c.body(null, 204);
  });

  router.openapi(routes.bulk, async (c) => {
    const vendorId = vendorIdOf(c);
    const { ids, status } = c.req.valid('json');
    const result = await ctx.withTenant({ vendorId }, async (trx) => {
      const outcome = await bulkStatus(trx, vendorId, ids, status);
      const rows = [];
      for (const id of outcome.updated) rows.push(await findProductRow(trx, vendorId, id)); // one connection: in turn
      return { outcome, rows };
    });
    for (const row of result.rows) {
      ctx.emit('catalog.product.updated', { ...event(c, vendorId, row), changed: ['status'] });
    }
    return c.json(result.outcome, 200);
  });
}
