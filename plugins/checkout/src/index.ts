import { definePlugin } from '@orion/sdk';
import { seedCheckoutDemo } from './demo.js';
import { messages } from './locales/index.js';
import { shopRoutes } from './shop-api.js';
import { shopPages } from './shop-pages.js';
import { vendorApi } from './vendor-api.js';
import { vendorPages } from './vendor-pages.js';

/**
 * Checkout: contact, shipping address, shipping method and payment steps, a review, and idempotent placement
 * through the orders service (the checkout session's id is the idempotency key). Shipping methods per vendor (flat,
 * free above a threshold, pickup). Shop pages under `/checkout` of the shop (steps, confirmation, tracking), shop
 * JSON API at `/api/v1/shop/checkout`, vendor pages and API for shipping methods. See README.md.
 */
export default definePlugin({
  messages,
  routes: {
    shopApi: shopRoutes,
    shop: shopPages,
    vendor: vendorPages,
    vendorApi: vendorApi,
  },
  menu: {
    vendor: [
      {
        id: 'checkout.shipping',
        label: 'Shipping methods',
        href: '/checkout/shipping',
        section: 'Sales',
        permission: 'checkout.shipping',
      },
    ],
  },
  demo: seedCheckoutDemo,
});
