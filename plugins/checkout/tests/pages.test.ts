import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asSystem, createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { ADDRESS, Browser, shippingMethods, shopPage, startCheckoutKernel, stockedVariant } from './helpers.js';

/** Publishes a theme for a vendor, as the dashboard does: write, then reload the registry. */
async function setTheme(kernel: TestKernel, vendorId: number, theme: Record<string, unknown>) {
  await asSystem(kernel, (db) =>
    db('vendors')
      .where({ id: vendorId })
      .update({ theme: JSON.stringify(theme) }),
  );
  await kernel.vendors.refresh();
}

describe('cart and checkout pages without JavaScript', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let methods: Awaited<ReturnType<typeof shippingMethods>>;
  before(async () => {
    kernel = await startCheckoutKernel(import.meta.url);
    shop = await createTestVendor(kernel);
    methods = await shippingMethods(kernel, shop.headers);
  });
  after(() => kernel.stop());

  it('adds to the cart from the product page, then updates and removes lines (POST, then 303)', async () => {
    const hat = await stockedVariant(kernel, shop.headers, { title: 'Felt Hat', priceMinor: 2500 });
    const b = new Browser(kernel);
    const product = await b.get(shopPage(shop.code, `/products/${hat.slug}`));
    assert.equal(product.status, 200);
    assert.match(product.text, /action="[^"]*\/cart\/add"/, 'the product page has an add-to-cart form');
    const add = await b.post(
      shopPage(shop.code, '/cart/add'),
      { variantId: String(hat.id), quantity: '2' },
      product.text,
    );
    assert.equal(add.status, 303);
    assert.equal(add.headers.get('location'), shopPage(shop.code, '/cart'));

    const cart = await b.get(shopPage(shop.code, '/cart'));
    assert.equal(cart.status, 200);
    assert.match(cart.text, /Felt Hat/);
    assert.match(cart.text, /€50\.00/);
    assert.match(cart.text, /Added to your cart/);
    const lineId = cart.text.match(/data-line="(\d+)"/)?.[1];
    assert.ok(lineId);

    const tooMany = await b.post(shopPage(shop.code, `/cart/lines/${lineId}`), { quantity: '0' }, cart.text);
    assert.equal(tooMany.status, 303);
    assert.match((await b.get(shopPage(shop.code, '/cart'))).text, /Enter a quantity from 1 to 999/);

    const update = await b.post(shopPage(shop.code, `/cart/lines/${lineId}`), { quantity: '3' }, cart.text);
    assert.equal(update.status, 303);
    assert.match((await b.get(shopPage(shop.code, '/cart'))).text, /€75\.00/);

    const remove = await b.post(shopPage(shop.code, `/cart/lines/${lineId}/remove`), {}, cart.text);
    assert.equal(remove.status, 303);
    assert.match((await b.get(shopPage(shop.code, '/cart'))).text, /Your cart is empty/);
  });

  it('answers the cart section alone to htmx', async () => {
    const res = await new Browser(kernel, { 'hx-request': 'true' }).get(shopPage(shop.code, '/cart'));
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.text, /<html/);
    assert.match(res.text, /id="cart"/);
  });

  it('walks every step with forms, re-renders errors with 422, places, confirms and tracks the order', async () => {
    const lamp = await stockedVariant(kernel, shop.headers, { title: 'Desk Lamp', priceMinor: 3000 });
    const b = new Browser(kernel);
    const product = await b.get(shopPage(shop.code, `/products/${lamp.slug}`));
    await b.post(shopPage(shop.code, '/cart/add'), { variantId: String(lamp.id) }, product.text);

    const start = await b.get(shopPage(shop.code, '/checkout'));
    assert.equal(start.status, 303);
    assert.equal(start.headers.get('location'), shopPage(shop.code, '/checkout/contact'));

    let page = await b.get(shopPage(shop.code, '/checkout/contact'));
    assert.equal(page.status, 200);
    assert.match(page.text, /<label[^>]*for="field-email"/);
    let res = await b.post(shopPage(shop.code, '/checkout/contact'), { email: 'bad', name: '' }, page.text);
    assert.equal(res.status, 422);
    assert.match(res.text, /role="alert"/);
    assert.match(res.text, /must be an email address/);
    res = await b.post(shopPage(shop.code, '/checkout/contact'), { email: 'ada@example.com', name: 'Ada' }, page.text);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), shopPage(shop.code, '/checkout/address'));

    page = await b.get(shopPage(shop.code, '/checkout/address'));
    res = await b.post(shopPage(shop.code, '/checkout/address'), { ...ADDRESS, postalCode: '99' }, page.text);
    assert.equal(res.status, 422);
    assert.match(res.text, /not a LU postal code/);
    assert.match(res.text, /value="1 Rue de la Gare"/, 'the form keeps what was typed');
    res = await b.post(shopPage(shop.code, '/checkout/address'), ADDRESS, page.text);
    assert.equal(res.headers.get('location'), shopPage(shop.code, '/checkout/shipping'));

    page = await b.get(shopPage(shop.code, '/checkout/shipping'));
    assert.match(page.text, /Express: €6\.90/);
    assert.match(page.text, /Pickup: Free/);
    res = await b.post(shopPage(shop.code, '/checkout/shipping'), { methodId: String(methods.flat) }, page.text);
    assert.equal(res.headers.get('location'), shopPage(shop.code, '/checkout/payment'));

    page = await b.get(shopPage(shop.code, '/checkout/payment'));
    res = await b.post(shopPage(shop.code, '/checkout/payment'), { provider: 'testgateway' }, page.text);
    assert.equal(res.headers.get('location'), shopPage(shop.code, '/checkout/review'));

    const review = await b.get(shopPage(shop.code, '/checkout/review'));
    assert.equal(review.status, 200);
    assert.match(review.text, /€34\.90/, 'the total includes shipping');
    const token = review.text.match(/name="reviewToken" value="([^"]+)"/)?.[1];
    assert.ok(token);
    res = await b.post(
      shopPage(shop.code, '/checkout/place'),
      { reviewToken: token, cardNumber: '4000000000000002' },
      review.text,
    );
    assert.equal(res.status, 402);
    assert.match(res.text, /declined/);
    res = await b.post(
      shopPage(shop.code, '/checkout/place'),
      { reviewToken: token, cardNumber: '4242424242424242' },
      review.text,
    );
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), shopPage(shop.code, '/checkout/confirmation'));
    // A double submit (the button pressed twice): the same order, no second one.
    const again = await b.post(
      shopPage(shop.code, '/checkout/place'),
      { reviewToken: token, cardNumber: '4242424242424242' },
      review.text,
    );
    assert.equal(again.status, 303);

    const confirmation = await b.get(shopPage(shop.code, '/checkout/confirmation'));
    assert.equal(confirmation.status, 200);
    const number = confirmation.text.match(/Your order number is (\d+)/)?.[1];
    assert.ok(number, confirmation.text);
    assert.match(confirmation.text, /Desk Lamp/);

    const stranger = new Browser(kernel);
    const track = await stranger.get(shopPage(shop.code, '/checkout/track'));
    const wrong = await stranger.post(
      shopPage(shop.code, '/checkout/track'),
      { number, email: 'eve@example.com' },
      track.text,
    );
    assert.equal(wrong.status, 404);
    assert.match(wrong.text, /We found no order/);
    const found = await stranger.post(
      shopPage(shop.code, '/checkout/track'),
      { number, email: 'ADA@example.com' },
      track.text,
    );
    assert.equal(found.status, 200);
    assert.match(found.text, new RegExp(`Order ${number}`));
    assert.match(found.text, /Received, awaiting payment|Paid/);
  });

  it('with htmx: a step re-renders its section with errors in place, and a valid step redirects (HX-Redirect)', async () => {
    const cap = await stockedVariant(kernel, shop.headers, { title: 'Cap' });
    const b = new Browser(kernel);
    const product = await b.get(shopPage(shop.code, `/products/${cap.slug}`));
    await b.post(shopPage(shop.code, '/cart/add'), { variantId: String(cap.id) }, product.text);
    const page = await b.get(shopPage(shop.code, '/checkout/contact'));
    assert.match(page.text, /hx-post="[^"]*\/checkout\/contact"/);
    const htmx = b.with({ 'hx-request': 'true' });
    const bad = await htmx.post(shopPage(shop.code, '/checkout/contact'), { email: 'x', name: 'Ada' }, page.text);
    assert.equal(bad.status, 422);
    assert.doesNotMatch(bad.text, /<html/);
    assert.match(bad.text, /id="checkout"/);
    const good = await htmx.post(
      shopPage(shop.code, '/checkout/contact'),
      { email: 'a@example.com', name: 'Ada' },
      page.text,
    );
    assert.equal(good.headers.get('hx-redirect'), shopPage(shop.code, '/checkout/address'));
  });

  it('shows the changed cart on the review when it changed after the review (409)', async () => {
    const mug = await stockedVariant(kernel, shop.headers, { title: 'Mug', priceMinor: 800 });
    const b = new Browser(kernel);
    const product = await b.get(shopPage(shop.code, `/products/${mug.slug}`));
    await b.post(shopPage(shop.code, '/cart/add'), { variantId: String(mug.id) }, product.text);
    for (const [step, fields] of [
      ['contact', { email: 'ada@example.com', name: 'Ada' }],
      ['address', ADDRESS],
      ['shipping', { methodId: String(methods.pickup) }],
      ['payment', { provider: 'manual' }],
    ] as const) {
      const page = await b.get(shopPage(shop.code, `/checkout/${step}`));
      assert.equal((await b.post(shopPage(shop.code, `/checkout/${step}`), fields, page.text)).status, 303);
    }
    const review = await b.get(shopPage(shop.code, '/checkout/review'));
    const token = review.text.match(/name="reviewToken" value="([^"]+)"/)?.[1] ?? '';
    const cart = await b.get(shopPage(shop.code, '/cart'));
    const lineId = cart.text.match(/data-line="(\d+)"/)?.[1];
    await b.post(shopPage(shop.code, `/cart/lines/${lineId}`), { quantity: '4' }, cart.text);
    const res = await b.post(shopPage(shop.code, '/checkout/place'), { reviewToken: token }, review.text);
    assert.equal(res.status, 409);
    assert.match(res.text, /Your cart changed/);
    assert.match(res.text, /Please check the order below again/);
    assert.match(res.text, /€32\.00/, 'the review shows the new quantity');
  });

  it("renders the cart and checkout pages in each theme's layout and tokens", async () => {
    const tee = await stockedVariant(kernel, shop.headers, { title: 'Tee' });
    for (const [theme, preset] of [
      ['classic', 'classic-navy'],
      ['minimal', 'minimal-sand'],
      ['bold', 'bold-neon'],
    ]) {
      await setTheme(kernel, shop.id, { id: theme, preset });
      const b = new Browser(kernel);
      const product = await b.get(shopPage(shop.code, `/products/${tee.slug}`));
      await b.post(shopPage(shop.code, '/cart/add'), { variantId: String(tee.id) }, product.text);
      for (const path of ['/cart', '/checkout/contact', '/checkout/track']) {
        const page = await b.get(shopPage(shop.code, path));
        assert.equal(page.status, 200, `${theme} ${path}`);
        assert.match(page.text, /^<!DOCTYPE html>/i);
        assert.match(page.text, new RegExp(`class="sf-theme-${theme} sf-preset-${preset}[ "]`), `${theme} ${path}`);
        assert.match(page.text, /--color-primary:/, 'the theme tokens are in the page');
        assert.match(page.text, /<main/);
        assert.match(page.text, /name="robots" content="noindex"/);
      }
    }
  });
});

