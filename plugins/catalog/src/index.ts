import { definePlugin } from '@orion/sdk';
import './events.js';
import { categoryRoutes } from './categories-api.js';
import { seedCatalogDemo } from './demo.js';
import { imageShopApi, imageVendorApi } from './images/api.js';
import { messages } from './locales/index.js';
import { vendorPages } from './pages/index.js';
import { productRoutes } from './products-api.js';
import { createVariantsService } from './service.js';
import { shopRoutes } from './shop-api.js';
import { createShopService } from './shop-service.js';
import { variantRoutes } from './variants-api.js';

/**
 * Catalog: products, variants, categories and images per vendor. Vendor pages at `/vendor/<code>/catalog`, vendor JSON API at `/api/v1/vendor/catalog`, shop JSON API
 * at `/api/v1/shop/catalog`, the `catalog.variants` and `catalog.shop` services, and `catalog.product.*` events. See README.md.
 */
export default definePlugin({
  routes: {
    vendorApi: (router, ctx) => {
      productRoutes(router, ctx);
      variantRoutes(router, ctx);
      categoryRoutes(router, ctx);
      imageVendorApi(router, ctx);
    },
    shopApi: (router, ctx) => {
      shopRoutes(router, ctx);
      imageShopApi(router, ctx);
    },
    vendor: vendorPages,
  },
  services: {
    variants: createVariantsService,
    shop: createShopService,
  },
  menu: {
    vendor: [
      { id: 'catalog.products', label: 'Products', href: '/catalog', section: 'Catalog', permission: 'catalog.view' },
      {
        id: 'catalog.categories',
        label: 'Categories',
        href: '/catalog/categories',
        section: 'Catalog',
        order: 110,
        permission: 'catalog.view',
      },
    ],
  },
  // The product editor's side column: other plugins (inventory) add their blocks there. See README.md.
  slots: { offers: ['product.sidebar'] },
  messages,
  demo: seedCatalogDemo,
});
