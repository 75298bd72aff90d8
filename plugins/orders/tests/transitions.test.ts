import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestTeamMember, createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { API, call, orderBody, shopApi, startOrdersKernel, stockedVariant, stockOf } from './helpers.js';

describe('orders: the state machine', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  const events: { name: string; status: string; from?: string | null }[] = [];

  const place = async (variantId: number, quantity = 1) => {
    const res = await call(kernel, 'POST', shopApi(shop.code), {}, orderBody([{ variantId, quantity }]));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as number;
  };
  const move = (id: number, body: Record<string, unknown>, headers = shop.headers) =>
    call(kernel, 'POST', `${API}/${id}/transitions`, headers, body);

  before(async () => {
    kernel = await startOrdersKernel(import.meta.url);
    shop = await createTestVendor(kernel);
    for (const name of ['placed', 'paid', 'processing', 'shipped', 'delivered', 'cancelled'] as const) {
      kernel.events.on(`orders.order.${name}`, (p) => {
        if (p.vendorId === shop.id) events.push({ name, status: p.status, from: p.from });
      });
    }
  });
  after(() => kernel.stop());

  it('takes a bank-transfer order from pending to delivered, with a history row and an event per step', async () => {
    const v = await stockedVariant(kernel, shop.headers, { stock: 4 });
    const id = await place(v, 2);
    const paid = await move(id, { to: 'paid', note: 'Transfer arrived' });
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    assert.equal(paid.body.payments[0].status, 'captured');
    assert.deepEqual(paid.body.allowedTransitions, ['processing', 'cancelled', 'refunded']);
    assert.equal((await move(id, { to: 'processing' })).status, 200);

    const untracked = await move(id, { to: 'shipped' });
    assert.deepEqual([untracked.status, untracked.body.code], [422, 'ORDERS_TRACKING_REQUIRED']);
    const shipped = await move(id, { to: 'shipped', trackingNumber: 'LU123456789', carrier: 'POST Luxembourg' });
    assert.equal(shipped.status, 200);
    assert.deepEqual([shipped.body.trackingNumber, shipped.body.carrier], ['LU123456789', 'POST Luxembourg']);
    // Shipping turns the reservation into a decrement.
    assert.deepEqual(await stockOf(kernel, shop.headers, v), { onHand: 2, reserved: 0, available: 2 });

    const done = await move(id, { to: 'delivered' });
    assert.equal(done.body.status, 'delivered');
    const timeline = done.body.timeline as { from: string | null; to: string; actor: string; note: string | null }[];
    assert.deepEqual(
      timeline.map((h) => [h.from, h.to]),
      [
        [null, 'pending'],
        ['pending', 'paid'],
        ['paid', 'processing'],
        ['processing', 'shipped'],
        ['shipped', 'delivered'],
      ],
    );
    assert.equal(timeline[1]?.actor, shop.ownerEmail);
    assert.equal(timeline[1]?.note, 'Transfer arrived');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(
      events.filter((e) => e.name !== 'placed').map((e) => `${e.from}->${e.status}`),
      ['pending->paid', 'paid->processing', 'processing->shipped', 'shipped->delivered'],
    );
  });

  it('refuses invalid transitions with a coded 409 that says what is possible', async () => {
    const v = await stockedVariant(kernel, shop.headers, { stock: 3 });
    const id = await place(v);
    const skip = await move(id, { to: 'shipped', trackingNumber: 'X1', carrier: 'DHL' });
    assert.deepEqual([skip.status, skip.body.code], [409, 'ORDERS_INVALID_TRANSITION']);
    assert.match(skip.body.detail, /is pending: it cannot become shipped\. Next it can become paid, cancelled\./);
    await move(id, { to: 'cancelled' });
    const revive = await move(id, { to: 'paid' });
    assert.deepEqual([revive.status, revive.body.code], [409, 'ORDERS_INVALID_TRANSITION']);
    assert.match(revive.body.detail, /It is final\./);
    const unknown = await move(id, { to: 'lost' });
    assert.deepEqual([unknown.status, unknown.body.code], [422, 'ORN_HTTP_VALIDATION_FAILED']);
  });

  it('cannot cancel once shipped', async () => {
    const v = await stockedVariant(kernel, shop.headers, { stock: 3 });
    const id = await place(v);
    for (const body of [{ to: 'paid' }, { to: 'processing' }, { to: 'shipped', trackingNumber: 'T', carrier: 'UPS' }]) {
      assert.equal((await move(id, body)).status, 200);
    }
    const res = await move(id, { to: 'cancelled' });
    assert.deepEqual([res.status, res.body.code], [409, 'ORDERS_INVALID_TRANSITION']);
  });

  it('releases the reserved stock when a pending order is cancelled, and voids its payment', async () => {
    const v = await stockedVariant(kernel, shop.headers, { stock: 5 });
    const id = await place(v, 3);
    assert.deepEqual(await stockOf(kernel, shop.headers, v), { onHand: 5, reserved: 3, available: 2 });
    const res = await move(id, { to: 'cancelled', note: 'Customer changed their mind' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'cancelled');
    assert.equal(res.body.payments[0].status, 'voided');
    assert.deepEqual(await stockOf(kernel, shop.headers, v), { onHand: 5, reserved: 0, available: 5 });
  });

  it('refunds a paid order that is cancelled before shipping', async () => {
    const v = await stockedVariant(kernel, shop.headers, { stock: 5 });
    const id = await place(v, 1);
    await move(id, { to: 'paid' });
    const res = await move(id, { to: 'cancelled' });
    assert.equal(res.body.payments[0].status, 'refunded');
    assert.equal(res.body.totals.refunded.amountMinor, res.body.totals.total.amountMinor);
    assert.match(res.body.timeline.at(-1).note, /Refunded 15\.00 EUR/);
    assert.equal((await stockOf(kernel, shop.headers, v)).reserved, 0);
  });

  it('needs orders.manage to move an order, and orders.view to read it', async () => {
    const v = await stockedVariant(kernel, shop.headers, { stock: 1 });
    const id = await place(v);
    const viewer = await createTestTeamMember(kernel, shop, 'viewer');
    assert.equal((await call(kernel, 'GET', `${API}/${id}`, viewer.headers)).status, 200);
    const res = await move(id, { to: 'cancelled' }, viewer.headers);
    assert.deepEqual([res.status, res.body.code], [403, 'ORN_AUTH_FORBIDDEN']);
  });
});
