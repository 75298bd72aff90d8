import { definePlugin } from '@orion/sdk';
import './events.js';
import { categoryRoutes } from './categories-api.js';
import { seedCatalogDemo } from './demo.js';
import { productRoutes } from './products-api.js';
import { createVariantsService } from './service.js';
import { shopRoutes } from './shop-api.js';
import { createShopService } from './shop-service.js';
import { variantRoutes } from './variants-api.js';

/**
 * Catalog: products, variants and categories per vendor. Vendor JSON API at `/api/v1/vendor/catalog`, shop JSON API
 * at `/api/v1/shop/catalog`, the `catalog.variants` and `catalog.shop` services, and `catalog.product.*` events. See README.md.
 */
export default definePlugin({
  routes: {
    vendorApi: (router, ctx) => {
      productRoutes(router, ctx);
      variantRoutes(router, ctx);
      categoryRoutes(router, ctx);
    },
    shopApi: shopRoutes,
  },
  services: {
    variants: createVariantsService,
    shop: createShopService,
  },
  menu: {
    vendor: [
      { id: 'catalog.products', label: 'Products', href: '/catalog', section: 'Catalog', permission: 'catalog.view' },
    ],
  },
  demo: seedCatalogDemo,
});
