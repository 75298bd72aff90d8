import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, enablePlugins, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { API, call, createVariant, levelOf, startInventoryKernel } from './helpers.js';

const server = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

/**
 * The never-oversell guarantee under real concurrency. PGlite serves one connection at a time, so races need a
 * PostgreSQL server: CI runs this with DATABASE_URL set.
 */
describe('inventory: concurrent reservations on real PostgreSQL never oversell', {
  skip: server ? false : 'needs DATABASE_URL pointing at a PostgreSQL server: the embedded database cannot race',
}, () => {
  let kernel: TestKernel;
  let shop: TestVendor;

  before(async () => {
    kernel = await startInventoryKernel(import.meta.url);
    await enablePlugins(kernel, ['inventory']);
    shop = await createTestVendor(kernel);
  });
  after(() => kernel?.stop());

  it('lets exactly 5 of 50 concurrent orders take the last 5 units; the other 45 get out of stock', async () => {
    const variant = await createVariant(kernel, shop.headers, 'Last units');
    await call(kernel, 'POST', `${API}/stock/${variant}/adjustments`, shop.headers, { delta: 5, reason: 'received' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(kernel, 'POST', `${API}/reservations`, shop.headers, {
          orderRef: `race-${i}`,
          lines: [{ variantId: variant, quantity: 1 }],
        }),
      ),
    );
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status === 409);
    assert.equal(won.length, 5, `statuses: ${answers.map((a) => a.status).join(',')}`);
    assert.equal(lost.length, 45);
    assert.ok(lost.every((a) => a.body.code === 'INVENTORY_OUT_OF_STOCK'));
    assert.match(String(lost[0]?.body.detail), /has 0 available, 1 requested/);
    const level = await levelOf(kernel, shop.headers, variant);
    assert.deepEqual([level.onHand, level.reserved, level.available], [5, 5, 0]);
  });

  it('commits the winners to exactly zero on hand, never below', async () => {
    const variant = await createVariant(kernel, shop.headers, 'Commit race');
    await call(kernel, 'POST', `${API}/stock/${variant}/adjustments`, shop.headers, { delta: 3, reason: 'received' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(kernel, 'POST', `${API}/reservations`, shop.headers, {
          orderRef: `commit-${i}`,
          lines: [{ variantId: variant, quantity: 1 }],
        }),
      ),
    );
    const refs = answers.filter((a) => a.status === 201).map((a) => a.body.orderRef as string);
    assert.equal(refs.length, 3);
    const commits = await Promise.all(
      refs.map((ref) => call(kernel, 'POST', `${API}/reservations/${ref}/commit`, shop.headers)),
    );
    assert.deepEqual(
      commits.map((c) => c.status),
      [200, 200, 200],
    );
    const level = await levelOf(kernel, shop.headers, variant);
    assert.deepEqual([level.onHand, level.reserved, level.available], [0, 0, 0]);
  });

  it('takes multi-line orders in a fixed order, so crossing orders never deadlock', async () => {
    const x = await createVariant(kernel, shop.headers, 'X');
    const y = await createVariant(kernel, shop.headers, 'Y');
    for (const v of [x, y]) {
      await call(kernel, 'POST', `${API}/stock/${v}/adjustments`, shop.headers, { delta: 10, reason: 'received' });
    }
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(kernel, 'POST', `${API}/reservations`, shop.headers, {
          orderRef: `cross-${i}`,
          lines:
            i % 2
              ? [
                  { variantId: x, quantity: 1 },
                  { variantId: y, quantity: 1 },
                ]
              : [
                  { variantId: y, quantity: 1 },
                  { variantId: x, quantity: 1 },
                ],
        }),
      ),
    );
    assert.deepEqual(
      [answers.filter((a) => a.status === 201).length, answers.filter((a) => a.status === 409).length],
      [10, 20],
      `statuses: ${answers.map((a) => a.status).join(',')}`,
    );
    for (const v of [x, y]) assert.equal((await levelOf(kernel, shop.headers, v)).available, 0);
  });
});
