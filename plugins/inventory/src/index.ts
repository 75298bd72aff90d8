import { definePlugin } from '@orion/sdk';
import './events.js';
import { seedInventoryDemo } from './demo.js';
import { messages } from './locales/index.js';
import { locationRoutes } from './locations-api.js';
import { vendorPages } from './pages/index.js';
import { productStockSummary } from './pages/product-sidebar.js';
import { reservationRoutes } from './reservations-api.js';
import { createReservationsService } from './service.js';
import { stockRoutes } from './stock-api.js';
import { startSweep, stopSweep } from './sweep.js';

/**
 * Inventory: stock per variant and location, adjustments with history, `inventory.low` events, and reservations that
 * never oversell (the `inventory.reservations` service). Vendor JSON API at `/api/v1/vendor/inventory`; vendor pages
 * (stock levels with inline editing, history, locations) at `/vendor/<code>/inventory`.
 */
export default definePlugin({
  routes: {
    vendorApi: (router, ctx) => {
      stockRoutes(router, ctx);
      locationRoutes(router, ctx);
      reservationRoutes(router, ctx);
    },
    vendor: vendorPages,
  },
  messages,
  services: {
    reservations: createReservationsService,
  },
  menu: {
    vendor: [
      // After the catalog's Products (order 100), in this order.
      {
        id: 'inventory.stock',
        label: 'Stock',
        href: '/inventory',
        section: 'Catalog',
        permission: 'inventory.view',
        order: 110,
      },
      {
        id: 'inventory.history',
        label: 'Stock history',
        href: '/inventory/history',
        section: 'Catalog',
        permission: 'inventory.view',
        order: 111,
      },
      {
        id: 'inventory.locations',
        label: 'Locations',
        href: '/inventory/locations',
        section: 'Catalog',
        permission: 'inventory.view',
        order: 112,
      },
    ],
  },
  // The catalog's product editor offers this slot; inventory fills it without importing the catalog's code.
  slots: { fills: { 'product.sidebar': productStockSummary } },
  demo: seedInventoryDemo,
  // Expired checkout holds are released every minute.
  events: {
    'kernel.started': (_payload, ctx) => startSweep(ctx),
  },
  dispose: stopSweep,
});
