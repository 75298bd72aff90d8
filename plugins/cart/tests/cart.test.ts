import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, enablePlugins, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { call, cartApi, cartOf, createVariant, startCartKernel } from './helpers.js';

describe('cart: a guest fills, changes and empties a cart', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let tee: number;
  let mug: number;
  let api: string;

  before(async () => {
    kernel = await startCartKernel(import.meta.url);
    await enablePlugins(kernel, ['catalog', 'cart']);
    shop = await createTestVendor(kernel);
    api = cartApi(shop.code);
    tee = await createVariant(kernel, shop.headers, 'Tee', 1500);
    mug = await createVariant(kernel, shop.headers, 'Mug', 899);
  });
  after(() => kernel.stop());

  it('shows an empty cart and sets no cookie before anything is added', async () => {
    const res = await call(kernel, 'GET', api);
    assert.equal(res.status, 200);
    assert.deepEqual([cartOf(res).id, cartOf(res).lines, cartOf(res).itemCount], [null, [], 0]);
    assert.equal(res.cookie, undefined);
  });

  it('adds, updates and removes lines, keeping totals in minor units', async () => {
    const added = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: tee, quantity: 2 });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.ok(added.cookie, 'a new guest cart sets its signed cookie');
    const cookie = { cookie: added.cookie! };

    const again = await call(kernel, 'POST', `${api}/lines`, cookie, { variantId: tee, quantity: 1 });
    await call(kernel, 'POST', `${api}/lines`, cookie, { variantId: mug });
    let cart = cartOf(again);
    assert.equal(cart.lines[0]?.quantity, 3, 'the same variant adds up on one line');

    cart = cartOf(await call(kernel, 'GET', api, cookie));
    assert.deepEqual(
      cart.lines.map((l) => [l.variantId, l.quantity]),
      [
        [tee, 3],
        [mug, 1],
      ],
    );
    assert.deepEqual(cart.subtotal, { amountMinor: 3 * 1500 + 899, currency: 'EUR' });
    assert.equal(cart.itemCount, 4);

    const teeLine = cart.lines[0]!.id;
    const updated = await call(kernel, 'PATCH', `${api}/lines/${teeLine}`, cookie, { quantity: 1 });
    assert.equal(updated.status, 200);
    assert.deepEqual(cartOf(updated).subtotal, { amountMinor: 1500 + 899, currency: 'EUR' });

    const removed = await call(kernel, 'DELETE', `${api}/lines/${teeLine}`, cookie);
    assert.equal(removed.status, 200);
    assert.deepEqual(
      cartOf(removed).lines.map((l) => l.variantId),
      [mug],
    );
    const gone = await call(kernel, 'DELETE', `${api}/lines/${teeLine}`, cookie);
    assert.deepEqual([gone.status, gone.body.code], [404, 'CART_LINE_NOT_FOUND']);
  });

  it('refuses more units per line than the platform allows, saying how many fit', async () => {
    const first = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: tee, quantity: 8 });
    const cookie = { cookie: first.cookie! };
    const res = await call(kernel, 'POST', `${api}/lines`, cookie, { variantId: tee, quantity: 3 });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'CART_QUANTITY_LIMIT');
    assert.match(String(res.body.detail), /At most 10 units/);
    const line = cartOf(await call(kernel, 'GET', api, cookie)).lines[0]!;
    assert.equal(line.quantity, 8, 'the refused add changed nothing');
    const patch = await call(kernel, 'PATCH', `${api}/lines/${line.id}`, cookie, { quantity: 11 });
    assert.equal(patch.body.code, 'CART_QUANTITY_LIMIT');
    const zero = await call(kernel, 'PATCH', `${api}/lines/${line.id}`, cookie, { quantity: 0 });
    assert.equal(zero.status, 422, 'a quantity below 1 fails validation');
  });

  it('keeps the price snapshot, reports a price change per line, and accepts it on check', async () => {
    const hat = await createVariant(kernel, shop.headers, 'Hat', 2000);
    const first = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: hat, quantity: 2 });
    const cookie = { cookie: first.cookie! };
    const patched = await call(kernel, 'PATCH', `/api/v1/vendor/catalog/variants/${hat}`, shop.headers, {
      price: { amountMinor: 2500, currency: 'EUR' },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));

    const read = cartOf(await call(kernel, 'GET', api, cookie));
    assert.equal(read.changed, true);
    assert.equal(read.lines[0]!.unitPrice.amountMinor, 2000, 'reading keeps the snapshot');
    assert.deepEqual(read.lines[0]!.messages, ['The price of "Hat" changed from €20.00 to €25.00.']);

    const checked = cartOf(await call(kernel, 'POST', `${api}/check`, cookie));
    assert.deepEqual(checked.messages, ['The price of "Hat" changed from €20.00 to €25.00.']);
    const after = cartOf(await call(kernel, 'GET', api, cookie));
    assert.deepEqual([after.changed, after.lines[0]!.unitPrice.amountMinor], [false, 2500]);
    assert.deepEqual(after.subtotal, { amountMinor: 5000, currency: 'EUR' });
  });

  it('says so when an item in the cart is no longer for sale', async () => {
    const cap = await createVariant(kernel, shop.headers, 'Cap', 700);
    const first = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: cap });
    const product = (await call(kernel, 'GET', `/api/v1/vendor/catalog/variants/${cap}`, shop.headers)).body
      .productId as number;
    await call(kernel, 'PATCH', `/api/v1/vendor/catalog/products/${product}`, shop.headers, { status: 'archived' });
    const cart = cartOf(await call(kernel, 'POST', `${api}/check`, { cookie: first.cookie! }));
    assert.deepEqual(cart.messages, ['"Cap" is no longer available; remove it to continue.']);
    const add = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: cap });
    assert.deepEqual([add.status, add.body.code], [404, 'CART_VARIANT_UNAVAILABLE']);
  });

  it('ignores a cookie whose signature does not hold', async () => {
    const first = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: mug });
    const forged = first.cookie!.replace(/\.[^.]+$/, '.forged');
    const res = await call(kernel, 'GET', api, { cookie: forged });
    assert.deepEqual(cartOf(res).lines, []);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await (await kernel.request('/api/v1/openapi.json')).json()) as { paths: Record<string, object> };
    for (const path of [
      '/api/v1/shop/cart',
      '/api/v1/shop/cart/lines',
      '/api/v1/shop/cart/lines/{lineId}',
      '/api/v1/shop/cart/check',
    ]) {
      assert.ok(doc.paths[path] ?? doc.paths[`${path}/`], `${path} is documented`);
    }
  });
});

