import { type PluginContext, type PluginRouter, requirePermission, z } from '@orion/sdk';
import { announceDeleted, announceSaved } from '../events.js';
import { createPage, deletePage, getPage, listPages, PLATFORM_TABLES, updatePage } from '../page-store.js';
import { PlatformPageInput, Tier } from '../schemas.js';
import { crudRoutes } from './openapi.js';

const routes = crudRoutes(PlatformPageInput, z.object({ tier: Tier.optional() }));

const owner = (platformId: number, tier?: string): Record<string, string | number> =>
  tier ? { platform_id: platformId, tier } : { platform_id: platformId };

/**
 * `/api/v1/admin/cms`: the platform's marketing pages and the default pages every shop inherits. The kernel lets
 * only administrators of the request's platform in; every query names that platform, so another platform's page
 * id is not found.
 */
export function adminApi(router: PluginRouter, ctx: PluginContext): void {
  router.use('/pages', requirePermission('cms.platform'));
  router.use('/pages/*', requirePermission('cms.platform'));

  router.openapi(routes.list, async (c) => {
    const { tier } = c.req.valid('query');
    return c.json({ pages: await listPages(ctx.db, PLATFORM_TABLES, owner(c.get('platform').id, tier)) }, 200);
  });

  router.openapi(routes.create, async (c) => {
    const { tier, ...input } = c.req.valid('json');
    const platformId = c.get('platform').id;
    const page = await ctx.db.transaction((trx) => createPage(trx, PLATFORM_TABLES, owner(platformId, tier), input));
    announceSaved(ctx, platformId, null, page, false);
    return c.json(page, 201);
  });

  router.openapi(routes.get, async (c) => {
    return c.json(await getPage(ctx.db, PLATFORM_TABLES, owner(c.get('platform').id), c.req.valid('param').id), 200);
  });

  router.openapi(routes.update, async (c) => {
    const { tier, ...input } = c.req.valid('json');
    const platformId = c.get('platform').id;
    const { id } = c.req.valid('param');
    // The tier is fixed at creation: naming the other tier finds no page.
    const { page, wasPublished } = await ctx.db.transaction((trx) =>
      updatePage(trx, PLATFORM_TABLES, owner(platformId, tier), id, input),
    );
    announceSaved(ctx, platformId, null, page, wasPublished);
    return c.json(page, 200);
  });

  router.openapi(routes.remove, async (c) => {
    const platformId = c.get('platform').id;
    const page = await ctx.db.transaction((trx) =>
      deletePage(trx, PLATFORM_TABLES, owner(platformId), c.req.valid('param').id),
    );
    announceDeleted(ctx, platformId, null, page);
    return c.body(null, 204);
  });
}
