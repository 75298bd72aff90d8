import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { API, call, orderBody, shopApi, startOrdersKernel, stockedVariant, stockOf } from './helpers.js';

const server = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

/**
 * Orders placed at the same time never oversell: the reservation runs inside each order's transaction. PGlite
 * serves one connection at a time, so races need a PostgreSQL server: CI runs this with DATABASE_URL set.
 */
describe('orders: concurrent orders on real PostgreSQL never oversell', {
  skip: server ? false : 'needs DATABASE_URL pointing at a PostgreSQL server: the embedded database cannot race',
}, () => {
  let kernel: TestKernel;
  let shop: TestVendor;

  before(async () => {
    kernel = await startOrdersKernel(import.meta.url);
    shop = await createTestVendor(kernel);
  });
  after(() => kernel?.stop());

  it('lets exactly 5 of 40 concurrent orders take the last 5 units, numbered 1 to 5 without gaps', async () => {
    const variant = await stockedVariant(kernel, shop.headers, { stock: 5 });
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        call(kernel, 'POST', shopApi(shop.code), {}, orderBody([{ variantId: variant, quantity: 1 }])),
      ),
    );
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status === 409);
    assert.equal(won.length, 5, `statuses: ${answers.map((a) => a.status).join(',')}`);
    assert.equal(lost.length, 35);
    assert.ok(lost.every((a) => a.body.code === 'INVENTORY_OUT_OF_STOCK'));
    assert.deepEqual(
      won.map((a) => a.body.number as number).sort((x, y) => x - y),
      [1, 2, 3, 4, 5],
    );
    assert.deepEqual(await stockOf(kernel, shop.headers, variant), { onHand: 5, reserved: 5, available: 0 });
    assert.equal((await call(kernel, 'GET', API, shop.headers)).body.total, 5);
  });

  it('places one order for 10 concurrent submits with the same Idempotency-Key', async () => {
    const variant = await stockedVariant(kernel, shop.headers, { stock: 50 });
    const key = { 'idempotency-key': `race-${Date.now()}` };
    const body = orderBody([{ variantId: variant, quantity: 1 }]);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call(kernel, 'POST', shopApi(shop.code), key, body)),
    );
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
    assert.equal(ids.size, 1, `statuses: ${answers.map((a) => a.status).join(',')}`);
    assert.ok(
      answers.every((a) => a.status === 201 || (a.status === 409 && a.body.code === 'ORDERS_IDEMPOTENCY_IN_FLIGHT')),
    );
    assert.equal((await stockOf(kernel, shop.headers, variant)).reserved, 1);
  });
});
