import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { API, call, eventually, orderBody, shopApi, startOrdersKernel, stockedVariant } from './helpers.js';

describe('orders: card payments through testgateway, and refunds', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  const detail = async (id: number) => (await call(kernel, 'GET', `${API}/${id}`, shop.headers)).body;

  /** Places a card order and waits for the gateway's signed callback to mark it paid. */
  const paidCardOrder = async (priceMinor = 2000) => {
    const v = await stockedVariant(kernel, shop.headers, { priceMinor, stock: 5 });
    const res = await call(
      kernel,
      'POST',
      shopApi(shop.code),
      {},
      orderBody([{ variantId: v, quantity: 1 }], {
        provider: 'testgateway',
        card: '4242 4242 4242 4242',
      }),
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, 'pending');
    const id = res.body.id as number;
    return eventually(async () => {
      const d = await detail(id);
      return d.status === 'paid' && d;
    });
  };

  before(async () => {
    kernel = await startOrdersKernel(import.meta.url);
    shop = await createTestVendor(kernel);
  });
  after(() => kernel.stop());

  it('becomes paid when the gateway confirms the capture through its signed callback', async () => {
    const order = await paidCardOrder();
    const [payment] = order.payments;
    assert.deepEqual([payment.provider, payment.status, payment.cardLast4], ['testgateway', 'captured', '4242']);
    assert.equal(payment.captured.amountMinor, order.totals.total.amountMinor);
    const last = order.timeline.at(-1);
    assert.deepEqual([last.from, last.to, last.actor], ['pending', 'paid', 'payments:testgateway']);
  });

  it('refuses to mark a card order paid by hand', async () => {
    const v = await stockedVariant(kernel, shop.headers, { stock: 1 });
    const placed = await call(
      kernel,
      'POST',
      shopApi(shop.code),
      {},
      orderBody([{ variantId: v, quantity: 1 }], {
        provider: 'testgateway',
        card: '4000000000000341', // authorizes; the gateway then fails the capture
      }),
    );
    const id = placed.body.id as number;
    await eventually(async () => (await detail(id)).payments[0].status === 'failed');
    const res = await call(kernel, 'POST', `${API}/${id}/transitions`, shop.headers, { to: 'paid' });
    assert.deepEqual([res.status, res.body.code], [409, 'ORDERS_PAID_BY_GATEWAY']);
    assert.equal((await detail(id)).status, 'pending');
  });

  it('refunds part, then the rest, through the provider; the order becomes refunded at the end', async () => {
    const order = await paidCardOrder(2000); // 20.00 + 5.00 shipping
    const partial = await call(kernel, 'POST', `${API}/${order.id}/refunds`, shop.headers, {
      amount: { amountMinor: 1000, currency: 'EUR' },
      note: 'Scratched',
    });
    assert.equal(partial.status, 200, JSON.stringify(partial.body));
    assert.equal(partial.body.status, 'paid');
    assert.equal(partial.body.totals.refunded.amountMinor, 1000);
    assert.deepEqual(
      [partial.body.payments[0].status, partial.body.payments[0].refunded.amountMinor],
      ['partially_refunded', 1000],
    );
    assert.equal(partial.body.timeline.at(-1).note, 'Refunded 10.00 EUR. Scratched');

    const tooMuch = await call(kernel, 'POST', `${API}/${order.id}/refunds`, shop.headers, {
      amount: { amountMinor: 1501, currency: 'EUR' },
    });
    assert.deepEqual([tooMuch.status, tooMuch.body.code], [422, 'ORDERS_REFUND_TOO_LARGE']);
    assert.match(tooMuch.body.detail, /at most 15\.00 EUR/);

    const rest = await call(kernel, 'POST', `${API}/${order.id}/refunds`, shop.headers, {});
    assert.equal(rest.body.status, 'refunded');
    assert.equal(rest.body.totals.refunded.amountMinor, 2500);
    assert.equal(rest.body.payments[0].status, 'refunded');
    assert.deepEqual(rest.body.timeline.at(-1).from, 'paid');
    assert.deepEqual(rest.body.timeline.at(-1).to, 'refunded');
  });

  it('refuses to refund an order that was not paid', async () => {
    const v = await stockedVariant(kernel, shop.headers, { stock: 1 });
    const placed = await call(kernel, 'POST', shopApi(shop.code), {}, orderBody([{ variantId: v, quantity: 1 }]));
    const res = await call(kernel, 'POST', `${API}/${placed.body.id}/refunds`, shop.headers, {});
    assert.deepEqual([res.status, res.body.code], [409, 'ORDERS_NOT_REFUNDABLE']);
  });

  it('lets the shopper track the order by number and email, not by number alone', async () => {
    const order = await paidCardOrder();
    const url = `${shopApi(shop.code)}/track?number=${order.number}`;
    const ok = await call(kernel, 'GET', `${url}&email=${encodeURIComponent('ADA@example.com')}`);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.status, 'paid');
    assert.equal(ok.body.customerId, undefined);
    const wrong = await call(kernel, 'GET', `${url}&email=eve@example.com`);
    assert.deepEqual([wrong.status, wrong.body.code], [404, 'ORDERS_NOT_FOUND']);
  });
});
