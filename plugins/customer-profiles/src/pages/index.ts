import type { PluginContext, PluginRouter } from '@orion/sdk';
import { detailPages } from './detail.js';
import { listPages } from './list.js';

/** Customer pages at `/vendor/<code>/customer-profiles`: the list (search, pages, CSV export) and a customer's page. */
export function vendorPages(router: PluginRouter, ctx: PluginContext): void {
  listPages(router, ctx);
  detailPages(router, ctx);
}
