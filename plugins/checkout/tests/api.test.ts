import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestCustomer, createTestVendor, mailsTo, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import {
  ADDRESS,
  Browser,
  CONTACT,
  call,
  readyToReview,
  shippingMethods,
  shopApi,
  startCheckoutKernel,
  stockedVariant,
} from './helpers.js';

describe('checkout JSON API', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let methods: Awaited<ReturnType<typeof shippingMethods>>;
  before(async () => {
    kernel = await startCheckoutKernel(import.meta.url);
    shop = await createTestVendor(kernel);
    methods = await shippingMethods(kernel, shop.headers);
  });
  after(() => kernel.stop());

  it('refuses to start with an empty cart', async () => {
    const res = await new Browser(kernel).json('POST', shopApi(shop.code, '/checkout/session'));
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'CHECKOUT_CART_EMPTY');
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
  });

  it('validates each step with field errors (422) and keeps the order of the steps', async () => {
    const { id } = await stockedVariant(kernel, shop.headers);
    const b = new Browser(kernel);
    await b.json('POST', shopApi(shop.code, '/cart/lines'), { variantId: id });
    const start = await b.json('POST', shopApi(shop.code, '/checkout/session'));
    assert.equal(start.body.next, 'contact');
    assert.equal(start.body.shippingMethods.length, 3);

    const badEmail = await b.json('PUT', shopApi(shop.code, '/checkout/contact'), { email: 'nope', name: 'A' });
    assert.equal(badEmail.status, 422);
    assert.ok(badEmail.body.errors.email);

    const badPostal = await b.json('PUT', shopApi(shop.code, '/checkout/address'), { ...ADDRESS, postalCode: '123' });
    assert.equal(badPostal.status, 422);
    assert.match(badPostal.body.errors.postalCode, /not a LU postal code/);
    const badCountry = await b.json('PUT', shopApi(shop.code, '/checkout/address'), { ...ADDRESS, country: 'Lux' });
    assert.equal(badCountry.status, 422);
    assert.ok(badCountry.body.errors.country);

    const early = await b.json('POST', shopApi(shop.code, '/checkout/review'));
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'CHECKOUT_STEP_MISSING');
    assert.match(early.body.detail, /contact/);

    const unknownProvider = await b.json('PUT', shopApi(shop.code, '/checkout/payment'), { provider: 'cash' });
    assert.equal(unknownProvider.status, 422);
  });

  it('computes shipping into the totals: flat, free from the threshold, pickup', async () => {
    const cheap = await stockedVariant(kernel, shop.headers, { priceMinor: 4999 });
    const exact = await stockedVariant(kernel, shop.headers, { priceMinor: 5000 });
    const cases = [
      [cheap.id, methods.flat, 490],
      [cheap.id, methods.free, 690],
      [exact.id, methods.free, 0],
      [cheap.id, methods.pickup, 0],
    ] as const;
    for (const [variant, method, shipping] of cases) {
      const b = await readyToReview(kernel, shop.code, variant, method);
      const review = await b.json('POST', shopApi(shop.code, '/checkout/review'));
      assert.equal(review.status, 200, review.text);
      assert.equal(review.body.shipping.amountMinor, shipping);
      const placed = await b.json('POST', shopApi(shop.code, '/checkout/place'), {
        reviewToken: review.body.reviewToken,
      });
      assert.equal(placed.status, 201, placed.text);
      assert.equal(placed.body.shipping.amountMinor, shipping, 'the order carries the shipping cost');
      assert.equal(placed.body.total.amountMinor, review.body.cart.subtotal.amountMinor + shipping);
    }
  });

  it('returns the same order for a double submit, and mails the confirmation once', async () => {
    const { id } = await stockedVariant(kernel, shop.headers, { priceMinor: 1200 });
    const b = await readyToReview(kernel, shop.code, id, methods.flat, 'testgateway');
    const review = await b.json('POST', shopApi(shop.code, '/checkout/review'));
    const body = { reviewToken: review.body.reviewToken, card: { number: '4242424242424242' } };
    const first = await b.json('POST', shopApi(shop.code, '/checkout/place'), body);
    assert.equal(first.status, 201, first.text);
    const second = await b.json('POST', shopApi(shop.code, '/checkout/place'), body);
    assert.equal(second.status, 200);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(second.body.id, first.body.id);
    assert.equal(second.body.number, first.body.number);
    const mails = (await mailsTo(kernel, CONTACT.email)).filter((m) => m.subject.includes(`#${first.body.number} `));
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.text, /Total: €16\.90/);
    assert.match(mails[0]!.text, /checkout\/track/);
  });

  it('asks for a card with the test gateway, and explains a decline', async () => {
    const { id } = await stockedVariant(kernel, shop.headers);
    const b = await readyToReview(kernel, shop.code, id, methods.flat, 'testgateway');
    const review = await b.json('POST', shopApi(shop.code, '/checkout/review'));
    const noCard = await b.json('POST', shopApi(shop.code, '/checkout/place'), {
      reviewToken: review.body.reviewToken,
    });
    assert.equal(noCard.status, 422);
    assert.equal(noCard.body.code, 'CHECKOUT_CARD_REQUIRED');
    const declined = await b.json('POST', shopApi(shop.code, '/checkout/place'), {
      reviewToken: review.body.reviewToken,
      card: { number: '4000000000000002' },
    });
    assert.equal(declined.status, 402);
    assert.match(declined.body.detail, /declined/);
  });

  it('refuses to place when the cart changed after the review, with a clear message (409)', async () => {
    const { id } = await stockedVariant(kernel, shop.headers);
    const b = await readyToReview(kernel, shop.code, id, methods.flat);
    const review = await b.json('POST', shopApi(shop.code, '/checkout/review'));
    const cart = await b.json('GET', shopApi(shop.code, '/cart'));
    await b.json('PATCH', shopApi(shop.code, `/cart/lines/${cart.body.lines[0].id}`), { quantity: 2 });
    const res = await b.json('POST', shopApi(shop.code, '/checkout/place'), { reviewToken: review.body.reviewToken });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'CHECKOUT_CART_CHANGED');
    assert.match(res.body.detail, /changed since you reviewed it/);
    const again = await b.json('POST', shopApi(shop.code, '/checkout/review'));
    assert.equal(again.body.cart.lines[0].quantity, 2);
    const placed = await b.json('POST', shopApi(shop.code, '/checkout/place'), { reviewToken: again.body.reviewToken });
    assert.equal(placed.status, 201, placed.text);
  });

  it('names the item when stock ran out after the review', async () => {
    const { id } = await stockedVariant(kernel, shop.headers, { stock: 1, title: 'Last Lamp' });
    const b = await readyToReview(kernel, shop.code, id, methods.flat);
    const review = await b.json('POST', shopApi(shop.code, '/checkout/review'));
    const adj = await call(kernel, 'POST', `/api/v1/vendor/inventory/stock/${id}/adjustments`, shop.headers, {
      delta: -1,
      reason: 'damaged',
    });
    assert.equal(adj.status, 201, adj.text);
    const res = await b.json('POST', shopApi(shop.code, '/checkout/place'), { reviewToken: review.body.reviewToken });
    assert.equal(res.status, 409);
    assert.match(res.body.detail, /"Last Lamp" is out of stock/);
  });

  it("prefills a signed-in customer's default address, and places the order as theirs", async () => {
    const customer = await createTestCustomer(kernel, shop.id);
    const added = await call(kernel, 'POST', shopApi(shop.code, '/customer-profiles/addresses'), customer.headers, {
      kind: 'shipping',
      fullName: 'Grace Hopper',
      line1: '2 Avenue de la Liberté',
      postalCode: 'L-1930',
      city: 'Luxembourg',
      country: 'LU',
    });
    assert.equal(added.status, 201, added.text);
    const { id } = await stockedVariant(kernel, shop.headers);
    const b = new Browser(kernel, customer.headers);
    await b.json('POST', shopApi(shop.code, '/cart/lines'), { variantId: id });
    const start = await b.json('POST', shopApi(shop.code, '/checkout/session'));
    assert.equal(start.status, 200, start.text);
    assert.equal(start.body.shippingAddress.line1, '2 Avenue de la Liberté');
    assert.equal(start.body.contact.name, 'Grace Hopper');
    assert.equal(start.body.next, 'shipping', 'contact and address are done');
    await b.json('PUT', shopApi(shop.code, '/checkout/shipping'), { methodId: methods.pickup });
    await b.json('PUT', shopApi(shop.code, '/checkout/payment'), { provider: 'manual' });
    const review = await b.json('POST', shopApi(shop.code, '/checkout/review'));
    const placed = await b.json('POST', shopApi(shop.code, '/checkout/place'), {
      reviewToken: review.body.reviewToken,
    });
    assert.equal(placed.status, 201, placed.text);
    const order = await call(kernel, 'GET', `/api/v1/vendor/orders/${placed.body.id}`, shop.headers);
    assert.equal(order.body.customerId, customer.id);
  });

  it("denies another vendor's shipping methods and checkout session", async () => {
    const other = await createTestVendor(kernel);
    const theirs = await shippingMethods(kernel, other.headers);
    const { id } = await stockedVariant(kernel, shop.headers);
    const b = await readyToReview(kernel, shop.code, id, methods.flat);
    const foreign = await b.json('PUT', shopApi(shop.code, '/checkout/shipping'), { methodId: theirs.flat });
    assert.equal(foreign.status, 422);
    assert.equal(foreign.body.code, 'CHECKOUT_SHIPPING_METHOD_UNKNOWN');
    // The same browser, with this shop's checkout cookie, at the other shop: no cart, no session there.
    const there = await b.json('POST', shopApi(other.code, '/checkout/review'));
    assert.equal(there.status, 409);
    assert.equal(there.body.code, 'CHECKOUT_CART_EMPTY');
    const edit = await call(kernel, 'PUT', `/api/v1/vendor/checkout/shipping-methods/${methods.flat}`, other.headers, {
      name: 'Hijack',
      kind: 'flat',
      amountMinor: 1,
      currency: 'EUR',
    });
    assert.equal(edit.status, 404);
    const del = await call(kernel, 'DELETE', `/api/v1/vendor/checkout/shipping-methods/${methods.flat}`, other.headers);
    assert.equal(del.status, 404);
    const list = await call(kernel, 'GET', '/api/v1/vendor/checkout/shipping-methods', other.headers);
    assert.deepEqual(list.body.items.map((m: { id: number }) => m.id).sort(), Object.values(theirs).sort());
  });

  it('validates shipping methods: the threshold is required for free above', async () => {
    const res = await call(kernel, 'POST', '/api/v1/vendor/checkout/shipping-methods', shop.headers, {
      name: 'Free-ish',
      kind: 'free_above',
      amountMinor: 500,
      currency: 'EUR',
    });
    assert.equal(res.status, 422);
    assert.ok(res.body.errors.freeAboveMinor);
  });
});
