import { createRoute, type PluginContext, type PluginRouter, requirePermission, z } from '@orion/sdk';
import { createCategory, deleteCategory, listCategories, updateCategory } from './categories.js';
import { jsonBody, jsonResponse, NoContent, vendorIdOf } from './http.js';
import { Category, CategoryInput, CategoryPatch, IdParam } from './schemas.js';

const tags = ['catalog'];
const CategoryList = z.object({ categories: z.array(Category) });

const routes = {
  list: createRoute({
    method: 'get',
    path: '/categories',
    tags,
    middleware: [requirePermission('catalog.view')],
    responses: { 200: jsonResponse(CategoryList, 'Every category, parents before their children') },
  }),
  create: createRoute({
    method: 'post',
    path: '/categories',
    tags,
    middleware: [requirePermission('catalog.edit')],
    request: jsonBody(CategoryInput),
    responses: { 201: jsonResponse(Category, 'The new category') },
  }),
  update: createRoute({
    method: 'patch',
    path: '/categories/{id}',
    tags,
    summary: 'Rename, move or reorder a category',
    middleware: [requirePermission('catalog.edit')],
    request: { params: IdParam, ...jsonBody(CategoryPatch) },
    responses: { 200: jsonResponse(Category, 'The changed category') },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/categories/{id}',
    tags,
    middleware: [requirePermission('catalog.edit')],
    request: { params: IdParam },
    responses: { 204: NoContent },
  }),
};

/** Category routes of the vendor API: one tree per vendor. */
export function categoryRoutes(router: PluginRouter, ctx: PluginContext): void {
  router.openapi(routes.list, async (c) => {
    const vendorId = vendorIdOf(c);
    return c.json({ categories: await ctx.withTenant({ vendorId }, (trx) => listCategories(trx, vendorId)) }, 200);
  });
  router.openapi(routes.create, async (c) => {
    const vendorId = vendorIdOf(c);
    const category = await ctx.withTenant({ vendorId }, (trx) => createCategory(trx, vendorId, c.req.valid('json')));
    return c.json(category, 201);
  });
  router.openapi(routes.update, async (c) => {
    const vendorId = vendorIdOf(c);
    const { id } = c.req.valid('param');
    const category = await ctx.withTenant({ vendorId }, (trx) =>
      updateCategory(trx, vendorId, id, c.req.valid('json')),
    );
    return c.json(category, 200);
  });
  router.openapi(routes.remove, async (c) => {
    const vendorId = vendorIdOf(c);
    const { id } = c.req.valid('param');
    await ctx.withTenant({ vendorId }, (trx) => deleteCategory(trx, vendorId, id));
    return c.body(null, 204);
  });
}
