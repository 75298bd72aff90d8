import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createTestVendor,
  enablePlugins,
  missingEnglishKeys,
  pluginPackageDir,
  startTestKernel,
  strayKeys,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { messages } from '../src/locales/index.js';
import { call, createProduct, simpleProduct, uniq, VENDOR_API } from './helpers.js';
import { pagesOf } from './pages-helpers.js';

/** Element ids used more than once in a page: each must be unique, or labels point at the wrong control. */
const duplicateIds = (html: string) => {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  return ids.filter((id, i) => ids.indexOf(id) !== i);
};

describe('catalog: vendor pages', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let other: TestVendor;
  let pages: ReturnType<typeof pagesOf>;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['catalog']);
    shop = await createTestVendor(kernel);
    other = await createTestVendor(kernel);
    pages = pagesOf(kernel, shop);
  });
  after(() => kernel.stop());

  it('lists products with search, status filter and the bulk form', async () => {
    await createProduct(kernel, shop.headers, simpleProduct('Woollen scarf', 2500));
    await createProduct(kernel, shop.headers, simpleProduct('Linen shirt', 4000, { status: 'draft' }));
    const all = await (await pages.get('')).text();
    assert.match(all, /Woollen scarf/);
    assert.match(all, /Linen shirt/);
    assert.match(all, /<label[^>]*>Search<\/label>/);
    assert.deepEqual(duplicateIds(all), []);
    const found = await (await pages.get('?q=wool')).text();
    assert.match(found, /Woollen scarf/);
    assert.doesNotMatch(found, /Linen shirt/);
    const drafts = await (await pages.get('?status=draft')).text();
    assert.match(drafts, /Linen shirt/);
    assert.doesNotMatch(drafts, /Woollen scarf/);
  });

  it('creates a product with the form, and re-renders a wrong GTIN with its message and a 422, creating nothing', async () => {
    const sku = `MUG-${uniq()}`;
    const bad = await pages.post('/products/new', { title: 'Enamel mug', gtin: '4006381333932', sku, price: '12.50' });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /check digit does not match/);
    assert.match(html, /aria-invalid="true"[^>]*|id="field-gtin"[^>]*aria-invalid="true"/);
    assert.match(html, /value="Enamel mug"/);
    const none = await call(kernel, 'GET', `${VENDOR_API}/products?q=enamel`, shop.headers);
    assert.equal(none.body.total, 0);

    const ok = await pages.post('/products/new', {
      title: 'Enamel mug',
      gtin: '4006381333931',
      sku,
      price: '12.50',
      taxRate: '8.5',
    });
    assert.equal(ok.status, 303);
    const editor = await kernel.request(ok.headers.get('location') as string, {
      headers: { authorization: shop.headers.authorization as string },
    });
    const page = await editor.text();
    assert.match(page, /Edit Enamel mug/);
    assert.deepEqual(duplicateIds(page), []);
    assert.match(page, new RegExp(sku));
    const created = await call(kernel, 'GET', `${VENDOR_API}/products?q=enamel`, shop.headers);
    const product = (created.body.items as { taxRateBp: number; variants: { price: { amountMinor: number } }[] }[])[0];
    assert.equal(product?.taxRateBp, 850);
    assert.equal(product?.variants[0]?.price.amountMinor, 1250);
  });

  it('edits a product and shows a taken slug on the field with a 422, changing nothing', async () => {
    const a = await createProduct(kernel, shop.headers, simpleProduct('Tea towel', 900));
    await createProduct(kernel, shop.headers, simpleProduct('Apron', 1900));
    const res = await pages.post(`/products/${a.id}`, { title: 'Tea towel XL', slug: 'apron', status: 'active' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /already uses this/);
    const after = await call(kernel, 'GET', `${VENDOR_API}/products/${a.id}`, shop.headers);
    assert.equal(after.body.title, 'Tea towel');

    const saved = await pages.post(`/products/${a.id}`, {
      title: 'Tea towel XL',
      slug: 'tea-towel-xl',
      status: 'active',
      featured: 'on',
    });
    assert.equal(saved.status, 303);
    const changed = await call(kernel, 'GET', `${VENDOR_API}/products/${a.id}`, shop.headers);
    assert.equal(changed.body.title, 'Tea towel XL');
    assert.equal(changed.body.featured, true);
  });

  it('adds variants, shows a duplicate SKU on the SKU field, and refuses to delete the last one', async () => {
    const taken = `TAKEN-${uniq()}`;
    await createProduct(
      kernel,
      shop.headers,
      simpleProduct('Socks', 500, { variants: [{ sku: taken, price: { amountMinor: 500, currency: 'EUR' } }] }),
    );
    const p = await createProduct(kernel, shop.headers, {
      title: 'Cap',
      options: ['Size'],
      variants: [
        { sku: `CAP-S-${uniq()}`, optionValues: { Size: 'S' }, price: { amountMinor: 1500, currency: 'EUR' } },
      ],
    });
    const dup = await pages.post(`/products/${p.id}/variants/new`, { sku: taken, option0: 'M', price: '15' });
    assert.equal(dup.status, 422);
    const html = await dup.text();
    assert.match(html, /id="field-sku"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-sku"/);
    assert.match(html, /id="field-sku-error"[^>]*>Another product of this shop already uses this/);

    const added = await pages.post(`/products/${p.id}/variants/new`, {
      sku: `CAP-M-${uniq()}`,
      option0: 'M',
      price: '15.00',
    });
    assert.equal(added.status, 303);
    const read = await call(kernel, 'GET', `${VENDOR_API}/products/${p.id}`, shop.headers);
    const variants = read.body.variants as { id: number; optionValues: Record<string, string> }[];
    assert.deepEqual(
      variants.map((v) => v.optionValues.Size),
      ['S', 'M'],
    );
    assert.equal((await pages.post(`/variants/${variants[1]?.id}/delete`, {})).status, 303);
    assert.equal((await pages.post(`/variants/${variants[0]?.id}/delete`, {})).status, 409);
  });

  it('changes the status of several products after asking', async () => {
    const a = await createProduct(kernel, shop.headers, simpleProduct('Candle', 800));
    const b = await createProduct(kernel, shop.headers, simpleProduct('Vase', 3000));
    const ask = await pages.get(`/bulk-status?ids=${a.id}&ids=${b.id}&to=archived`);
    assert.equal(ask.status, 200);
    const dialog = await ask.text();
    assert.match(dialog, /role="alertdialog"/);
    assert.match(dialog, /Set 2 products to Archived\?/);
    const done = await pages.post('/bulk-status', { ids: `${a.id},${b.id}`, status: 'archived' });
    assert.equal(done.status, 303);
    for (const id of [a.id, b.id]) {
      assert.equal((await call(kernel, 'GET', `${VENDOR_API}/products/${id}`, shop.headers)).body.status, 'archived');
    }
    assert.equal((await pages.get('/bulk-status?to=archived')).status, 422);
  });

  it('creates, renames, moves and deletes categories, refusing a loop with a 422', async () => {
    assert.equal((await pages.post('/categories', { name: '' })).status, 422);
    assert.equal((await pages.post('/categories', { name: 'Kitchen' })).status, 303);
    assert.equal((await pages.post('/categories', { name: 'Mugs' })).status, 303);
    const list = async () =>
      (await call(kernel, 'GET', `${VENDOR_API}/categories`, shop.headers)).body.categories as {
        id: number;
        name: string;
        parentId: number | null;
      }[];
    const cats = await list();
    const kitchen = cats.find((k) => k.name === 'Kitchen');
    const mugs = cats.find((k) => k.name === 'Mugs');
    assert.ok(kitchen && mugs);
    assert.equal(
      (await pages.post(`/categories/${mugs.id}`, { name: 'Cups', parentId: String(kitchen.id) })).status,
      303,
    );
    const moved = (await list()).find((k) => k.id === mugs.id);
    assert.equal(moved?.name, 'Cups');
    assert.equal(moved?.parentId, kitchen.id);
    const loop = await pages.post(`/categories/${kitchen.id}`, { name: 'Kitchen', parentId: String(mugs.id) });
    assert.equal(loop.status, 422);
    assert.match(await loop.text(), /cannot move under itself/);
    assert.match(await (await pages.get('/categories')).text(), /Cups/);
    assert.equal((await pages.post(`/categories/${kitchen.id}/delete`, {})).status, 409);
    assert.equal((await pages.post(`/categories/${mugs.id}/delete`, {})).status, 303);
    assert.equal((await list()).length, 1);
  });

  it('deletes a product from its editor after asking', async () => {
    const p = await createProduct(kernel, shop.headers, simpleProduct('Old poster', 700));
    assert.match(await (await pages.get(`/products/${p.id}`)).text(), /Delete product/);
    assert.match(await (await pages.get(`/products/${p.id}/delete`)).text(), /Delete Old poster\?/);
    assert.equal((await pages.post(`/products/${p.id}/delete`, {})).status, 303);
    assert.equal((await pages.get(`/products/${p.id}`)).status, 404);
    assert.equal((await call(kernel, 'GET', `${VENDOR_API}/products/${p.id}`, shop.headers)).status, 404);
  });

  it("answers 404 for another vendor's product, variant and category pages", async () => {
    const p = await createProduct(kernel, shop.headers, simpleProduct('Private lamp', 5000));
    const theirs = pagesOf(kernel, other);
    assert.equal((await theirs.get(`/products/${p.id}`)).status, 404);
    assert.equal((await theirs.post(`/products/${p.id}`, { title: 'Stolen' })).status, 404);
    assert.equal((await theirs.get(`/variants/${p.variants[0]?.id}`)).status, 404);
    assert.equal((await theirs.post(`/products/${p.id}/delete`, {})).status, 404);
    assert.equal((await theirs.post('/bulk-status', { ids: String(p.id), status: 'archived' })).status, 303);
    const still = await call(kernel, 'GET', `${VENDOR_API}/products/${p.id}`, shop.headers);
    assert.equal(still.body.title, 'Private lamp');
    assert.equal(still.body.status, 'active');
  });

  it('speaks French and German to a shop that offers them', async () => {
    const multi = await createTestVendor(kernel, { languages: ['en', 'fr', 'de'] });
    await createProduct(kernel, multi.headers, simpleProduct('Bol', 1200, { status: 'draft' }));
    const page = (lang: string) =>
      kernel.request(`/vendor/${multi.code}/catalog`, {
        headers: { authorization: multi.headers.authorization as string, cookie: `lang=${lang}` },
      });
    const fr = await (await page('fr')).text();
    assert.match(fr, /<h1[^>]*>Produits<\/h1>/);
    assert.match(fr, />Brouillon</);
    const de = await (await page('de')).text();
    assert.match(de, /<h1[^>]*>Produkte<\/h1>/);
    assert.match(de, />Entwurf</);
  });

  it('has an English message for every key the pages use, and no stray French or German key', () => {
    assert.deepEqual(missingEnglishKeys(messages, path.join(pluginPackageDir(import.meta.url), 'src')), []);
    assert.deepEqual(strayKeys(messages, 'fr'), []);
    assert.deepEqual(strayKeys(messages, 'de'), []);
  });
});
