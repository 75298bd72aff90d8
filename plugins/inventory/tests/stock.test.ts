import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTestTeamMember,
  createTestVendor,
  enablePlugins,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { API, call, createVariant, levelOf, startInventoryKernel } from './helpers.js';

describe('inventory: stock levels, adjustments, locations and reservations', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  const adjust = (variantId: number, body: unknown, headers = shop.headers) =>
    call(kernel, 'POST', `${API}/stock/${variantId}/adjustments`, headers, body);

  before(async () => {
    kernel = await startInventoryKernel(import.meta.url);
    await enablePlugins(kernel, ['inventory']);
    shop = await createTestVendor(kernel);
  });
  after(() => kernel.stop());

  it('gives every vendor a default location and lets it move to a new one', async () => {
    const first = await call(kernel, 'GET', `${API}/locations`, shop.headers);
    assert.deepEqual(
      (first.body.locations as { name: string; isDefault: boolean }[]).map((l) => [l.name, l.isDefault]),
      [['Main warehouse', true]],
    );
    const store = await call(kernel, 'POST', `${API}/locations`, shop.headers, { name: 'Store', isDefault: true });
    assert.equal(store.status, 201);
    const dup = await call(kernel, 'POST', `${API}/locations`, shop.headers, { name: 'Store' });
    assert.deepEqual([dup.status, dup.body.errors], [409, { name: 'is already taken in this shop' }]);
    const back = await call(
      kernel,
      'PATCH',
      `${API}/locations/${(first.body.locations as { id: number }[])[0]?.id}`,
      shop.headers,
      {
        isDefault: true,
      },
    );
    assert.equal(back.status, 200);
    const after = await call(kernel, 'GET', `${API}/locations`, shop.headers);
    assert.deepEqual(
      (after.body.locations as { name: string; isDefault: boolean }[]).map((l) => [l.name, l.isDefault]),
      [
        ['Main warehouse', true],
        ['Store', false],
      ],
    );
  });

  it('adjusts by a delta or a counted total, and keeps a history with reason and actor', async () => {
    const variant = await createVariant(kernel, shop.headers);
    assert.equal((await adjust(variant, { delta: 10, reason: 'received', note: 'PO 17' })).status, 201);
    const counted = await adjust(variant, { onHand: 7, reason: 'count' });
    assert.equal(counted.status, 201);
    assert.deepEqual(counted.body.adjustment && (counted.body.adjustment as { delta: number }).delta, -3);
    const level = await levelOf(kernel, shop.headers, variant);
    assert.deepEqual([level.onHand, level.reserved, level.available], [7, 0, 7]);
    assert.match(level.sku ?? '', /^INV-/, 'levels name the SKU from the catalog');
    const hist = await call(kernel, 'GET', `${API}/stock/${variant}/adjustments`, shop.headers);
    assert.deepEqual(
      (
        hist.body.adjustments as {
          delta: number;
          onHandAfter: number;
          reason: string;
          actor: string;
          note: string | null;
        }[]
      ).map((a) => [a.delta, a.onHandAfter, a.reason, a.actor, a.note]),
      [
        [-3, 7, 'count', shop.ownerEmail, null],
        [10, 10, 'received', shop.ownerEmail, 'PO 17'],
      ],
    );
  });

  it('refuses bad adjustments with 422 naming the field, and stock below zero', async () => {
    const variant = await createVariant(kernel, shop.headers);
    const both = await adjust(variant, { delta: 1, onHand: 3, reason: 'received' });
    assert.deepEqual(
      [both.status, both.body.errors],
      [422, { delta: 'give either delta (a change) or onHand (a count)' }],
    );
    const reason = await adjust(variant, { delta: 1, reason: 'because' });
    assert.equal(reason.status, 422);
    assert.ok((reason.body.errors as Record<string, string>).reason);
    const negative = await adjust(variant, { delta: -1, reason: 'lost' });
    assert.deepEqual([negative.status, negative.body.code], [409, 'INVENTORY_BELOW_RESERVED']);
  });

  it('reserves, releases and commits: available = on hand − reserved, fulfilment decrements both', async () => {
    const variant = await createVariant(kernel, shop.headers);
    await adjust(variant, { delta: 5, reason: 'received' });
    const reserve = (orderRef: string, quantity: number) =>
      call(kernel, 'POST', `${API}/reservations`, shop.headers, {
        orderRef,
        lines: [{ variantId: variant, quantity }],
      });
    assert.equal((await reserve('order-1', 2)).status, 201);
    assert.equal((await reserve('order-2', 2)).status, 201);
    let level = await levelOf(kernel, shop.headers, variant);
    assert.deepEqual([level.onHand, level.reserved, level.available], [5, 4, 1]);

    const short = await reserve('order-3', 2);
    assert.equal(short.status, 409);
    assert.equal(short.body.code, 'INVENTORY_OUT_OF_STOCK');
    assert.match(String(short.body.detail), new RegExp(`variant ${variant} has 1 available, 2 requested`));
    assert.equal((await reserve('order-1', 1)).body.code, 'INVENTORY_ALREADY_RESERVED');
    const belowReserved = await adjust(variant, { onHand: 3, reason: 'count' });
    assert.equal(belowReserved.body.code, 'INVENTORY_BELOW_RESERVED');

    assert.equal((await call(kernel, 'POST', `${API}/reservations/order-1/release`, shop.headers)).status, 200);
    assert.equal((await call(kernel, 'POST', `${API}/reservations/order-2/commit`, shop.headers)).status, 200);
    level = await levelOf(kernel, shop.headers, variant);
    assert.deepEqual([level.onHand, level.reserved, level.available], [3, 0, 3]);
    const again = await call(kernel, 'POST', `${API}/reservations/order-2/commit`, shop.headers);
    assert.deepEqual([again.status, again.body.code], [404, 'INVENTORY_RESERVATION_NOT_FOUND']);
    const hist = await call(kernel, 'GET', `${API}/stock/${variant}/adjustments?limit=1`, shop.headers);
    assert.deepEqual(
      (hist.body.adjustments as { reason: string; delta: number; orderRef: string }[]).map((a) => [
        a.reason,
        a.delta,
        a.orderRef,
      ]),
      [['fulfilment', -2, 'order-2']],
    );
  });

  it('reserves all lines of an order or none', async () => {
    const plenty = await createVariant(kernel, shop.headers);
    const scarce = await createVariant(kernel, shop.headers);
    await adjust(plenty, { delta: 10, reason: 'received' });
    await adjust(scarce, { delta: 1, reason: 'received' });
    const res = await call(kernel, 'POST', `${API}/reservations`, shop.headers, {
      orderRef: 'mixed',
      lines: [
        { variantId: plenty, quantity: 3 },
        { variantId: scarce, quantity: 2 },
      ],
    });
    assert.equal(res.status, 409);
    assert.equal((await levelOf(kernel, shop.headers, plenty)).reserved, 0, 'the line that fitted was not kept');
  });

  it('emits inventory.low once when available stock falls to the threshold', async () => {
    const variant = await createVariant(kernel, shop.headers);
    await adjust(variant, { delta: 10, reason: 'received' });
    const threshold = await call(kernel, 'PUT', `${API}/stock/${variant}/threshold`, shop.headers, {
      lowStockThreshold: 3,
    });
    assert.deepEqual([threshold.status, threshold.body.low], [200, false]);
    const seen: { variantId: number; available: number; threshold: number }[] = [];
    const off = kernel.events.on('inventory.low', (e) => {
      seen.push({ variantId: e.variantId, available: e.available, threshold: e.threshold });
    });
    try {
      await adjust(variant, { delta: -5, reason: 'damaged' }); // 5 left: not low
      await call(kernel, 'POST', `${API}/reservations`, shop.headers, {
        orderRef: 'low-1',
        lines: [{ variantId: variant, quantity: 2 }],
      });
      await adjust(variant, { delta: -1, reason: 'lost' }); // already low: no second event
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(seen, [{ variantId: variant, available: 3, threshold: 3 }]);
      assert.equal((await levelOf(kernel, shop.headers, variant)).low, true);
      const low = await call(kernel, 'GET', `${API}/stock?low=true`, shop.headers);
      assert.deepEqual(
        (low.body.levels as { variantId: number }[]).map((l) => l.variantId),
        [variant],
      );
    } finally {
      off();
    }
  });

  it('lets a viewer see stock but not adjust or reserve', async () => {
    const variant = await createVariant(kernel, shop.headers);
    const viewer = await createTestTeamMember(kernel, shop, 'viewer');
    assert.equal((await call(kernel, 'GET', `${API}/stock/${variant}`, viewer.headers)).status, 200);
    assert.equal((await adjust(variant, { delta: 1, reason: 'received' }, viewer.headers)).status, 403);
    const reserve = await call(kernel, 'POST', `${API}/reservations`, viewer.headers, {
      orderRef: 'viewer',
      lines: [{ variantId: variant, quantity: 1 }],
    });
    assert.equal(reserve.status, 403);
  });
});
