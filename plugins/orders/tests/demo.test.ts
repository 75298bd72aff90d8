import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { asSystem, createTestDatabase, enablePlugins, pluginPackageDir, startTestKernel } from '@orion/sdk/testing';

const orders = pluginPackageDir(import.meta.url);
const dirs = [...['catalog', 'inventory', 'payments'].map((id) => path.join(path.dirname(orders), id)), orders];

describe('orders demo data', () => {
  it('gives each demo vendor an order in every state, placed through the shop code path', async () => {
    const database = await createTestDatabase();
    try {
      const settings = { SEED_DEMO: 'true' };
      const first = await startTestKernel({
        database,
        settings,
        keepDatabaseOpen: true,
        plugins: { roots: [], extraDirs: dirs },
      });
      for (const platform of ['main', 'oms']) await enablePlugins(first, ['inventory', 'payments', 'orders'], platform);
      await first.stop();
      const second = await startTestKernel({
        database,
        settings,
        keepDatabaseOpen: true,
        plugins: { roots: [], extraDirs: dirs },
      });
      const rows = await asSystem(second, async (db) => {
        const { rows } = (await db.raw(
          `select v.code, o.status, count(*)::int as n from orders__orders o join vendors v on v.id = o.vendor_id
           group by v.code, o.status order by v.code, o.status`,
        )) as { rows: { code: string; status: string; n: number }[] };
        return rows;
      });
      await second.stop();
      const byVendor = new Map<string, string[]>();
      for (const r of rows) byVendor.set(r.code, [...(byVendor.get(r.code) ?? []), r.status]);
      assert.ok(byVendor.size >= 2, `orders for ${[...byVendor.keys()].join(', ')}`);
      for (const [code, statuses] of byVendor) {
        assert.deepEqual(
          statuses,
          ['cancelled', 'delivered', 'paid', 'pending', 'processing', 'refunded', 'shipped'],
          `${code} has an order in every state`,
        );
      }
    } finally {
      await database.close();
    }
  });
});
