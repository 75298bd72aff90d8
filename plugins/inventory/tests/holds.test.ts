import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asSystem, createTestVendor, enablePlugins, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import type { InventoryReservations } from '../src/service.js';
import { API, call, createVariant, levelOf, startInventoryKernel } from './helpers.js';

const server = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

describe('inventory: holds (a checkout keeps units for some minutes)', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let inv: InventoryReservations;

  const stocked = async (units: number) => {
    const variant = await createVariant(kernel, shop.headers, 'Held');
    await call(kernel, 'POST', `${API}/stock/${variant}/adjustments`, shop.headers, {
      delta: units,
      reason: 'received',
    });
    return variant;
  };
  const level = async (variant: number) => {
    const l = await levelOf(kernel, shop.headers, variant);
    return [l.onHand, l.reserved, l.available];
  };
  /** Open reservations per reference: `reserved` must always be their sum. */
  const open = (variant: number) =>
    asSystem(kernel, (db) =>
      db('inventory__reservations')
        .where({ variant_id: variant, status: 'reserved' })
        .orderBy('id')
        .select('order_ref', 'quantity'),
    );
  const expire = (ref: string) =>
    asSystem(kernel, (db) =>
      db('inventory__reservations')
        .where({ order_ref: ref, status: 'reserved' })
        .update({ expires_at: new Date(Date.now() - 1000) }),
    );

  before(async () => {
    kernel = await startInventoryKernel(import.meta.url);
    await enablePlugins(kernel, ['inventory']);
    shop = await createTestVendor(kernel);
    const plugin = kernel.plugins.loaded.get('inventory');
    assert.ok(plugin);
    inv = plugin.context.service<InventoryReservations>('inventory.reservations');
  });
  after(() => kernel.stop());

  it("holds units from others but not from the holder's own view, and a new hold replaces the old one", async () => {
    const v = await stocked(3);
    await inv.hold(shop.id, [{ variantId: v, quantity: 2 }], { holdRef: 'cart:a', minutes: 10 });
    assert.deepEqual(await level(v), [3, 2, 1]);
    assert.equal((await inv.available(shop.id, [v]))[v], 1);
    assert.equal((await inv.available(shop.id, [v], { holdRef: 'cart:a' }))[v], 3);
    await inv.hold(shop.id, [{ variantId: v, quantity: 3 }], { holdRef: 'cart:a', minutes: 10 });
    assert.deepEqual(await level(v), [3, 3, 0]);
    assert.deepEqual(await open(v), [{ order_ref: 'cart:a', quantity: 3 }]);
    await assert.rejects(
      inv.hold(shop.id, [{ variantId: v, quantity: 1 }], { holdRef: 'cart:b', minutes: 10 }),
      /INVENTORY_OUT_OF_STOCK|Not enough stock/,
    );
    assert.deepEqual(await inv.releaseHold(shop.id, 'cart:a'), [
      { variantId: v, locationId: (await levelOf(kernel, shop.headers, v)).locationId, quantity: 3 },
    ]);
    assert.deepEqual(await inv.releaseHold(shop.id, 'cart:a'), [], 'releasing twice is not an error');
    assert.deepEqual(await level(v), [3, 0, 3]);
  });

  it('turns a hold on the last units into the order reservation, never twice', async () => {
    const v = await stocked(2);
    await inv.hold(shop.id, [{ variantId: v, quantity: 2 }], { holdRef: 'cart:last', minutes: 10 });
    await assert.rejects(inv.reserve(shop.id, [{ variantId: v, quantity: 1 }], { orderRef: 'ord-other' }));
    await inv.reserve(shop.id, [{ variantId: v, quantity: 2 }], { orderRef: 'ord-holder', fromHold: 'cart:last' });
    assert.deepEqual(await level(v), [2, 2, 0]);
    assert.deepEqual(await open(v), [{ order_ref: 'ord-holder', quantity: 2 }]);
  });

  it('ignores an expired hold: it counts as available, the next reservation and the sweep release it', async () => {
    const v = await stocked(2);
    await inv.hold(shop.id, [{ variantId: v, quantity: 2 }], { holdRef: 'cart:slow', minutes: 10 });
    await expire('cart:slow');
    assert.equal((await inv.available(shop.id, [v]))[v], 2);
    await inv.reserve(shop.id, [{ variantId: v, quantity: 1 }], { orderRef: 'ord-quick' });
    assert.deepEqual(await level(v), [2, 1, 1]);
    assert.deepEqual(await open(v), [{ order_ref: 'ord-quick', quantity: 1 }]);

    const w = await stocked(4);
    await inv.hold(shop.id, [{ variantId: w, quantity: 3 }], { holdRef: 'cart:gone', minutes: 10 });
    await expire('cart:gone');
    const { sweepExpiredHolds } = await import('../src/sweep.js');
    const plugin = kernel.plugins.loaded.get('inventory');
    assert.ok(plugin);
    assert.ok((await sweepExpiredHolds(plugin.context)) >= 1);
    assert.deepEqual(await level(w), [4, 0, 4]);
    assert.deepEqual(await open(w), []);
  });

  it('falls back to reserving now when the hold expired or was swept before placement', async () => {
    const v = await stocked(2);
    await inv.hold(shop.id, [{ variantId: v, quantity: 1 }], { holdRef: 'cart:late', minutes: 10 });
    await expire('cart:late');
    await inv.reserve(shop.id, [{ variantId: v, quantity: 2 }], { orderRef: 'ord-late', fromHold: 'cart:late' });
    assert.deepEqual(await level(v), [2, 2, 0]);
    assert.deepEqual(await open(v), [{ order_ref: 'ord-late', quantity: 2 }]);
  });
});

