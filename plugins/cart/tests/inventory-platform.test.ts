import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTestPlatform,
  createTestVendor,
  enablePlugins,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { call, cartApi, cartOf, createVariant, startCartKernel } from './helpers.js';

describe('cart: stock checks follow whether inventory is enabled on the platform', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let mug: number;

  before(async () => {
    kernel = await startCartKernel(import.meta.url, true);
    await createTestPlatform(kernel, 'other');
    // Inventory is installed (enabled on another platform) but not enabled where the shop sells.
    await enablePlugins(kernel, ['inventory'], 'other');
    await enablePlugins(kernel, ['catalog', 'cart']);
    shop = await createTestVendor(kernel);
    mug = await createVariant(kernel, shop.headers, 'Mug', 899);
  });
  after(() => kernel.stop());

  it('sells without stock checks where inventory is off, and checks stock once it is enabled there', async () => {
    const api = cartApi(shop.code);
    const added = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: mug, quantity: 2 });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const cart = cartOf(added);
    assert.deepEqual(
      cart.lines.map((l) => [l.variantId, l.quantity]),
      [[mug, 2]],
    );
    assert.deepEqual(cart.messages, [], 'no "out of stock" where nothing tracks stock');

    await enablePlugins(kernel, ['inventory']);
    const refused = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: mug, quantity: 1 });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'CART_OUT_OF_STOCK');
    const kept = cartOf(await call(kernel, 'GET', api, { cookie: added.cookie! }));
    assert.match(kept.messages.join(' '), /out of stock/, 'the cart now reports the untracked mug as out of stock');
  });
});
