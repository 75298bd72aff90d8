import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asSystem, createTestDatabase, enablePlugins, pluginPackageDir, startTestKernel } from '@orion/sdk/testing';

const dirs = [pluginPackageDir(import.meta.url)];

async function addressCount(kernel: Parameters<typeof asSystem>[0]): Promise<Record<string, number>> {
  return asSystem(kernel, async (db) => {
    const rows = (await db('customer_profiles__addresses')
      .select('kind')
      .count<{ kind: string; count: number | string }[]>('* as count')
      .where({ is_default: true })
      .groupBy('kind')) as { kind: string; count: number | string }[];
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.count)]));
  });
}

describe('customer-profiles demo data', () => {
  it('gives every demo customer a default shipping address, once', async () => {
    const database = await createTestDatabase();
    try {
      const settings = { SEED_DEMO: 'true' };
      const first = await startTestKernel({
        database,
        settings,
        keepDatabaseOpen: true,
        plugins: { roots: [], extraDirs: dirs },
      });
      await enablePlugins(first, ['customer-profiles'], 'main');
      await enablePlugins(first, ['customer-profiles'], 'oms');
      await first.stop();
      const start = () =>
        startTestKernel({ database, settings, keepDatabaseOpen: true, plugins: { roots: [], extraDirs: dirs } });
      // The demo hook runs at the start after the plugin was enabled; a third start must seed nothing more.
      const second = await start();
      const seeded = await addressCount(second);
      const customers = await asSystem(second, async (db) =>
        Number((await db('customers').whereNull('deleted_at').count<{ count: string }[]>('* as count'))[0]?.count),
      );
      await second.stop();
      const third = await start();
      const again = await addressCount(third);
      await third.stop();
      assert.ok(customers > 0, 'the demo has customers');
      assert.equal(seeded.shipping, customers, 'one default shipping address per customer');
      assert.ok((seeded.billing ?? 0) >= 1);
      assert.deepEqual(again, seeded, 'a later start seeds nothing more');
    } finally {
      await database.close();
    }
  });
});
