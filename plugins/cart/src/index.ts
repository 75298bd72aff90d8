import { definePlugin } from '@orion/sdk';
import { messages } from './locales/index.js';
import { addToCartFill, cartLinkFill, cartPages } from './pages.js';
import { createCartService } from './service.js';
import { shopRoutes } from './shop-api.js';
import { startSweep, stopSweep } from './sweep.js';

export type { CartLineView, CartService, CartView } from './service.js';

/**
 * Cart: session carts for guests (signed cookie) and signed-in customers, merged on sign-in, with price snapshots
 * re-checked against the catalog (and inventory, when there). Shop JSON API at `/api/v1/shop/cart` and the
 * `cart.carts` service. Expired guest carts are deleted on access and whenever the vendor's shop opens a new guest
 * cart (`carts.purgeExpired()` sweeps every vendor, for a scheduler). See README.md.
 */
export default definePlugin({
  messages,
  routes: {
    shopApi: shopRoutes,
    shop: cartPages,
  },
  slots: { fills: { 'product.buy-box': addToCartFill, 'shop.header.tools': cartLinkFill } },
  services: {
    carts: createCartService,
  },
  events: {
    'kernel.started': (_payload, ctx) => startSweep(ctx),
  },
  dispose: stopSweep,
});
