import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminHeaders, createTestVendor, enablePlugins, type TestKernel } from '@orion/sdk/testing';
import { call, cartApi, createVariant, startCartKernel } from './helpers.js';

describe('cart migrations', () => {
  let kernel: TestKernel;
  before(async () => {
    kernel = await startCartKernel(import.meta.url);
  });
  after(() => kernel.stop());

  it('run up with data, then down, and leave nothing behind', async () => {
    await enablePlugins(kernel, ['catalog', 'cart']);
    const shop = await createTestVendor(kernel);
    const variant = await createVariant(kernel, shop.headers, 'Thing', 100);
    assert.equal((await call(kernel, 'POST', `${cartApi(shop.code)}/lines`, {}, { variantId: variant })).status, 201);

    const headers = await adminHeaders(kernel);
    const res = await call(kernel, 'POST', '/api/v1/admin/plugins/cart/uninstall', headers, { keepData: false });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    for (const table of ['cart__carts', 'cart__lines', 'cart__keys', 'cart__migrations']) {
      assert.equal(await kernel.db.knex.schema.hasTable(table), false, `${table} is gone`);
    }
    assert.equal(await kernel.db.knex.schema.hasTable('catalog__products'), true, "the catalog's tables stay");
  });
});
