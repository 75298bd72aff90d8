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

describe('catalog: search, filters, sort and pages', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  const titles = async (query: string) => {
    const res = await call(kernel, 'GET', `${VENDOR_API}/products?${query}`, shop.headers);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return {
      titles: (res.body.items as { title: string }[]).map((p) => p.title),
      total: res.body.total as number,
    };
  };
  let clothing: number;
  let shirts: number;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['catalog']);
    shop = await createTestVendor(kernel);
    const cat = async (name: string, parentId?: number) =>
      (await call(kernel, 'POST', `${VENDOR_API}/categories`, shop.headers, { name, parentId })).body.id as number;
    clothing = await cat('Clothing');
    shirts = await cat('Shirts', clothing);
    await createProduct(
      kernel,
      shop.headers,
      simpleProduct('Linen shirt', 4500, { brand: 'Moselle', categoryIds: [shirts] }),
    );
    await createProduct(kernel, shop.headers, simpleProduct('Wool coat', 19900, { categoryIds: [clothing] }));
    await createProduct(kernel, shop.headers, {
      ...simpleProduct('Travel mug', 1500, { description: 'Keeps tea hot. Fits under any shirt pocket? No.' }),
      variants: [{ sku: 'MUG-LINEN-01', price: { amountMinor: 1500, currency: 'EUR' } }],
    });
    await createProduct(
      kernel,
      shop.headers,
      simpleProduct('Draft shirt', 3000, { status: 'draft', categoryIds: [shirts] }),
    );
  });
  after(() => kernel.stop());

  it('finds products by words of the title, brand, SKU or description, best matches first', async () => {
    // "shirt" is in two titles (weight A) and one description (weight C): titles rank first.
    const shirt = await titles('q=shirt&status=active');
    assert.deepEqual(shirt.titles.slice(-1), ['Travel mug']);
    assert.deepEqual(new Set(shirt.titles.slice(0, 1)), new Set(['Linen shirt']));
    assert.deepEqual((await titles('q=moselle')).titles, ['Linen shirt'], 'by brand');
    assert.deepEqual((await titles('q=mug-linen')).titles, ['Travel mug'], 'by SKU');
    assert.deepEqual(
      (await titles('q=lin')).titles.sort(),
      ['Linen shirt', 'Travel mug'],
      'prefixes match as you type',
    );
    assert.deepEqual((await titles("q=' | ! (")).total, 4, 'operators are not syntax: nothing to search, all shown');
  });

  it('filters by category including its subcategories, by status, and by price range in minor units', async () => {
    assert.deepEqual((await titles(`category=${clothing}&sort=title`)).titles, [
      'Draft shirt',
      'Linen shirt',
      'Wool coat',
    ]);
    assert.deepEqual((await titles(`category=${shirts}&status=active`)).titles, ['Linen shirt']);
    assert.deepEqual((await titles('minPrice=1000&maxPrice=5000&sort=price')).titles, [
      'Travel mug',
      'Draft shirt',
      'Linen shirt',
    ]);
    assert.deepEqual((await titles('status=draft')).titles, ['Draft shirt']);
  });

  it('ignores the in-stock filter when no inventory plugin tracks stock', async () => {
    assert.deepEqual(
      (await titles('q=shirt&status=active&inStock=true')).titles,
      (await titles('q=shirt&status=active')).titles,
    );
  });

  it('sorts by price both ways and pages with a total', async () => {
    assert.deepEqual((await titles('sort=-price&pageSize=2')).titles, ['Wool coat', 'Linen shirt']);
    const page2 = await titles('sort=-price&pageSize=2&page=2');
    assert.deepEqual(page2, { titles: ['Draft shirt', 'Travel mug'], total: 4 });
    assert.deepEqual(await titles('sort=-price&pageSize=2&page=5'), { titles: [], total: 4 });
  });

  it('refuses a bad filter with 422 naming the parameter', async () => {
    const res = await call(kernel, 'GET', `${VENDOR_API}/products?sort=cheapest&pageSize=1000`, shop.headers);
    assert.equal(res.status, 422);
    assert.deepEqual(Object.keys(res.body.errors as object).sort(), ['pageSize', 'sort']);
  });

  it('keeps the category tree free of loops', async () => {
    const res = await call(kernel, 'PATCH', `${VENDOR_API}/categories/${clothing}`, shop.headers, { parentId: shirts });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors, { parentId: 'must not be the category itself or one of its subcategories' });
    const tree = await call(kernel, 'GET', `${VENDOR_API}/categories`, shop.headers);
    assert.deepEqual(
      (tree.body.categories as { name: string; parentId: number | null }[]).map((c) => [c.name, c.parentId]),
      [
        ['Clothing', null],
        ['Shirts', clothing],
      ],
    );
  });
});

describe('catalog: search matches other forms of a word in the reader language', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  const found = async (q: string, language: string) => {
    const res = await call(kernel, 'GET', `${shopApi(shop.code)}/products?q=${encodeURIComponent(q)}`, {
      'accept-language': language,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return (res.body.items as { title: string }[]).map((p) => p.title).sort();
  };

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['catalog']);
    shop = await createTestVendor(kernel, { languages: ['en', 'fr', 'de'] });
    for (const title of ['Chemise bleue', 'Blaues Hemd', 'Running shoe']) {
      await createProduct(kernel, shop.headers, simpleProduct(title, 2500));
    }
  });
  after(() => kernel.stop());

  it('finds French, German and English titles by their stems, and still by prefixes', async () => {
    assert.deepEqual(await found('chemises bleues', 'fr'), ['Chemise bleue']);
    assert.deepEqual(await found('Hemden', 'de'), ['Blaues Hemd']);
    assert.deepEqual(await found('runs shoes', 'en'), ['Running shoe']);
    assert.deepEqual(await found('chem bl', 'de'), ['Chemise bleue'], 'prefixes of the words as written');
    assert.deepEqual(await found('bleus', 'en'), [], 'no stem in common and no prefix: nothing');
  });
});
