import type { PluginContext, PluginRouter } from '@orion/sdk';

export { adminPages } from './admin.js';

import { mediaPages } from './media.js';
import { pageRoutes } from './page-routes.js';

/** The CMS's vendor pages at `/vendor/<code>/cms`: the shop's pages and its media library. */
export function vendorPages(router: PluginRouter, ctx: PluginContext): void {
  pageRoutes(router, ctx);
  mediaPages(router, ctx);
}
