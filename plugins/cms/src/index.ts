import { definePlugin } from '@orion/sdk';
import './events.js';
import { seedCmsDemo } from './demo.js';
import { messages } from './locales/index.js';
import { adminPages, vendorPages } from './pages/index.js';
import { adminApi } from './routes/admin-api.js';
import { mediaShopApi, mediaVendorApi } from './routes/media-api.js';
import { shopApi } from './routes/shop-api.js';
import { vendorApi } from './routes/vendor-api.js';
import { createPagesService } from './service.js';

/**
 * Content pages in three tiers: the platform's marketing pages, the platform's default shop pages, and each shop's
 * overrides and custom pages. JSON routes in routes/, vendor pages (`/vendor/<code>/cms`) in pages/, queries in page-store.ts and lookup.ts, Markdown in markdown.ts.
 */
export default definePlugin({
  routes: {
    adminApi,
    vendorApi: (router, ctx) => {
      vendorApi(router, ctx);
      mediaVendorApi(router, ctx);
    },
    shopApi: (router, ctx) => {
      shopApi(router, ctx);
      mediaShopApi(router, ctx);
    },
    admin: adminPages,
    vendor: vendorPages,
  },
  messages,
  menu: {
    admin: [
      { id: 'cms.pages', label: 'Content pages', href: '/cms/pages', section: 'Platform', permission: 'cms.platform' },
    ],
    vendor: [
      { id: 'cms.pages', label: 'Pages', href: '/cms/pages', section: 'Shop', permission: 'cms.view', order: 300 },
      {
        id: 'cms.media',
        label: 'Media library',
        href: '/cms/media',
        section: 'Shop',
        permission: 'cms.view',
        order: 301,
      },
    ],
  },
  services: {
    pages: createPagesService,
  },
  demo: seedCmsDemo,
  health: async (ctx) => {
    await ctx.db.raw('select 1 from cms__platform_pages limit 1');
  },
});
