import { createRoute, type PluginContext, type PluginRouter, z } from '@orion/sdk';
import { listCategories } from './categories.js';
import { CatalogErrors } from './errors.js';
import { jsonResponse, vendorIdOf } from './http.js';
import { Category, ListQuery, Product, ProductPage } from './schemas.js';
import { findActiveBySlug } from './search.js';
import { searchProducts } from './stock-filter.js';

const tags = ['catalog'];
/** Shoppers get active products only, so the vendor-only filters are left out. */
const ShopQuery = ListQuery.omit({ status: true });

const routes = {
  list: createRoute({
    method: 'get',
    path: '/products',
    tags,
    summary: "Search the shop's active products",
    request: { query: ShopQuery },
    responses: { 200: jsonResponse(ProductPage, 'One page of active products') },
  }),
  get: createRoute({
    method: 'get',
    path: '/products/{slug}',
    tags,
    request: { params: z.object({ slug: z.string().max(120) }) },
    responses: { 200: jsonResponse(Product, 'An active product') },
  }),
  categories: createRoute({
    method: 'get',
    path: '/categories',
    tags,
    responses: { 200: jsonResponse(z.object({ categories: z.array(Category) }), "The shop's categories") },
  }),
};

/**
 * Shop routes at `/api/v1/shop/catalog`, for everyone. The vendor is the shop of the request's host or path: a
 * shop never lists another vendor's products, nor drafts, archived or deleted ones.
 */
export function shopRoutes(router: PluginRouter, ctx: PluginContext): void {
  router.openapi(routes.list, async (c) => {
    const vendorId = vendorIdOf(c);
    const query = c.req.valid('query');
    const page = await searchProducts(
      ctx,
      { vendorId, platformId: c.get('platform')?.id, language: c.get('language'), shop: true },
      query,
    );
    return c.json({ ...page, page: query.page, pageSize: query.pageSize }, 200);
  });
  router.openapi(routes.get, async (c) => {
    const vendorId = vendorIdOf(c);
    const { slug } = c.req.valid('param');
    const product = await ctx.withTenant({ vendorId }, (trx) => findActiveBySlug(trx, vendorId, slug));
    if (!product) throw CatalogErrors.NotFound({ what: 'product', id: slug });
    return c.json(product, 200);
  });
  router.openapi(routes.categories, async (c) => {
    const vendorId = vendorIdOf(c);
    return c.json({ categories: await ctx.withTenant({ vendorId }, (trx) => listCategories(trx, vendorId)) }, 200);
  });
}
