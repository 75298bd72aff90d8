import type { PluginContext, PluginRouter } from '@orion/sdk';
import { categoryPages } from './categories.js';
import { imagePages } from './images.js';
import { productDeletePages } from './product-delete.js';
import { productEditorPages } from './product-editor.js';
import { productListPages } from './products-list.js';
import { variantPages } from './variants.js';

/** The catalog's vendor pages at `/vendor/<code>/catalog`. Every form works without JavaScript. */
export function vendorPages(router: PluginRouter, ctx: PluginContext): void {
  productListPages(router, ctx);
  productEditorPages(router, ctx);
  productDeletePages(router, ctx);
  variantPages(router, ctx);
  imagePages(router, ctx);
  categoryPages(router, ctx);
}
