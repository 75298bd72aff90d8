import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  asSystem,
  createTestCustomer,
  createTestVendor,
  enablePlugins,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { call, cartApi, cartOf, createVariant, startCartKernel } from './helpers.js';

describe('cart: sign-in merge, expiry and one shop per cart', () => {
  let kernel: TestKernel;
  let a: TestVendor;
  let b: TestVendor;
  let tee: number;
  let mug: number;

  before(async () => {
    kernel = await startCartKernel(import.meta.url, true);
    await enablePlugins(kernel, ['catalog', 'inventory', 'cart']);
    a = await createTestVendor(kernel);
    b = await createTestVendor(kernel);
    tee = await createVariant(kernel, a.headers, 'Tee', 1500);
    mug = await createVariant(kernel, a.headers, 'Mug', 899);
    for (const [variantId, quantity] of [
      [tee, 20],
      [mug, 3],
    ] as const) {
      const res = await call(kernel, 'POST', `/api/v1/vendor/inventory/stock/${variantId}/adjustments`, a.headers, {
        delta: quantity,
        reason: 'received',
      });
      assert.ok(res.status < 300, JSON.stringify(res.body));
    }
  });
  after(() => kernel.stop());

  it("merges the guest cart into the customer's cart at the first cart request after sign-in", async () => {
    const api = cartApi(a.code);
    const customer = await createTestCustomer(kernel, a.id);
    await call(kernel, 'POST', `${api}/lines`, customer.headers, { variantId: tee, quantity: 1 });
    const guest = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: tee, quantity: 2 });
    await call(kernel, 'POST', `${api}/lines`, { cookie: guest.cookie! }, { variantId: mug, quantity: 1 });

    const merged = await call(kernel, 'GET', api, { ...customer.headers, cookie: guest.cookie! });
    const cart = cartOf(merged);
    assert.equal(cart.customerId, customer.id);
    assert.deepEqual(
      cart.lines.map((l) => [l.variantId, l.quantity]),
      [
        [tee, 3],
        [mug, 1],
      ],
    );
    assert.match(merged.cookie ?? '', /^orion_cart_\d+=$/, 'the guest cookie is cleared');
    const guestAfter = cartOf(await call(kernel, 'GET', api, { cookie: guest.cookie! }));
    assert.deepEqual(guestAfter.lines, [], 'the guest cart is gone from the guest cookie');
  });

  it('hands the guest cart over whole when the customer had none', async () => {
    const api = cartApi(a.code);
    const customer = await createTestCustomer(kernel, a.id);
    const guest = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: mug, quantity: 2 });
    const cart = cartOf(await call(kernel, 'GET', api, { ...customer.headers, cookie: guest.cookie! }));
    assert.deepEqual([cart.id, cart.customerId, cart.itemCount], [cartOf(guest).id, customer.id, 2]);
  });

  it('refuses more units than inventory has, and reports a line that outgrew the stock', async () => {
    const api = cartApi(a.code);
    const refused = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: mug, quantity: 4 });
    assert.deepEqual([refused.status, refused.body.code], [409, 'CART_OUT_OF_STOCK']);
    assert.match(String(refused.body.detail), /Only 3 of CART-.* left in stock/);

    const ok = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: mug, quantity: 3 });
    await call(kernel, 'POST', `/api/v1/vendor/inventory/stock/${mug}/adjustments`, a.headers, {
      delta: -2,
      reason: 'damaged',
    });
    const cart = cartOf(await call(kernel, 'GET', api, { cookie: ok.cookie! }));
    assert.deepEqual(cart.messages, ['Only 1 of "Mug" left in stock; you have 3 in your cart.']);
  });

  it('expires an abandoned guest cart after its lifetime', async () => {
    const api = cartApi(a.code);
    const guest = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: tee });
    const id = cartOf(guest).id!;
    const fresh = cartOf(await call(kernel, 'GET', api, { cookie: guest.cookie! }));
    assert.equal(fresh.lines.length, 1);
    await asSystem(kernel, (db) =>
      db('cart__carts')
        .where({ id })
        .update({ expires_at: new Date(Date.now() - 1000) }),
    );
    const expired = cartOf(await call(kernel, 'GET', api, { cookie: guest.cookie! }));
    assert.deepEqual([expired.id, expired.lines], [null, []]);
    const left = await asSystem(kernel, (db) => db('cart__carts').where({ id }).first());
    assert.equal(left, undefined, 'the expired cart is deleted');
  });

  it("never shows vendor A's cart in vendor B's shop: cookie, line ids and variant ids find nothing", async () => {
    const guest = await call(kernel, 'POST', `${cartApi(a.code)}/lines`, {}, { variantId: tee });
    const line = cartOf(guest).lines[0]!.id;
    const cookie = { cookie: guest.cookie!.replace(`orion_cart_${a.id}`, `orion_cart_${b.id}`) };
    const inB = cartOf(await call(kernel, 'GET', cartApi(b.code), cookie));
    assert.deepEqual([inB.id, inB.lines], [null, []]);
    for (const [method, body] of [
      ['PATCH', { quantity: 2 }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(kernel, method, `${cartApi(b.code)}/lines/${line}`, cookie, body);
      assert.deepEqual([res.status, res.body.code], [404, 'CART_LINE_NOT_FOUND'], `${method} answered ${res.status}`);
    }
    const add = await call(kernel, 'POST', `${cartApi(b.code)}/lines`, {}, { variantId: tee });
    assert.deepEqual([add.status, add.body.code], [404, 'CART_VARIANT_UNAVAILABLE']);
    const stillA = cartOf(await call(kernel, 'GET', cartApi(a.code), { cookie: guest.cookie! }));
    assert.equal(stillA.lines[0]?.quantity, 1, "A's cart is unchanged");
  });
});
