import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminHeaders, asSystem, createTestVendor, enablePlugins, type TestKernel } from '@orion/sdk/testing';
import { API, call, createVariant, startInventoryKernel } from './helpers.js';

const TABLES = ['inventory__locations', 'inventory__stock', 'inventory__adjustments', 'inventory__reservations'];

describe('inventory migrations', () => {
  let kernel: TestKernel;
  before(async () => {
    kernel = await startInventoryKernel(import.meta.url);
  });
  after(() => kernel.stop());

  it('run up with data, refuse an oversold row, then run down and leave nothing behind', async () => {
    await enablePlugins(kernel, ['inventory']);
    const shop = await createTestVendor(kernel);
    const variant = await createVariant(kernel, shop.headers);
    await call(kernel, 'POST', `${API}/stock/${variant}/adjustments`, shop.headers, { delta: 2, reason: 'received' });
    await assert.rejects(
      asSystem(kernel, (db) => db('inventory__stock').where({ variant_id: variant }).update({ reserved: 3 })),
      /inventory__stock_never_oversold/,
      'the database itself refuses more reserved than on hand',
    );

    const headers = await adminHeaders(kernel);
    const res = await call(kernel, 'POST', '/api/v1/admin/plugins/inventory/uninstall', headers, { keepData: false });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    for (const table of [...TABLES, 'inventory__migrations']) {
      assert.equal(await kernel.db.knex.schema.hasTable(table), false, `${table} is gone`);
    }
    assert.equal(await kernel.db.knex.schema.hasTable('catalog__products'), true, "the catalog's tables stay");
  });
});
