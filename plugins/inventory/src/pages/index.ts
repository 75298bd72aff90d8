import type { PluginContext, PluginRouter } from '@orion/sdk';
import { historyPages } from './history.js';
import { locationPages } from './locations.js';
import { newStockPages } from './new-stock.js';
import { stockPages } from './stock.js';

/** Inventory's vendor pages at `/vendor/<code>/inventory`: stock levels, the adjustment history, locations. */
export function vendorPages(router: PluginRouter, ctx: PluginContext): void {
  historyPages(router, ctx);
  locationPages(router, ctx);
  newStockPages(router, ctx);
  stockPages(router, ctx);
}
