import { definePlugin } from '@orion/sdk';
import { createAddressesService } from './customer-service.js';
import { seedProfilesDemo } from './demo.js';
import { messages } from './locales/index.js';
import { vendorPages } from './pages/index.js';
import { shopRoutes } from './shop-api.js';
import { shopPages } from './shop-pages.js';
import { vendorRoutes } from './vendor-api.js';

export type { CustomerAddressesService } from './customer-service.js';

/**
 * Customer profiles: profile fields, shipping and billing addresses (one default of each), marketing consent and
 * vendor notes for the kernel's shop customers. Shop JSON API at `/api/v1/shop/customer-profiles` (the signed-in
 * customer), vendor JSON API at `/api/v1/vendor/customer-profiles` (list, search, view, notes, CSV export), vendor
 * pages at `/vendor/<code>/customer-profiles`. Customer accounts are read through the kernel's `ctx.customers`.
 * See README.md.
 */
export default definePlugin({
  routes: {
    shopApi: shopRoutes,
    shop: shopPages,
    vendorApi: vendorRoutes,
    vendor: vendorPages,
  },
  messages,
  menu: {
    vendor: [
      {
        id: 'customer-profiles.list',
        label: 'Customers',
        href: '/customer-profiles',
        icon: 'users',
        section: 'Sales',
        permission: 'customer-profiles.view',
      },
    ],
  },
  services: {
    /** A customer's saved addresses: for the storefront's account page, and checkout's default address. */
    addresses: createAddressesService,
  },
  demo: seedProfilesDemo,
});
