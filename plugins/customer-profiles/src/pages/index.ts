import type { PluginContext, PluginRouter } from '@orion/sdk';
import { addressPages } from './addresses.js';
import { detailPages } from './detail.js';
import { editPages } from './edit.js';
import { listPages } from './list.js';

/** Customer pages at `/vendor/<code>/customer-profiles`: the list (search, pages, CSV export) a customer's page, and editing their profile and addresses. */
export function vendorPages(router: PluginRouter, ctx: PluginContext): void {
  listPages(router, ctx);
  detailPages(router, ctx);
  editPages(router, ctx);
  addressPages(router, ctx);
}
