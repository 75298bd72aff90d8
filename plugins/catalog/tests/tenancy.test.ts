import assert from 'node:assert/strict';
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

describe('catalog: one vendor never reaches another vendor’s catalog', () => {
  let kernel: TestKernel;
  let a: TestVendor;
  let b: TestVendor;
  let bProduct: { id: number; slug: string; variants: { id: number }[] };
  let bCategory: number;
  let aKey: Record<string, string>;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['catalog']);
    a = await createTestVendor(kernel);
    b = await createTestVendor(kernel);
    bCategory = (await call(kernel, 'POST', `${VENDOR_API}/categories`, b.headers, { name: 'B only' })).body
      .id as number;
    bProduct = await createProduct(kernel, b.headers, simpleProduct('B secret', 999, { categoryIds: [bCategory] }));
    await createProduct(kernel, b.headers, simpleProduct('B draft', 999, { status: 'draft' }));
    await createProduct(kernel, a.headers, simpleProduct('A visible', 500));
    await createProduct(kernel, a.headers, simpleProduct('A draft', 500, { status: 'draft' }));
    await createProduct(kernel, a.headers, simpleProduct('A archived', 500, { status: 'archived' }));
    const key = await call(kernel, 'POST', '/api/v1/vendor/api-keys', a.headers, {
      name: 'ERP',
      permissions: ['catalog.view', 'catalog.edit'],
    });
    assert.equal(key.status, 201, JSON.stringify(key.body));
    aKey = { authorization: `Bearer ${key.body.key}` };
  });
  after(() => kernel.stop());

  it("answers 404 to vendor A's token and API key on every route that names B's ids", async () => {
    const p = bProduct.id;
    const v = bProduct.variants[0]?.id;
    const attempts: [string, string, unknown?][] = [
      ['GET', `/products/${p}`],
      ['PATCH', `/products/${p}`, { title: 'Hijacked' }],
      ['DELETE', `/products/${p}`],
      ['GET', `/products/${p}/variants`],
      ['POST', `/products/${p}/variants`, { sku: 'X', price: { amountMinor: 1, currency: 'EUR' } }],
      ['GET', `/variants/${v}`],
      ['PATCH', `/variants/${v}`, { sku: 'HIJACK' }],
      ['DELETE', `/variants/${v}`],
      ['PATCH', `/categories/${bCategory}`, { name: 'Hijacked' }],
      ['DELETE', `/categories/${bCategory}`],
    ];
    for (const headers of [a.headers, aKey]) {
      for (const [method, path, body] of attempts) {
        const res = await call(kernel, method, `${VENDOR_API}${path}`, headers, body);
        assert.equal(res.status, 404, `${method} ${path} answered ${res.status}`);
        assert.equal(res.body.code, 'CATALOG_NOT_FOUND');
      }
    }
    const still = await call(kernel, 'GET', `${VENDOR_API}/products/${p}`, b.headers);
    assert.equal(still.body.title, 'B secret', "B's product is unchanged");
  });

  it("refuses to file A's product under B's category, naming the field", async () => {
    const res = await call(kernel, 'POST', `${VENDOR_API}/products`, a.headers, {
      ...simpleProduct('Sneaky', 100),
      categoryIds: [bCategory],
    });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors, { categoryIds: `no category ${bCategory} in this shop` });
  });

  it("never lists B's products to A, in the vendor API or in A's shop", async () => {
    const vendorList = await call(kernel, 'GET', `${VENDOR_API}/products?pageSize=100`, aKey);
    assert.deepEqual((vendorList.body.items as { title: string }[]).map((p) => p.title).sort(), [
      'A archived',
      'A draft',
      'A visible',
    ]);
    const shop = await call(kernel, 'GET', `${shopApi(a.code)}/products?q=secret`);
    assert.equal(shop.body.total, 0);
    assert.equal((await call(kernel, 'GET', `${shopApi(a.code)}/products/${bProduct.slug}`)).status, 404);
  });

  it('shows shoppers active products only: drafts and archived ones stay hidden, even by slug', async () => {
    const shop = await call(kernel, 'GET', `${shopApi(a.code)}/products`);
    assert.equal(shop.status, 200);
    assert.deepEqual(
      (shop.body.items as { title: string }[]).map((p) => p.title),
      ['A visible'],
    );
    assert.equal((await call(kernel, 'GET', `${shopApi(a.code)}/products/a-draft`)).status, 404);
    assert.equal((await call(kernel, 'GET', `${shopApi(a.code)}/products/a-archived`)).status, 404);
    const one = await call(kernel, 'GET', `${shopApi(a.code)}/products/a-visible`);
    assert.deepEqual([one.status, one.body.title], [200, 'A visible']);
    const bShop = await call(kernel, 'GET', `${shopApi(b.code)}/products`);
    assert.deepEqual(
      (bShop.body.items as { title: string }[]).map((p) => p.title),
      ['B secret'],
    );
  });
});
