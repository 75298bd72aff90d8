import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { asSystem, createTestVendor, setPluginSettings, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import {
  type Browser,
  call,
  readyToReview,
  shippingMethods,
  shopApi,
  shopPage,
  startCheckoutKernel,
  stockedVariant,
} from './helpers.js';

const server = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

/** Sets the checkout settings of platform `main`, as an administrator would. */
async function setHoldMinutes(kernel: TestKernel, minutes: number): Promise<void> {
  await setPluginSettings(kernel, 'checkout', { stockHoldMinutes: minutes });
}

async function stock(kernel: TestKernel, shop: TestVendor, variantId: number) {
  const res = await call(kernel, 'GET', `/api/v1/vendor/inventory/stock/${variantId}`, shop.headers);
  assert.equal(res.status, 200, res.text);
  const { onHand, reserved, available } = res.body.levels[0];
  return { onHand, reserved, available };
}

const review = (b: Browser, shop: TestVendor) => b.json('POST', shopApi(shop.code, '/checkout/review'));

describe('checkout: stock held at the review (stockHoldMinutes)', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let flat: number;
  before(async () => {
    kernel = await startCheckoutKernel(import.meta.url);
    shop = await createTestVendor(kernel);
    flat = (await shippingMethods(kernel, shop.headers)).flat;
  });
  beforeEach(() => setHoldMinutes(kernel, 15));
  after(() => kernel.stop());

  it('holds nothing with the setting at 0 (the default): stock is reserved when the order is placed', async () => {
    await setHoldMinutes(kernel, 0);
    const { id } = await stockedVariant(kernel, shop.headers, { stock: 3 });
    const b = await readyToReview(kernel, shop.code, id, flat);
    assert.equal((await review(b, shop)).status, 200);
    assert.deepEqual(await stock(kernel, shop, id), { onHand: 3, reserved: 0, available: 3 });
  });

  it("holds the cart's units at the review; another shopper is told they are out of stock, in the API and the page", async () => {
    const { id } = await stockedVariant(kernel, shop.headers, { stock: 1, title: 'Held Lamp' });
    const other = await readyToReview(kernel, shop.code, id, flat);
    const holder = await readyToReview(kernel, shop.code, id, flat);
    const held = await review(holder, shop);
    assert.equal(held.status, 200, held.text);
    assert.deepEqual(await stock(kernel, shop, id), { onHand: 1, reserved: 1, available: 0 });

    const refused = await review(other, shop);
    assert.equal(refused.status, 409);
    assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(refused.body.code, 'CHECKOUT_OUT_OF_STOCK');
    assert.match(refused.body.detail, /"Held Lamp" is out of stock/);
    const page = await other.get(shopPage(shop.code, '/checkout/review'));
    assert.equal(page.status, 409);
    assert.match(page.text, /Not enough stock/);
    assert.match(page.text, /&quot;Held Lamp&quot; is out of stock|"Held Lamp" is out of stock/);
    assert.doesNotMatch(page.text, /Place order/);

    // The holder's own cart does not count its hold against itself, and the order takes the held unit over.
    const again = await review(holder, shop);
    assert.equal(again.status, 200, again.text);
    assert.deepEqual(again.body.cart.messages, []);
    const placed = await holder.json('POST', shopApi(shop.code, '/checkout/place'), {
      reviewToken: again.body.reviewToken,
    });
    assert.equal(placed.status, 201, placed.text);
    assert.deepEqual(await stock(kernel, shop, id), { onHand: 1, reserved: 1, available: 0 }, 'never reserved twice');
    const open = await asSystem(kernel, (db) =>
      db('inventory__reservations').where({ variant_id: id, status: 'reserved' }).select('order_ref', 'quantity'),
    );
    assert.equal(open.length, 1);
    assert.match(open[0].order_ref, /^ord_/);
  });

  it('replaces the hold when the shopper reviews a changed cart', async () => {
    const { id } = await stockedVariant(kernel, shop.headers, { stock: 5 });
    const b = await readyToReview(kernel, shop.code, id, flat);
    assert.equal((await review(b, shop)).status, 200);
    assert.equal((await stock(kernel, shop, id)).reserved, 1);
    const cart = await b.json('GET', shopApi(shop.code, '/cart'));
    const patched = await b.json('PATCH', shopApi(shop.code, `/cart/lines/${cart.body.lines[0].id}`), { quantity: 4 });
    assert.equal(patched.status, 200, patched.text);
    assert.equal((await review(b, shop)).status, 200);
    assert.deepEqual(await stock(kernel, shop, id), { onHand: 5, reserved: 4, available: 1 });
  });

  it('lets an expired hold go: another shopper gets the units, the late holder is told at placement', async () => {
    const { id } = await stockedVariant(kernel, shop.headers, { stock: 1, title: 'Slow Lamp' });
    const other = await readyToReview(kernel, shop.code, id, flat);
    const holder = await readyToReview(kernel, shop.code, id, flat);
    const held = await review(holder, shop);
    assert.equal(held.status, 200);
    await asSystem(kernel, (db) =>
      db('inventory__reservations')
        .where({ variant_id: id, status: 'reserved' })
        .update({ expires_at: new Date(Date.now() - 1000) }),
    );
    const taken = await review(other, shop);
    assert.equal(taken.status, 200, taken.text);
    assert.deepEqual(await stock(kernel, shop, id), { onHand: 1, reserved: 1, available: 0 });
    const late = await holder.json('POST', shopApi(shop.code, '/checkout/place'), {
      reviewToken: held.body.reviewToken,
    });
    assert.equal(late.status, 409);
    assert.match(late.body.detail, /"Slow Lamp" is out of stock/);
    const placed = await other.json('POST', shopApi(shop.code, '/checkout/place'), {
      reviewToken: taken.body.reviewToken,
    });
    assert.equal(placed.status, 201, placed.text);
    assert.deepEqual(await stock(kernel, shop, id), { onHand: 1, reserved: 1, available: 0 });
  });

  it('releases the hold when the shopper empties the cart', async () => {
    const { id } = await stockedVariant(kernel, shop.headers, { stock: 2 });
    const b = await readyToReview(kernel, shop.code, id, flat);
    assert.equal((await review(b, shop)).status, 200);
    assert.equal((await stock(kernel, shop, id)).reserved, 1);
    const cart = await b.json('GET', shopApi(shop.code, '/cart'));
    const removed = await b.json('DELETE', shopApi(shop.code, `/cart/lines/${cart.body.lines[0].id}`));
    assert.ok(removed.status < 300, removed.text);
    assert.deepEqual(await stock(kernel, shop, id), { onHand: 2, reserved: 0, available: 2 });
  });

  it('on PostgreSQL: 20 concurrent checkouts against a hold on the last units all fail cleanly', {
    skip: server ? false : 'needs DATABASE_URL pointing at a PostgreSQL server: the embedded database cannot race',
  }, async () => {
    const { id } = await stockedVariant(kernel, shop.headers, { stock: 2, title: 'Rush Lamp' });
    const others: Browser[] = [];
    for (let i = 0; i < 20; i++) others.push(await readyToReview(kernel, shop.code, id, flat));
    const holder = await readyToReview(kernel, shop.code, id, flat, 'manual', 2);
    const held = await review(holder, shop);
    assert.equal(held.status, 200, held.text);
    const [answers, placed] = await Promise.all([
      Promise.all(others.map((b) => review(b, shop))),
      holder.json('POST', shopApi(shop.code, '/checkout/place'), { reviewToken: held.body.reviewToken }),
    ]);
    assert.ok(
      answers.every((a) => a.status === 409 && a.body.code === 'CHECKOUT_OUT_OF_STOCK'),
      `statuses: ${answers.map((a) => a.status).join(',')}`,
    );
    assert.equal(placed.status, 201, placed.text);
    assert.deepEqual(await stock(kernel, shop, id), { onHand: 2, reserved: 2, available: 0 });
  });
});