describe('inventory: holds under real concurrency on PostgreSQL', {
  skip: server ? false : 'needs DATABASE_URL pointing at a PostgreSQL server: the embedded database cannot race',
}, () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let inv: InventoryReservations;
  before(async () => {
    kernel = await startInventoryKernel(import.meta.url);
    await enablePlugins(kernel, ['inventory']);
    shop = await createTestVendor(kernel);
    inv = kernel.plugins.loaded.get('inventory')!.context.service<InventoryReservations>('inventory.reservations');
  });
  after(() => kernel?.stop());

  const stocked = async (units: number) => {
    const variant = await createVariant(kernel, shop.headers, 'Race');
    await call(kernel, 'POST', `${API}/stock/${variant}/adjustments`, shop.headers, {
      delta: units,
      reason: 'received',
    });
    return variant;
  };

  it('20 concurrent reservations against a hold on the last units all fail; the holder still gets them', async () => {
    const v = await stocked(3);
    await inv.hold(shop.id, [{ variantId: v, quantity: 3 }], { holdRef: 'cart:race', minutes: 10 });
    const [answers, holder] = await Promise.all([
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call(kernel, 'POST', `${API}/reservations`, shop.headers, {
            orderRef: `race-hold-${i}`,
            lines: [{ variantId: v, quantity: 1 }],
          }),
        ),
      ),
      inv.reserve(shop.id, [{ variantId: v, quantity: 3 }], { orderRef: 'ord-race', fromHold: 'cart:race' }),
    ]);
    assert.equal(holder.length, 1);
    const statuses = answers.map((a) => a.status);
    assert.ok(
      statuses.every((s) => s === 409),
      `statuses: ${statuses.join(',')}`,
    );
    const l = await levelOf(kernel, shop.headers, v);
    assert.deepEqual([l.onHand, l.reserved, l.available], [3, 3, 0]);
  });

  it('takes one hold for 10 concurrent holds under the same reference (a double-clicked review)', async () => {
    const v = await stocked(10);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        inv.hold(shop.id, [{ variantId: v, quantity: 2 }], { holdRef: 'cart:twice', minutes: 10 }),
      ),
    );
    const l = await levelOf(kernel, shop.headers, v);
    assert.deepEqual([l.onHand, l.reserved, l.available], [10, 2, 8]);
  });

  it('an expired hold is released once when 20 reservations race for its units: exactly that many win', async () => {
    const v = await stocked(3);
    await inv.hold(shop.id, [{ variantId: v, quantity: 3 }], { holdRef: 'cart:expired-race', minutes: 10 });
    await asSystem(kernel, (db) =>
      db('inventory__reservations')
        .where({ order_ref: 'cart:expired-race' })
        .update({ expires_at: new Date(Date.now() - 1000) }),
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(kernel, 'POST', `${API}/reservations`, shop.headers, {
          orderRef: `race-expired-${i}`,
          lines: [{ variantId: v, quantity: 1 }],
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 3, `statuses: ${statuses.join(',')}`);
    assert.equal(statuses.filter((s) => s === 409).length, 17);
    const l = await levelOf(kernel, shop.headers, v);
    assert.deepEqual([l.onHand, l.reserved, l.available], [3, 3, 0]);
    const sum = await asSystem(kernel, (db) =>
      db('inventory__reservations').where({ variant_id: v, status: 'reserved' }).sum<{ s: string }[]>('quantity as s'),
    );
    assert.equal(Number(sum[0]?.s), 3, 'reserved equals the open reservations');
  });
});
