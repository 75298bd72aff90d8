import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asSystem, createTestVendor, enablePlugins, type TestKernel } from '@orion/sdk/testing';
import { call, cartApi, createVariant, startCartKernel } from './helpers.js';

describe('expired guest cart sweep', () => {
  let kernel: TestKernel;
  before(async () => {
    kernel = await startCartKernel(import.meta.url);
    await enablePlugins(kernel, ['catalog', 'cart']);
  });
  after(() => kernel.stop());

  it('deletes the guest carts of every vendor whose lifetime ran out, and keeps the others', async () => {
    const a = await createTestVendor(kernel);
    const b = await createTestVendor(kernel);
    const ids: number[] = [];
    for (const shop of [a, b, a]) {
      const variant = await createVariant(kernel, shop.headers, 'Thing', 100);
      const res = await call(kernel, 'POST', `${cartApi(shop.code)}/lines`, {}, { variantId: variant });
      ids.push(res.body.id as number);
    }
    const [oldA, oldB, fresh] = ids as [number, number, number];
    await asSystem(kernel, (db) =>
      db('cart__carts')
        .whereIn('id', [oldA, oldB])
        .update({ expires_at: new Date(Date.now() - 60_000) }),
    );
    const { sweepExpired } = await import('../src/sweep.js');
    const plugin = kernel.plugins.loaded.get('cart');
    assert.ok(plugin);
    assert.equal(await sweepExpired(plugin.context), 2);
    const left = await asSystem(kernel, (db) => db('cart__carts').whereIn('id', ids).pluck('id'));
    assert.deepEqual(left.map(Number), [fresh]);
  });
});

describe('expired guest cart sweep, with inventory', () => {
  let kernel: TestKernel;
  before(async () => {
    kernel = await startCartKernel(import.meta.url, true);
    await enablePlugins(kernel, ['catalog', 'inventory', 'cart']);
  });
  after(() => kernel.stop());

  it("lets the stock hold of a deleted cart go at once, not at the hold's time-out", async () => {
    const shop = await createTestVendor(kernel);
    const lamp = await createVariant(kernel, shop.headers, 'Lamp', 1000);
    const stocked = await call(kernel, 'POST', `/api/v1/vendor/inventory/stock/${lamp}/adjustments`, shop.headers, {
      delta: 2,
      reason: 'received',
    });
    assert.ok(stocked.status < 300, JSON.stringify(stocked.body));
    const added = await call(kernel, 'POST', `${cartApi(shop.code)}/lines`, {}, { variantId: lamp, quantity: 2 });
    const cartId = added.body.id as number;
    // What checkout does at its review step when stockHoldMinutes is set.
    const inventory = kernel.plugins.loaded.get('inventory')!.context.service<{
      hold(vendorId: number, lines: unknown[], o: { holdRef: string; minutes: number }): Promise<unknown>;
      available(vendorId: number, ids: number[]): Promise<Record<number, number>>;
    }>('inventory.reservations');
    await inventory.hold(shop.id, [{ variantId: lamp, quantity: 2 }], { holdRef: `cart:${cartId}`, minutes: 60 });
    assert.deepEqual(await inventory.available(shop.id, [lamp]), { [lamp]: 0 }, 'held for the cart');

    await asSystem(kernel, (db) =>
      db('cart__carts')
        .where({ id: cartId })
        .update({ expires_at: new Date(Date.now() - 60_000) }),
    );
    const { sweepExpired } = await import('../src/sweep.js');
    assert.equal(await sweepExpired(kernel.plugins.loaded.get('cart')!.context), 1);
    assert.deepEqual(await inventory.available(shop.id, [lamp]), { [lamp]: 2 }, 'the hold went with the cart');
  });
});