describe('vendor shipping methods page', () => {
  let kernel: TestKernel;
  before(async () => {
    kernel = await startCheckoutKernel(import.meta.url);
  });
  after(() => kernel.stop());

  it('lists, adds with validation errors re-rendered (422), edits and deletes; another vendor gets 404', async () => {
    const shop = await createTestVendor(kernel);
    const other = await createTestVendor(kernel);
    const b = new Browser(kernel, shop.headers);
    const url = `/vendor/${shop.code}/checkout/shipping`;
    const list = await b.get(url);
    assert.equal(list.status, 200, list.text.slice(0, 300));
    assert.match(list.text, /No shipping methods yet/);

    const bad = await b.post(
      url,
      { name: '', kind: 'free_above', amountMinor: '500', currency: 'EUR', active: 'true' },
      list.text,
    );
    assert.equal(bad.status, 422);
    assert.match(bad.text, /is required for free above a threshold/);
    assert.match(bad.text, /must not be empty/);

    const ok = await b.post(
      url,
      {
        name: 'Courier',
        kind: 'free_above',
        amountMinor: '500',
        freeAboveMinor: '4000',
        currency: 'eur',
        active: 'true',
      },
      list.text,
    );
    assert.equal(ok.status, 303);
    const after1 = await b.get(url);
    assert.match(after1.text, /Courier/);
    assert.match(after1.text, /€5\.00, free from €40\.00/);
    const id = after1.text.match(/data-method="(\d+)"/)?.[1];
    assert.ok(id);

    const theirs = new Browser(kernel, other.headers);
    const otherList = await theirs.get(`/vendor/${other.code}/checkout/shipping`);
    assert.doesNotMatch(otherList.text, /Courier/);
    assert.equal((await theirs.get(`/vendor/${other.code}/checkout/shipping/${id}`)).status, 404);
    const hijack = await theirs.post(`/vendor/${other.code}/checkout/shipping/${id}/delete`, {}, otherList.text);
    assert.equal(hijack.status, 404);

    const edit = await b.get(`${url}/${id}`);
    assert.equal(edit.status, 200);
    const saved = await b.post(
      `${url}/${id}`,
      { name: 'Courier+', kind: 'flat', amountMinor: '700', currency: 'EUR', active: 'true' },
      edit.text,
    );
    assert.equal(saved.status, 303);
    assert.match((await b.get(url)).text, /Courier\+/);
    const del = await b.post(`${url}/${id}/delete`, {}, edit.text);
    assert.equal(del.status, 303);
    assert.match((await b.get(url)).text, /No shipping methods yet/);
  });
});
