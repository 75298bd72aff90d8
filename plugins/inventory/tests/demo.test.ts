import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { asSystem, createTestDatabase, enablePlugins, pluginPackageDir, startTestKernel } from '@orion/sdk/testing';

const inventory = pluginPackageDir(import.meta.url);
const dirs = [path.join(path.dirname(inventory), 'catalog'), inventory];

type Counts = Record<string, { products: number; variants: number; categories: number; stocked: number }>;

async function counts(kernel: Parameters<typeof asSystem>[0]): Promise<Counts> {
  return asSystem(kernel, async (db) => {
    const { rows } = (await db.raw(
      `select v.code,
         (select count(*) from catalog__products p where p.vendor_id = v.id)::int as products,
         (select count(*) from catalog__variants x where x.vendor_id = v.id)::int as variants,
         (select count(*) from catalog__categories c where c.vendor_id = v.id)::int as categories,
         (select count(*) from inventory__stock s where s.vendor_id = v.id and s.on_hand > 0)::int as stocked
       from vendors v order by v.code`,
    )) as { rows: ({ code: string } & Counts[string])[] };
    return Object.fromEntries(rows.map(({ code, ...rest }) => [code, rest]));
  });
}

describe('catalog and inventory demo data', () => {
  it('gives each demo vendor tens of products with variants, categories and stock, once', async () => {
    const database = await createTestDatabase();
    try {
      const settings = { SEED_DEMO: 'true' };
      const first = await startTestKernel({
        database,
        settings,
        keepDatabaseOpen: true,
        plugins: { roots: [], extraDirs: dirs },
      });
      // Catalog is core: its demo ran at start. Inventory is optional: enable it where the demo vendors sell.
      await enablePlugins(first, ['inventory'], 'main');
      await enablePlugins(first, ['inventory'], 'oms');
      const afterFirst = await counts(first);
      await first.stop();

      const second = await startTestKernel({
        database,
        settings,
        keepDatabaseOpen: true,
        plugins: { roots: [], extraDirs: dirs },
      });
      const afterSecond = await counts(second);
      const shopList = await second.request('/vendors/fashion-hub/shop/api/v1/shop/catalog/products?q=jacket');
      await second.stop();

      assert.deepEqual(Object.keys(afterSecond), ['fashion-hub', 'tech-store', 'wholesale']);
      for (const [code, c] of Object.entries(afterSecond)) {
        assert.ok(c.products >= 40, `${code} has ${c.products} products`);
        assert.ok(c.variants > c.products, `${code} has variants beyond the default ones`);
        assert.ok(c.categories >= 8, `${code} has ${c.categories} categories`);
        assert.ok(c.stocked > c.variants / 2, `${code} has stock for ${c.stocked} of ${c.variants} variants`);
        assert.equal(afterFirst[code]?.products, c.products, 'a second start seeds no more products');
        assert.equal(afterFirst[code]?.stocked, 0, 'inventory seeds at the start after it was enabled');
      }
      assert.equal(shopList.status, 200);
      assert.ok(((await shopList.json()) as { total: number }).total > 0, 'the demo shop finds its jackets');
    } finally {
      await database.close();
    }
  });
});
