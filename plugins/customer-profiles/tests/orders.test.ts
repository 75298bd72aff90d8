import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createTestCustomer,
  createTestVendor,
  enablePlugins,
  pluginPackageDir,
  startTestKernel,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { call } from './helpers.js';

describe("customer profiles: a customer's orders, from the orders plugin's service", () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let other: TestVendor;
  let anna: { id: number; headers: Record<string, string> };
  let bob: { id: number };
  let number: number;

  before(async () => {
    const profiles = pluginPackageDir(import.meta.url);
    const dirs = ['catalog', 'inventory', 'payments', 'orders'].map((id) => path.join(path.dirname(profiles), id));
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [...dirs, profiles] } });
    await enablePlugins(kernel, ['inventory', 'payments', 'orders', 'customer-profiles']);
    shop = await createTestVendor(kernel);
    other = await createTestVendor(kernel);
    anna = await createTestCustomer(kernel, shop.id);
    bob = await createTestCustomer(kernel, shop.id);
    const product = await call(kernel, 'POST', '/api/v1/vendor/catalog/products', shop.headers, {
      title: 'Blue mug',
      status: 'active',
      variants: [{ sku: `CP-${process.pid}`, price: { amountMinor: 1250, currency: 'EUR' } }],
    });
    const variantId = (product.body.variants as { id: number }[])[0]?.id;
    await call(kernel, 'POST', `/api/v1/vendor/inventory/stock/${variantId}/adjustments`, shop.headers, {
      delta: 5,
      reason: 'received',
    });
    const order = await call(kernel, 'POST', `/vendors/${shop.code}/shop/api/v1/shop/orders`, anna.headers, {
      lines: [{ variantId, quantity: 2 }],
      contact: { email: 'anna@example.com', name: 'Anna Muller' },
      shippingAddress: {
        name: 'Anna Muller',
        line1: '1 Rue du Fort',
        postalCode: 'L-1234',
        city: 'Luxembourg',
        country: 'LU',
      },
      shipping: { amountMinor: 500, currency: 'EUR' },
      payment: { provider: 'manual' },
    });
    assert.equal(order.status, 201, order.text);
    number = order.body.number as number;
  });
  after(() => kernel.stop());

  const detail = (id: number, v = shop) =>
    kernel.request(`/vendor/${v.code}/customer-profiles/${id}`, {
      headers: { authorization: v.headers.authorization as string },
    });

  it('lists the orders placed with the account, linked to the order page', async () => {
    const html = await (await detail(anna.id)).text();
    assert.match(html, /<h2[^>]*>Orders</);
    assert.match(html, new RegExp(`/vendor/${shop.code}/orders/\\d+">#${number}<`));
    assert.match(html, /30\.00/);
    assert.match(await (await detail(bob.id)).text(), /No order yet\./);
  });

  it("answers 404 for another vendor's customer, orders or not", async () => {
    assert.equal((await detail(anna.id, other)).status, 404);
  });
});
