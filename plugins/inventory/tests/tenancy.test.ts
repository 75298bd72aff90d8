import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, enablePlugins, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { API, call, createVariant, levelOf, startInventoryKernel } from './helpers.js';

describe('inventory: one vendor never reaches another vendor’s stock', () => {
  let kernel: TestKernel;
  let a: TestVendor;
  let b: TestVendor;
  let bVariant: number;
  let bLocation: number;
  let aKey: Record<string, string>;

  before(async () => {
    kernel = await startInventoryKernel(import.meta.url);
    await enablePlugins(kernel, ['inventory']);
    a = await createTestVendor(kernel);
    b = await createTestVendor(kernel);
    bVariant = await createVariant(kernel, b.headers, 'B item');
    await call(kernel, 'POST', `${API}/stock/${bVariant}/adjustments`, b.headers, { delta: 9, reason: 'received' });
    bLocation = (await call(kernel, 'POST', `${API}/locations`, b.headers, { name: 'B depot' })).body.id as number;
    await call(kernel, 'POST', `${API}/reservations`, b.headers, {
      orderRef: 'b-order',
      lines: [{ variantId: bVariant, quantity: 1 }],
    });
    const key = await call(kernel, 'POST', '/api/v1/vendor/api-keys', a.headers, {
      name: 'POS',
      permissions: ['inventory.view', 'inventory.edit'],
    });
    aKey = { authorization: `Bearer ${key.body.key}` };
  });
  after(() => kernel.stop());

  it("answers 404 to vendor A's token and API key for B's variants, locations and orders", async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `/stock/${bVariant}`],
      ['POST', `/stock/${bVariant}/adjustments`, { delta: -9, reason: 'lost' }],
      ['GET', `/stock/${bVariant}/adjustments`],
      ['PUT', `/stock/${bVariant}/threshold`, { lowStockThreshold: 1 }],
      ['PATCH', `/locations/${bLocation}`, { name: 'Mine now' }],
      ['GET', `/stock?locationId=${bLocation}`],
      ['POST', '/reservations/b-order/release'],
      ['POST', '/reservations/b-order/commit'],
    ];
    for (const headers of [a.headers, aKey]) {
      for (const [method, path, body] of attempts) {
        const res = await call(kernel, method, `${API}${path}`, headers, body);
        assert.equal(res.status, 404, `${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      }
    }
    const level = await levelOf(kernel, b.headers, bVariant);
    assert.deepEqual([level.onHand, level.reserved], [9, 1], "B's stock is untouched");
  });

  it("cannot reserve B's stock: A has none of that variant", async () => {
    const res = await call(kernel, 'POST', `${API}/reservations`, aKey, {
      orderRef: 'a-steals',
      lines: [{ variantId: bVariant, quantity: 1 }],
    });
    assert.deepEqual([res.status, res.body.code], [409, 'INVENTORY_OUT_OF_STOCK']);
    assert.equal((await levelOf(kernel, b.headers, bVariant)).reserved, 1);
  });

  it("never lists B's stock levels to A", async () => {
    const mine = await createVariant(kernel, a.headers, 'A item');
    await call(kernel, 'POST', `${API}/stock/${mine}/adjustments`, a.headers, { delta: 1, reason: 'received' });
    const res = await call(kernel, 'GET', `${API}/stock`, a.headers);
    assert.deepEqual(
      (res.body.levels as { variantId: number }[]).map((l) => l.variantId),
      [mine],
    );
  });
});
