import { definePlugin } from '@orion/sdk';
import './events.js';
import { seedInventoryDemo } from './demo.js';
import { locationRoutes } from './locations-api.js';
import { reservationRoutes } from './reservations-api.js';
import { createReservationsService } from './service.js';
import { stockRoutes } from './stock-api.js';

/**
 * Inventory: stock per variant and location, adjustments with history, `inventory.low` events, and reservations that
 * never oversell (the `inventory.reservations` service). Vendor JSON API at `/api/v1/vendor/inventory`.
 */
export default definePlugin({
  routes: {
    vendorApi: (router, ctx) => {
      stockRoutes(router, ctx);
      locationRoutes(router, ctx);
      reservationRoutes(router, ctx);
    },
  },
  services: {
    reservations: createReservationsService,
  },
  menu: {
    vendor: [
      { id: 'inventory.stock', label: 'Stock', href: '/inventory', section: 'Catalog', permission: 'inventory.view' },
    ],
  },
  demo: seedInventoryDemo,
});
