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
import type { CartService } from '../src/service.js';
import { call, cartApi, cartOf, createVariant, startCartKernel } from './helpers.js';

describe('cart: the cart.carts service, as checkout uses it', () => {
  let kernel: TestKernel;
  let a: TestVendor;
  let b: TestVendor;
  let carts: CartService;
  let tee: number;

  before(async () => {
    kernel = await startCartKernel(import.meta.url);
    await enablePlugins(kernel, ['catalog', 'cart']);
    a = await createTestVendor(kernel);
    b = await createTestVendor(kernel);
    tee = await createVariant(kernel, a.headers, 'Tee', 1250);
    carts = kernel.plugins.loaded.get('cart')!.context.service<CartService>('cart.carts');
  });
  after(() => kernel.stop());

  it("reads a customer's cart with totals, and only for its own vendor", async () => {
    const customer = await createTestCustomer(kernel, a.id);
    const added = cartOf(
      await call(kernel, 'POST', `${cartApi(a.code)}/lines`, customer.headers, { variantId: tee, quantity: 2 }),
    );
    const cart = await carts.get(a.id, added.id!);
    assert.deepEqual(cart?.subtotal, { amountMinor: 2500, currency: 'EUR' });
    assert.equal((await carts.forCustomer(a.id, customer.id))?.id, added.id);
    assert.equal(await carts.get(b.id, added.id!), undefined, "another vendor's id finds nothing");
  });

  it('marks a cart converted once; the customer then starts a new cart', async () => {
    const customer = await createTestCustomer(kernel, a.id);
    const first = cartOf(await call(kernel, 'POST', `${cartApi(a.code)}/lines`, customer.headers, { variantId: tee }));
    assert.equal(await carts.markConverted(b.id, first.id!, 'B-1'), false, "another vendor can't convert it");
    assert.equal(await carts.markConverted(a.id, first.id!, 'A-1001'), true);
    assert.equal(await carts.markConverted(a.id, first.id!, 'A-1001'), false, 'only an open cart converts');
    assert.equal((await carts.get(a.id, first.id!))?.status, 'converted');
    assert.equal(await carts.forCustomer(a.id, customer.id), undefined);
    const next = cartOf(await call(kernel, 'GET', cartApi(a.code), customer.headers));
    assert.deepEqual([next.id, next.lines], [null, []], 'the converted cart is no longer the shopping cart');
  });

  it('purges expired guest carts of every vendor, and keeps the others', async () => {
    const old = cartOf(await call(kernel, 'POST', `${cartApi(a.code)}/lines`, {}, { variantId: tee }));
    const fresh = cartOf(await call(kernel, 'POST', `${cartApi(a.code)}/lines`, {}, { variantId: tee }));
    await asSystem(kernel, (db) =>
      db('cart__carts')
        .where({ id: old.id })
        .update({ expires_at: new Date(0) }),
    );
    assert.ok((await carts.purgeExpired()) >= 1);
    assert.equal(await carts.get(a.id, old.id!), undefined);
    assert.ok(await carts.get(a.id, fresh.id!));
  });
});
