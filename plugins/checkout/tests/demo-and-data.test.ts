import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  adminHeaders,
  asSystem,
  createTestDatabase,
  enablePlugins,
  missingEnglishKeys,
  pluginPackageDir,
  startTestKernel,
  strayKeys,
} from '@orion/sdk/testing';
import { messages } from '../src/locales/index.js';
import { call, startCheckoutKernel } from './helpers.js';

const checkout = pluginPackageDir(import.meta.url);
const ids = ['catalog', 'inventory', 'payments', 'orders', 'cart', 'customer-profiles'];
const dirs = [...ids.map((id) => path.join(path.dirname(checkout), id)), checkout];

describe('checkout data', () => {
  it('has an English message for every key the code translates', () => {
    assert.deepEqual(missingEnglishKeys(messages, path.join(checkout, 'src')), []);
    assert.deepEqual(strayKeys(messages, 'fr'), []);
    assert.deepEqual(strayKeys(messages, 'de'), []);
    for (const key of ['contact', 'address', 'shipping', 'payment', 'review'] as const) {
      assert.ok(messages.en[`checkout.step.${key}`], key);
    }
  });

  it('seeds shipping methods and orders placed through the checkout for each demo vendor, once', async () => {
    const database = await createTestDatabase();
    try {
      const settings = { SEED_DEMO: 'true' };
      const start = () =>
        startTestKernel({ database, settings, keepDatabaseOpen: true, plugins: { roots: [], extraDirs: dirs } });
      const first = await start();
      await enablePlugins(first, ['inventory', 'payments', 'orders', 'cart', 'customer-profiles', 'checkout']);
      await first.stop();
      const count = async () => {
        const k = await start();
        const rows = await asSystem(k, async (db) => {
          const methods = await db('checkout__shipping_methods').count({ n: '*' });
          const orders = await db('checkout__sessions').whereNotNull('order_id').count({ n: '*' });
          return { methods: Number(methods[0]?.n), orders: Number(orders[0]?.n) };
        });
        await k.stop();
        return rows;
      };
      const seeded = await count();
      assert.ok(seeded.methods >= 6, `shipping methods: ${seeded.methods}`);
      assert.ok(seeded.orders >= 4, `orders placed through checkout: ${seeded.orders}`);
      assert.deepEqual(await count(), seeded, 'a second start seeds nothing more');
    } finally {
      await database.close();
    }
  });

  it('migrates down and leaves nothing behind', async () => {
    const kernel = await startCheckoutKernel(import.meta.url);
    try {
      const headers = await adminHeaders(kernel);
      const res = await call(kernel, 'POST', '/api/v1/admin/plugins/checkout/uninstall', headers, { keepData: false });
      assert.equal(res.status, 200, res.text);
      for (const table of ['checkout__sessions', 'checkout__shipping_methods', 'checkout__migrations']) {
        assert.equal(await kernel.db.knex.schema.hasTable(table), false, `${table} is gone`);
      }
      assert.equal(await kernel.db.knex.schema.hasTable('orders__orders'), true, "orders' tables stay");
    } finally {
      await kernel.stop();
    }
  });
});
