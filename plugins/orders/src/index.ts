import { definePlugin } from '@orion/sdk';
import './events.js';
import { createCustomerOrders } from './customer-orders.js';
import { seedOrdersDemo } from './demo.js';
import { OrderErrors } from './errors.js';
import { vendorPages } from './pages.js';
import { findByRef } from './queries.js';
import { createOrdersService } from './service.js';
import { shopRoutes } from './shop-api.js';
import { transition } from './transitions.js';
import { vendorRoutes } from './vendor-api.js';

export type { OrderDetail, OrdersService } from './service.js';

/**
 * Orders: placement that reserves stock (inventory) and authorizes payment (payments) in one transaction,
 * idempotent with an `Idempotency-Key`; a state machine with a status history and `orders.order.*` events;
 * cancellations that release stock; refunds through the provider. Vendor JSON API at `/api/v1/vendor/orders`,
 * shop JSON API at `/api/v1/shop/orders`. See README.md.
 */
export default definePlugin({
  routes: {
    vendorApi: vendorRoutes,
    shopApi: shopRoutes,
    vendor: vendorPages,
  },
  services: {
    customerOrders: createCustomerOrders,
    orders: createOrdersService,
  },
  menu: {
    vendor: [{ id: 'orders.list', label: 'Orders', href: '/orders', section: 'Sales', permission: 'orders.view' }],
  },
  events: {
    /** A gateway confirmed the capture of an order's payment: the pending order becomes paid. */
    'payments.payment.captured': async (payload, ctx) => {
      if (!payload.orderRef.startsWith('ord_') || payload.platformId === undefined) return;
      const { vendorId } = payload;
      const row = await ctx.withTenant({ vendorId }, (trx) => findByRef(trx, vendorId, payload.orderRef));
      if (row?.status !== 'pending') return;
      try {
        await transition(
          ctx,
          { vendorId, platformId: payload.platformId, actor: `payments:${payload.provider}`, paymentConfirmed: true },
          Number(row.id),
          { to: 'paid', note: `Payment ${payload.paymentId} captured` },
        );
      } catch (err) {
        // The vendor marked it paid (or cancelled it) meanwhile: nothing left to do.
        if (!OrderErrors.InvalidTransition.is(err)) throw err;
      }
    },
  },
  demo: seedOrdersDemo,
});
