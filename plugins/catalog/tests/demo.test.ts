import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { asSystem, createTestDatabase, pluginPackageDir, startTestKernel, type TestKernel } from '@orion/sdk/testing';

const dirs = [pluginPackageDir(import.meta.url)];

/** Per demo vendor: products, and products with exactly one image. */
async function counts(kernel: TestKernel): Promise<Record<string, { products: number; withOneImage: number }>> {
  return asSystem(kernel, async (db) => {
    const { rows } = (await db.raw(
      `select v.code,
         (select count(*) from catalog__products p where p.vendor_id = v.id)::int as products,
         (select count(*) from catalog__products p where p.vendor_id = v.id
            and (select count(*) from catalog__product_images i where i.product_id = p.id) = 1)::int as "withOneImage"
       from vendors v order by v.code`,
    )) as { rows: { code: string; products: number; withOneImage: number }[] };
    return Object.fromEntries(rows.map(({ code, ...rest }) => [code, rest]));
  });
}

describe('catalog demo data: generated product images', () => {
  it('gives every demo product one image the shop serves, generated at seed time, once', async (t) => {
    const database = await createTestDatabase();
    // Both kernels share one data folder, as two starts of one deployment do.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'catalog-demo-'));
    try {
      const settings = { SEED_DEMO: 'true', ORION_DATA_DIR: dataDir };
      const first = await startTestKernel({
        database,
        settings,
        keepDatabaseOpen: true,
        plugins: { roots: [], extraDirs: dirs },
      });
      const seeded = first.logs.filter((l) => String(l.msg).includes('demo'));
      for (const l of seeded) t.diagnostic(JSON.stringify(l));
      const afterFirst = await counts(first);
      const list = await first.request('/vendors/fashion-hub/shop/api/v1/shop/catalog/products?pageSize=5');
      const body = (await list.json()) as { items: { title: string; images: { url: string; alt: string }[] }[] };
      await first.stop();

      assert.deepEqual(Object.keys(afterFirst), ['fashion-hub', 'tech-store', 'wholesale']);
      for (const [code, c] of Object.entries(afterFirst)) {
        assert.ok(c.products >= 40, `${code} has ${c.products} products`);
        assert.equal(c.withOneImage, c.products, `${code}: every product has one image`);
      }
      const [item] = body.items;
      assert.ok(item, 'the demo shop lists products');
      assert.equal(item.images.length, 1);
      assert.equal(item.images[0]?.alt, item.title, 'the alt text names the product');

      const second = await startTestKernel({
        database,
        settings,
        keepDatabaseOpen: true,
        plugins: { roots: [], extraDirs: dirs },
      });
      try {
        assert.deepEqual(await counts(second), afterFirst, 'a second start adds no images');
        for (const size of ['original', '480']) {
          const url = String(item.images[0]?.url).replace(/\/original$/, `/${size}`);
          const res = await second.request(`/vendors/fashion-hub/shop${url}`);
          assert.equal(res.status, 200, `${size}: ${res.status}`);
          assert.equal(res.headers.get('content-type'), 'image/webp');
          const bytes = new Uint8Array(await res.arrayBuffer());
          assert.equal(String.fromCharCode(...bytes.subarray(8, 12)), 'WEBP');
        }
      } finally {
        await second.stop();
      }
      // Each product has files of its own (original and two thumbnails), so deleting one never breaks another.
      const files = readdirSync(path.join(dataDir, 'files', 'catalog'), { recursive: true }).filter((f) =>
        path.basename(String(f)).includes('-'),
      );
      const products = Object.values(afterFirst).reduce((n, c) => n + c.products, 0);
      assert.equal(files.length, products * 3);
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
