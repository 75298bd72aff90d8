import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createTestVendor,
  enablePlugins,
  pluginPackageDir,
  startTestKernel,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { call, createProduct, shopApi, simpleProduct, VENDOR_API } from './helpers.js';
import { pagesOf } from './pages-helpers.js';

describe('catalog: in-stock filter and stock summary through the inventory service', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  const ids: Record<string, number> = {};

  before(async () => {
    const catalog = pluginPackageDir(import.meta.url);
    kernel = await startTestKernel({
      plugins: { roots: [], extraDirs: [catalog, path.join(path.dirname(catalog), 'inventory')] },
    });
    await enablePlugins(kernel, ['catalog', 'inventory']);
    shop = await createTestVendor(kernel);
    for (const [title, stock] of [
      ['Oak stool', 5],
      ['Oak bench', 0],
      ['Oak shelf', 2],
    ] as const) {
      const p = await createProduct(kernel, shop.headers, simpleProduct(title, 9900));
      ids[title] = p.id;
      if (stock) {
        const adj = await call(
          kernel,
          'POST',
          `/api/v1/vendor/inventory/stock/${p.variants[0]?.id}/adjustments`,
          shop.headers,
          {
            delta: stock,
            reason: 'received',
          },
        );
        assert.equal(adj.status, 201, JSON.stringify(adj.body));
      }
    }
  });
  after(() => kernel.stop());

  it('lists only products with available units, with the right total and pages', async () => {
    const all = await call(kernel, 'GET', `${shopApi(shop.code)}/products?q=oak`);
    assert.equal(all.body.total, 3);
    const stocked = await call(kernel, 'GET', `${shopApi(shop.code)}/products?q=oak&inStock=true&sort=title`);
    assert.equal(stocked.body.total, 2);
    assert.deepEqual(
      (stocked.body.items as { title: string }[]).map((p) => p.title),
      ['Oak shelf', 'Oak stool'],
    );
    const second = await call(
      kernel,
      'GET',
      `${VENDOR_API}/products?q=oak&inStock=true&sort=title&pageSize=1&page=2`,
      shop.headers,
    );
    assert.equal(second.body.total, 2);
    assert.deepEqual(
      (second.body.items as { title: string }[]).map((p) => p.title),
      ['Oak stool'],
    );
  });

  it('filters the vendor list by stock and shows available units in the editor', async () => {
    const pages = pagesOf(kernel, shop);
    const list = await (await pages.get('?q=oak&inStock=true')).text();
    assert.match(list, /Oak stool/);
    assert.doesNotMatch(list, /Oak bench/);
    const editor = await (await pages.get(`/products/${ids['Oak stool']}`)).text();
    // Inventory's block in the editor's `product.sidebar` slot.
    assert.match(editor, /data-plugin="inventory"[\s\S]*5 available in total/);
  });
});
