import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTestTeamMember,
  createTestVendor,
  enablePlugins,
  pluginPackageDir,
  startTestKernel,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { call, createProduct, simpleProduct, uniq, VENDOR_API } from './helpers.js';

describe('catalog: products and variants through the vendor API', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let other: TestVendor;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['catalog']);
    shop = await createTestVendor(kernel);
    other = await createTestVendor(kernel);
  });
  after(() => kernel.stop());

  it('creates a product with size variants, derives its slug, and reads it back with prices as Money', async () => {
    const created = await createProduct(kernel, shop.headers, {
      title: 'Blue Rain Jacket',
      brand: 'Nordlicht',
      gtin: '4006381333931',
      taxRateBp: 1700,
      options: ['Size'],
      variants: ['S', 'M'].map((size, i) => ({
        sku: `JACKET-${size}-${uniq()}`,
        optionValues: { Size: size },
        price: { amountMinor: 8990 + i * 500, currency: 'EUR' },
      })),
    });
    assert.equal(created.slug, 'blue-rain-jacket');
    assert.equal(created.status, 'draft', 'new products start as drafts');
    assert.equal(created.gtinType, 'GTIN-13');
    const read = await call(kernel, 'GET', `${VENDOR_API}/products/${created.id}`, shop.headers);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.priceFrom, { amountMinor: 8990, currency: 'EUR' });
    assert.deepEqual(
      (read.body.variants as { optionValues: object; isDefault: boolean }[]).map((v) => [v.optionValues, v.isDefault]),
      [
        [{ Size: 'S' }, false],
        [{ Size: 'M' }, false],
      ],
    );
  });

  it('gives a product without options exactly one default variant', async () => {
    const p = await createProduct(kernel, shop.headers, simpleProduct('Plain mug', 1200));
    assert.deepEqual(
      p.variants.map((v) => v.isDefault),
      [true],
    );
    const second = await call(kernel, 'POST', `${VENDOR_API}/products/${p.id}/variants`, shop.headers, {
      sku: `MUG-2-${uniq()}`,
      price: { amountMinor: 1300, currency: 'EUR' },
    });
    assert.equal(second.status, 422);
    assert.match(
      String((second.body.errors as Record<string, string>).optionValues),
      /exactly one \(default\) variant/,
    );
    const twoVariants = await call(kernel, 'POST', `${VENDOR_API}/products`, shop.headers, {
      title: 'Two without options',
      variants: [
        { sku: `A-${uniq()}`, price: { amountMinor: 1, currency: 'EUR' } },
        { sku: `B-${uniq()}`, price: { amountMinor: 1, currency: 'EUR' } },
      ],
    });
    assert.equal(twoVariants.status, 422);
    assert.equal(
      (twoVariants.body.errors as Record<string, string>).variants,
      'a product without options has one variant',
    );
  });

  it('keeps slugs unique per vendor: a second vendor may use the same slug, the same vendor may not', async () => {
    await createProduct(kernel, shop.headers, simpleProduct('Shared', 500, { slug: 'shared-slug' }));
    await createProduct(kernel, other.headers, simpleProduct('Shared', 500, { slug: 'shared-slug' }));
    const again = await call(
      kernel,
      'POST',
      `${VENDOR_API}/products`,
      shop.headers,
      simpleProduct('Again', 500, { slug: 'shared-slug' }),
    );
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'CATALOG_DUPLICATE');
    assert.deepEqual(again.body.errors, { slug: 'is already taken in this shop' });
    const auto = await createProduct(kernel, shop.headers, simpleProduct('Shared slug', 500));
    assert.equal(auto.slug, 'shared-slug-2', 'a derived slug steps aside instead of failing');
  });

  it('keeps SKUs unique per vendor, and lets two vendors use the same SKU', async () => {
    const sku = `SAME-${uniq()}`;
    const body = (title: string) => ({ title, variants: [{ sku, price: { amountMinor: 100, currency: 'EUR' } }] });
    await createProduct(kernel, shop.headers, body('First'));
    await createProduct(kernel, other.headers, body('Other vendor, same SKU'));
    const dup = await call(kernel, 'POST', `${VENDOR_API}/products`, shop.headers, body('Duplicate'));
    assert.equal(dup.status, 409);
    assert.deepEqual(dup.body.errors, { sku: 'is already taken in this shop' });
  });

  it('refuses bad input with 422 naming each field: title, GTIN check digit, status, money, option values', async () => {
    const res = await call(kernel, 'POST', `${VENDOR_API}/products`, shop.headers, {
      title: '',
      gtin: '4006381333932',
      status: 'published',
      options: ['Colour'],
      variants: [{ sku: 'X', optionValues: { Size: 'M' }, price: { amountMinor: 19.99, currency: 'EURO' } }],
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'ORN_HTTP_VALIDATION_FAILED');
    const errors = res.body.errors as Record<string, string>;
    assert.equal(errors.title, 'must not be empty');
    assert.equal(errors.gtin, 'has a wrong check digit (expected 1)');
    assert.match(errors.status as string, /draft|active|archived/);
    assert.equal(errors['variants.0.price.amountMinor'], 'must be an integer number of minor units');
    assert.equal(errors['variants.0.price.currency'], 'must be an ISO 4217 currency code such as EUR');
    const options = await call(kernel, 'POST', `${VENDOR_API}/products`, shop.headers, {
      title: 'Colourful',
      options: ['Colour'],
      variants: [{ sku: `C-${uniq()}`, optionValues: { Size: 'M' }, price: { amountMinor: 100, currency: 'EUR' } }],
    });
    assert.equal(options.status, 422);
    assert.deepEqual(options.body.errors, { 'variants.0.optionValues': 'must give a value for each option: Colour' });
  });

  it('refuses a price in another currency than the catalog currency, and script in the description', async () => {
    const usd = await call(kernel, 'POST', `${VENDOR_API}/products`, shop.headers, {
      title: 'Dollar thing',
      variants: [{ sku: `USD-${uniq()}`, price: { amountMinor: 100, currency: 'USD' } }],
    });
    assert.equal(usd.status, 422);
    assert.deepEqual(usd.body.errors, { 'variants.0.price.currency': 'must be EUR, the catalog currency' });
    const script = await call(kernel, 'POST', `${VENDOR_API}/products`, shop.headers, {
      ...simpleProduct('Scripted', 100),
      description: 'Nice **bold** <script>alert(1)</script>',
    });
    assert.equal(script.status, 422);
    assert.match((script.body.errors as Record<string, string>).description as string, /must not contain script/);
  });

  it('lets a viewer read but not edit, and an API key only what it was given', async () => {
    const p = await createProduct(kernel, shop.headers, simpleProduct('Viewer sees me', 700));
    const viewer = await createTestTeamMember(kernel, shop, 'viewer');
    assert.equal((await call(kernel, 'GET', `${VENDOR_API}/products/${p.id}`, viewer.headers)).status, 200);
    const patch = await call(kernel, 'PATCH', `${VENDOR_API}/products/${p.id}`, viewer.headers, { title: 'No' });
    assert.equal(patch.status, 403);
    assert.equal(patch.body.code, 'ORN_AUTH_FORBIDDEN');
    assert.equal((await call(kernel, 'DELETE', `${VENDOR_API}/products/${p.id}`, viewer.headers)).status, 403);
    const staff = await createTestTeamMember(kernel, shop, 'staff');
    assert.equal(
      (await call(kernel, 'PATCH', `${VENDOR_API}/products/${p.id}`, staff.headers, { title: 'Yes' })).status,
      200,
    );
    assert.equal((await call(kernel, 'GET', `${VENDOR_API}/products`)).status, 401);
  });

  it('changes a variant price, refuses deleting the last variant, and soft-deletes a product', async () => {
    const p = await createProduct(kernel, shop.headers, simpleProduct('Short lived', 1000));
    const variantId = p.variants[0]?.id;
    const changed = await call(kernel, 'PATCH', `${VENDOR_API}/variants/${variantId}`, shop.headers, {
      price: { amountMinor: 1250, currency: 'EUR' },
      compareAtPrice: { amountMinor: 1500, currency: 'EUR' },
    });
    assert.equal(changed.status, 200);
    assert.deepEqual(changed.body.compareAtPrice, { amountMinor: 1500, currency: 'EUR' });
    const last = await call(kernel, 'DELETE', `${VENDOR_API}/variants/${variantId}`, shop.headers);
    assert.equal(last.status, 409);
    assert.equal(last.body.code, 'CATALOG_LAST_VARIANT');
    assert.equal((await call(kernel, 'DELETE', `${VENDOR_API}/products/${p.id}`, shop.headers)).status, 204);
    assert.equal((await call(kernel, 'GET', `${VENDOR_API}/products/${p.id}`, shop.headers)).status, 404);
    assert.equal((await call(kernel, 'GET', `${VENDOR_API}/variants/${variantId}`, shop.headers)).status, 404);
  });

  it('changes the status of many products at once and reports ids it does not know', async () => {
    const a = await createProduct(kernel, shop.headers, simpleProduct('Bulk A', 100, { status: 'draft' }));
    const b = await createProduct(kernel, shop.headers, simpleProduct('Bulk B', 100, { status: 'draft' }));
    const foreign = await createProduct(kernel, other.headers, simpleProduct('Not yours', 100, { status: 'draft' }));
    const res = await call(kernel, 'POST', `${VENDOR_API}/products/bulk-status`, shop.headers, {
      ids: [a.id, b.id, foreign.id],
      status: 'active',
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { updated: [a.id, b.id].sort((x, y) => x - y), notFound: [foreign.id] });
    const still = await call(kernel, 'GET', `${VENDOR_API}/products/${foreign.id}`, other.headers);
    assert.equal(still.body.status, 'draft', "another vendor's product is left alone");
  });

  it('emits product events on the bus with the platform and vendor', async () => {
    const seen: { event: string; productId: number; vendorId: number }[] = [];
    const offs = (['catalog.product.created', 'catalog.product.updated', 'catalog.product.deleted'] as const).map((e) =>
      kernel.events.on(e, (p) => {
        seen.push({ event: e, productId: p.productId, vendorId: p.vendorId });
      }),
    );
    try {
      const p = await createProduct(kernel, shop.headers, simpleProduct('Evented', 100));
      await call(kernel, 'PATCH', `${VENDOR_API}/products/${p.id}`, shop.headers, { featured: true });
      await call(kernel, 'DELETE', `${VENDOR_API}/products/${p.id}`, shop.headers);
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(seen, [
        { event: 'catalog.product.created', productId: p.id, vendorId: shop.id },
        { event: 'catalog.product.updated', productId: p.id, vendorId: shop.id },
        { event: 'catalog.product.deleted', productId: p.id, vendorId: shop.id },
      ]);
    } finally {
      for (const off of offs) off();
    }
  });
});
