import { createRoute, type PluginContext, type PluginRouter, requirePermission, z } from '@orion/sdk';
import { CmsErrors } from '../errors.js';
import { announceDeleted, announceSaved } from '../events.js';
import { defaultsOf, overrideDefault } from '../overrides.js';
import {
  createPage,
  deletePage,
  getPage,
  listPages,
  PLATFORM_TABLES,
  updatePage,
  VENDOR_TABLES,
} from '../page-store.js';
import { Page, PageInput, SlugParam } from '../schemas.js';
import { crudRoutes } from './openapi.js';

const routes = crudRoutes(PageInput, z.object({}));

const own = (vendorId: number) => ({ vendor_id: vendorId });

const DefaultEntry = z.object({
  slug: z.string(),
  title: z.string(),
  overridden: z.boolean(),
  overrideId: z.number().int().nullable(),
});

const defaultsRoute = createRoute({
  method: 'get',
  path: '/defaults',
  summary: "The platform's default pages this shop inherits, and which ones it overrides",
  responses: {
    200: {
      description: 'The defaults',
      content: { 'application/json': { schema: z.object({ defaults: z.array(DefaultEntry) }) } },
    },
  },
});

const overrideRoute = createRoute({
  method: 'post',
  path: '/defaults/{slug}/override',
  summary: "Copy a default page into the shop's own pages, as a draft to edit and publish",
  request: { params: SlugParam },
  responses: { 201: { description: 'The copy', content: { 'application/json': { schema: Page } } } },
});

const revertRoute = createRoute({
  method: 'delete',
  path: '/defaults/{slug}/override',
  summary: "Delete the shop's own page at a default's address: the shop shows the default again",
  request: { params: SlugParam },
  responses: { 204: { description: 'Reverted' } },
});

/**
 * `/api/v1/vendor/cms`: the shop's own pages (overrides of defaults and custom pages). The kernel has set `vendor`
 * from the token or API key; every query runs in that vendor's tenant scope and names it.
 */
export function vendorApi(router: PluginRouter, ctx: PluginContext): void {
  const guard: Parameters<PluginRouter['use']>[1] = async (c, next) =>
    requirePermission(c.req.method === 'GET' ? 'cms.view' : 'cms.edit')(c, next);
  router.use('/pages', guard);
  router.use('/pages/*', guard);
  router.use('/defaults', guard);
  router.use('/defaults/*', guard);

  const scoped = <T>(
    vendorId: number,
    fn: (trx: Parameters<Parameters<PluginContext['withTenant']>[1]>[0]) => Promise<T>,
  ) => ctx.withTenant({ vendorId }, fn);

  router.openapi(routes.list, async (c) => {
    const vendorId = c.get('vendor')!.id;
    return c.json({ pages: await scoped(vendorId, (trx) => listPages(trx, VENDOR_TABLES, own(vendorId))) }, 200);
  });

  router.openapi(routes.create, async (c) => {
    const vendorId = c.get('vendor')!.id;
    const input = c.req.valid('json');
    const page = await scoped(vendorId, (trx) => createPage(trx, VENDOR_TABLES, own(vendorId), input, own(vendorId)));
    announceSaved(ctx, c.get('platform').id, vendorId, page, false);
    return c.json(page, 201);
  });

  router.openapi(routes.get, async (c) => {
    const vendorId = c.get('vendor')!.id;
    const { id } = c.req.valid('param');
    return c.json(await scoped(vendorId, (trx) => getPage(trx, VENDOR_TABLES, own(vendorId), id)), 200);
  });

  router.openapi(routes.update, async (c) => {
    const vendorId = c.get('vendor')!.id;
    const { page, wasPublished } = await scoped(vendorId, (trx) =>
      updatePage(trx, VENDOR_TABLES, own(vendorId), c.req.valid('param').id, c.req.valid('json'), own(vendorId)),
    );
    announceSaved(ctx, c.get('platform').id, vendorId, page, wasPublished);
    return c.json(page, 200);
  });

  router.openapi(routes.remove, async (c) => {
    const vendorId = c.get('vendor')!.id;
    const { id } = c.req.valid('param');
    const page = await scoped(vendorId, (trx) => deletePage(trx, VENDOR_TABLES, own(vendorId), id));
    announceDeleted(ctx, c.get('platform').id, vendorId, page);
    return c.body(null, 204);
  });

  router.openapi(defaultsRoute, async (c) => {
    const vendor = c.get('vendor')!;
    const defaults = await scoped(vendor.id, (trx) =>
      defaultsOf(trx, c.get('platform').id, vendor.id, vendor.defaultLanguage),
    );
    return c.json({ defaults }, 200);
  });

  router.openapi(overrideRoute, async (c) => {
    const vendorId = c.get('vendor')!.id;
    const { slug } = c.req.valid('param');
    const page = await scoped(vendorId, (trx) => overrideDefault(trx, c.get('platform').id, vendorId, slug));
    announceSaved(ctx, c.get('platform').id, vendorId, page, false);
    return c.json(page, 201);
  });

  router.openapi(revertRoute, async (c) => {
    const vendorId = c.get('vendor')!.id;
    const { slug } = c.req.valid('param');
    const page = await scoped(vendorId, async (trx) => {
      const isDefault = await trx(PLATFORM_TABLES.pages)
        .where({ platform_id: c.get('platform').id, tier: 'default', slug })
        .first('id');
      if (!isDefault) throw CmsErrors.DefaultNotFound({ slug });
      const row = await trx(VENDOR_TABLES.pages).where({ vendor_id: vendorId, slug }).first('id');
      if (!row) throw CmsErrors.NotOverridden({ slug });
      return deletePage(trx, VENDOR_TABLES, own(vendorId), Number(row.id));
    });
    announceDeleted(ctx, c.get('platform').id, vendorId, page);
    return c.body(null, 204);
  });
}
