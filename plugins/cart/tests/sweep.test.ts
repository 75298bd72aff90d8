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
