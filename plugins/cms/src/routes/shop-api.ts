import { createRoute, type PluginContext, type PluginRouter, type Vendor } from '@orion/sdk';
import { type Audience, findVisiblePage, navigation, platformLanguage } from '../lookup.js';
import { LangQuery, Navigation, RenderedPage, SlugParam } from '../schemas.js';

const pageRoute = createRoute({
  method: 'get',
  path: '/pages/{slug}',
  summary:
    "A published page: in a shop, the shop's own page or else the platform's default; on the platform's site, its marketing page",
  request: { params: SlugParam, query: LangQuery },
  responses: {
    200: { description: 'The page, as safe HTML', content: { 'application/json': { schema: RenderedPage } } },
  },
});

const navigationRoute = createRoute({
  method: 'get',
  path: '/navigation',
  summary: 'Header and footer links to published pages, in order',
  request: { query: LangQuery },
  responses: { 200: { description: 'The links', content: { 'application/json': { schema: Navigation } } } },
});

/**
 * `/api/v1/shop/cms`, for everyone. On a shop's host (or `/vendors/<code>/shop/api/v1/shop/cms`) it serves that
 * shop's pages with inheritance; on the platform's own host, where the request has no vendor, the platform's
 * marketing pages (plugins cannot add routes to the `site` area yet).
 */
export function shopApi(router: PluginRouter, ctx: PluginContext): void {
  const audience = async (
    platformId: number,
    vendor: Vendor | undefined,
    requested: Array<string | undefined>,
  ): Promise<Audience> => {
    const wanted = [...requested, vendor?.defaultLanguage, await platformLanguage(ctx.db, platformId)];
    return {
      platformId,
      vendor: vendor ? { id: vendor.id, defaultLanguage: vendor.defaultLanguage } : undefined,
      languages: [...new Set(wanted.filter((l): l is string => Boolean(l)))],
    };
  };

  router.openapi(pageRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const who = await audience(c.get('platform').id, c.get('vendor'), [c.req.valid('query').lang, c.get('language')]);
    return c.json(await findVisiblePage(ctx, who, slug), 200);
  });

  router.openapi(navigationRoute, async (c) => {
    const who = await audience(c.get('platform').id, c.get('vendor'), [c.req.valid('query').lang, c.get('language')]);
    return c.json(await navigation(ctx, who), 200);
  });
}
