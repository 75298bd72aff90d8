import { definePlugin } from '@orion/sdk';
import { createAddressesService } from './customer-service.js';
import { seedProfilesDemo } from './demo.js';
import { shopRoutes } from './shop-api.js';
import { vendorRoutes } from './vendor-api.js';

/**
 * Customer profiles: profile fields, shipping and billing addresses (one default of each), marketing consent and
 * vendor notes for the kernel's shop customers. Shop JSON API at `/api/v1/shop/customer-profiles` (the signed-in
 * customer), vendor JSON API at `/api/v1/vendor/customer-profiles` (list, search, view, notes, CSV export).
 * See README.md.
 */
export default definePlugin({
  routes: {
    shopApi: shopRoutes,
    vendorApi: vendorRoutes,
  },
  services: {
    /** A customer's saved addresses, for the storefront's account page. */
    addresses: createAddressesService,
  },
  demo: seedProfilesDemo,
});