describe("cart: messages in the shopper's language", () => {
  let kernel: TestKernel;
  let shop: TestVendor;

  before(async () => {
    kernel = await startCartKernel(import.meta.url);
    await enablePlugins(kernel, ['catalog', 'cart']);
    shop = await createTestVendor(kernel, { languages: ['en', 'fr', 'de'] });
  });
  after(() => kernel.stop());

  it('reports a price change in French and German, with the amounts as the language writes them', async () => {
    const api = cartApi(shop.code);
    const scarf = await createVariant(kernel, shop.headers, 'Écharpe', 2000);
    const first = await call(kernel, 'POST', `${api}/lines`, {}, { variantId: scarf });
    await call(kernel, 'PATCH', `/api/v1/vendor/catalog/variants/${scarf}`, shop.headers, {
      price: { amountMinor: 2450, currency: 'EUR' },
    });
    const read = async (language: string) =>
      cartOf(await call(kernel, 'GET', api, { cookie: first.cookie!, 'accept-language': language })).messages;
    const [fr] = await read('fr');
    assert.match(fr ?? '', /^Le prix de « Écharpe » est passé de 20,00\s€ à 24,50\s€\.$/);
    const [de] = await read('de');
    assert.match(de ?? '', /^Der Preis von „Écharpe“ hat sich von 20,00\s€ auf 24,50\s€ geändert\.$/);
    assert.deepEqual(await read('en'), ['The price of "Écharpe" changed from €20.00 to €24.50.']);
  });
});
