import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asSystem, createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { API, call, orderBody, shopApi, startOrdersKernel, stockedVariant, stockOf } from './helpers.js';

describe('orders: placing an order', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let url: string;

  before(async () => {
    kernel = await startOrdersKernel(import.meta.url);
    shop = await createTestVendor(kernel);
    url = shopApi(shop.code);
  });
  after(() => kernel.stop());

  it('snapshots the lines, computes the totals from catalog prices and reserves the stock', async () => {
    const mug = await stockedVariant(kernel, shop.headers, {
      priceMinor: 1999,
      stock: 10,
      title: 'Mug',
      gtin: '4006381333931',
    });
    const tee = await stockedVariant(kernel, shop.headers, { priceMinor: 2500, stock: 5, taxRateBp: 300 });
    const res = await call(
      kernel,
      'POST',
      url,
      {},
      orderBody([
        { variantId: mug, quantity: 3 },
        { variantId: tee, quantity: 1 },
      ]),
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const o = res.body;
    assert.equal(o.status, 'pending');
    assert.equal(typeof o.number, 'number');
    const [l1, l2] = o.lines;
    assert.deepEqual([l1.title, l1.gtin, l1.quantity, l1.unitPrice.amountMinor], ['Mug', '4006381333931', 3, 1999]);
    // 59.97 gross at 17%: 8.71 included; 25.00 at 3%: 0.73 included; shipping 5.00 at 17%: 0.73 included.
    assert.deepEqual([l1.lineTotal.amountMinor, l1.tax.amountMinor], [5997, 871]);
    assert.deepEqual([l2.taxRateBp, l2.tax.amountMinor], [300, 73]);
    const t = o.totals;
    assert.deepEqual(
      [t.subtotal.amountMinor, t.shipping.amountMinor, t.discount.amountMinor, t.tax.amountMinor, t.total.amountMinor],
      [8497, 500, 0, 871 + 73 + 73, 8997],
    );
    assert.deepEqual(await stockOf(kernel, shop.headers, mug), { onHand: 10, reserved: 3, available: 7 });
    assert.deepEqual(
      o.timeline.map((h: { to: string }) => h.to),
      ['pending'],
    );
  });

  it('never takes prices from the request, and refuses unknown variants with a clear 422', async () => {
    const res = await call(kernel, 'POST', url, {}, orderBody([{ variantId: 999999, quantity: 1 }]));
    assert.deepEqual([res.status, res.body.code], [422, 'ORDERS_VARIANT_UNAVAILABLE']);
    assert.match(res.body.detail, /999999/);
  });

  it('refuses an order larger than the stock with 409 out of stock, and keeps no order', async () => {
    const v = await stockedVariant(kernel, shop.headers, { stock: 2 });
    const before = (await call(kernel, 'GET', API, shop.headers)).body.total;
    const res = await call(kernel, 'POST', url, {}, orderBody([{ variantId: v, quantity: 3 }]));
    assert.deepEqual([res.status, res.body.code], [409, 'INVENTORY_OUT_OF_STOCK']);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal((await call(kernel, 'GET', API, shop.headers)).body.total, before);
    assert.deepEqual(await stockOf(kernel, shop.headers, v), { onHand: 2, reserved: 0, available: 2 });
  });

  it('refuses a declined card with 402, places nothing and reserves nothing', async () => {
    const v = await stockedVariant(kernel, shop.headers, { stock: 2 });
    const res = await call(
      kernel,
      'POST',
      url,
      {},
      orderBody([{ variantId: v, quantity: 1 }], {
        provider: 'testgateway',
        card: '4000000000000002',
      }),
    );
    assert.deepEqual([res.status, res.body.code], [402, 'ORDERS_PAYMENT_DECLINED']);
    assert.match(res.body.detail, /card declined/);
    assert.deepEqual(await stockOf(kernel, shop.headers, v), { onHand: 2, reserved: 0, available: 2 });
  });

  it('numbers orders per vendor from 1', async () => {
    const other = await createTestVendor(kernel);
    const v = await stockedVariant(kernel, other.headers, { stock: 5 });
    const first = await call(kernel, 'POST', shopApi(other.code), {}, orderBody([{ variantId: v, quantity: 1 }]));
    const second = await call(kernel, 'POST', shopApi(other.code), {}, orderBody([{ variantId: v, quantity: 1 }]));
    assert.deepEqual([first.body.number, second.body.number], [1, 2]);
  });

  describe('with an Idempotency-Key', () => {
    let variant: number;
    before(async () => {
      variant = await stockedVariant(kernel, shop.headers, { stock: 10 });
    });

    it('returns the same order for a double submit, and reserves the stock once', async () => {
      const key = { 'idempotency-key': `double-${Date.now()}` };
      const body = orderBody([{ variantId: variant, quantity: 2 }]);
      const first = await call(kernel, 'POST', url, key, body);
      const again = await call(kernel, 'POST', url, key, body);
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.equal(again.body.id, first.body.id);
      assert.equal(again.body.number, first.body.number);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(first.headers.get('idempotent-replayed'), null);
      assert.equal((await stockOf(kernel, shop.headers, variant)).reserved, 2);
    });

    it('replays the same order for the same payload with keys in another order', async () => {
      const key = { 'idempotency-key': `replay-${Date.now()}` };
      const body = orderBody([{ variantId: variant, quantity: 1 }]);
      const first = await call(kernel, 'POST', url, key, body);
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const again = await call(kernel, 'POST', url, key, reordered);
      assert.equal(again.body.id, first.body.id);
    });

    it('answers 422 for the same key with a different payload', async () => {
      const key = { 'idempotency-key': `mismatch-${Date.now()}` };
      await call(kernel, 'POST', url, key, orderBody([{ variantId: variant, quantity: 1 }]));
      const res = await call(kernel, 'POST', url, key, orderBody([{ variantId: variant, quantity: 2 }]));
      assert.deepEqual([res.status, res.body.code], [422, 'ORDERS_IDEMPOTENCY_MISMATCH']);
    });

    it('answers 409 while the first request with that key is still being placed', async () => {
      const key = `inflight-${Date.now()}`;
      const body = orderBody([{ variantId: variant, quantity: 1 }]);
      const first = await call(kernel, 'POST', url, { 'idempotency-key': key }, body);
      // Put the key back to the state it has while its order is being placed.
      await asSystem(kernel, (db) =>
        db('orders__idempotency_keys')
          .where({ vendor_id: shop.id, key })
          .update({ status: 'in_flight', order_id: null }),
      );
      const res = await call(kernel, 'POST', url, { 'idempotency-key': key }, body);
      assert.deepEqual([res.status, res.body.code], [409, 'ORDERS_IDEMPOTENCY_IN_FLIGHT']);
      assert.ok(first.body.id);
    });

    it('frees the key when the order fails, so the customer can retry with it', async () => {
      const key = { 'idempotency-key': `retry-${Date.now()}` };
      const v = await stockedVariant(kernel, shop.headers, { stock: 1 });
      const body = orderBody([{ variantId: v, quantity: 1 }], { provider: 'testgateway', card: '4000000000000002' });
      assert.equal((await call(kernel, 'POST', url, key, body)).status, 402);
      assert.equal((await call(kernel, 'POST', url, key, body)).status, 402, 'retried, not replayed');
    });
  });
});
