import { definePlugin } from '@orion/sdk';
import './events.js';
import { shopRoutes, vendorRoutes } from './api.js';
import { createPaymentsService, liveServices } from './service.js';

export type { CardInput, PaymentProvider, PaymentStatus, ProviderOutcome, WebhookEvent } from './provider.js';
export type { Payment } from './rows.js';
export type { PaymentsService } from './service.js';

/**
 * Payments: the `PaymentProvider` interface, the `manual` (bank transfer) and `testgateway` (cards, signed
 * callbacks) providers, payments per vendor, the `payments.payments` service, a vendor JSON API at
 * `/api/v1/vendor/payments` and provider webhooks at `/api/v1/shop/payments/webhooks/{provider}`. See README.md.
 */
export default definePlugin({
  routes: {
    vendorApi: vendorRoutes,
    shopApi: shopRoutes,
  },
  services: {
    payments: createPaymentsService,
  },
  dispose: () => {
    for (const service of [...liveServices]) service.close();
  },
});
