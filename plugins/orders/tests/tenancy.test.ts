import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { API, call, orderBody, shopApi, startOrdersKernel, stockedVariant, stockOf } from './helpers.js';

describe('orders: one vendor never reaches another vendor’s orders', () => {
  let kernel: TestKernel;
  let a: TestVendor;
  let b: TestVendor;
  let bOrder: { id: number; number: number };
  let bVariant: number;
  let aKey: Record<string, string>;

  before(async () => {
    kernel = await startOrdersKernel(import.meta.url);
    a = await createTestVendor(kernel);
    b = await createTestVendor(kernel);
    bVariant = await stockedVariant(kernel, b.headers, { stock: 3 });
    const placed = await call(kernel, 'POST', shopApi(b.code), {}, orderBody([{ variantId: bVariant, quantity: 1 }]));
    bOrder = placed.body;
    const key = await call(kernel, 'POST', '/api/v1/vendor/api-keys', a.headers, {
      name: 'ERP',
      permissions: ['orders.view', 'orders.manage', 'orders.refund'],
    });
    assert.equal(key.status, 201, JSON.stringify(key.body));
    aKey = { authorization: `Bearer ${key.body.key}` };
  });
  after(() => kernel.stop());

  it("answers 404 to vendor A's token and API key on every route that names B's order", async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `/${bOrder.id}`],
      ['POST', `/${bOrder.id}/transitions`, { to: 'cancelled' }],
      ['POST', `/${bOrder.id}/refunds`, {}],
    ];
    for (const headers of [a.headers, aKey]) {
      for (const [method, path, body] of attempts) {
        const res = await call(kernel, method, `${API}${path}`, headers, body);
        assert.deepEqual([res.status, res.body.code], [404, 'ORDERS_NOT_FOUND'], `${method} ${path}`);
      }
    }
    const mine = await call(kernel, 'GET', API, a.headers);
    assert.equal(mine.body.total, 0);
    assert.equal((await stockOf(kernel, b.headers, bVariant)).reserved, 1, "B's order still holds its stock");
  });

  it("cannot order B's variants through A's shop, nor track B's orders there", async () => {
    const res = await call(kernel, 'POST', shopApi(a.code), {}, orderBody([{ variantId: bVariant, quantity: 1 }]));
    assert.deepEqual([res.status, res.body.code], [422, 'ORDERS_VARIANT_UNAVAILABLE']);
    const track = await call(kernel, 'GET', `${shopApi(a.code)}/track?number=${bOrder.number}&email=ada@example.com`);
    assert.equal(track.status, 404);
    const own = await call(kernel, 'GET', `${shopApi(b.code)}/track?number=${bOrder.number}&email=ada@example.com`);
    assert.equal(own.status, 200);
  });

  it('keeps idempotency keys per vendor: the same key in two shops places two orders', async () => {
    const aVariant = await stockedVariant(kernel, a.headers, { stock: 3 });
    const key = { 'idempotency-key': 'shared-key-123' };
    const inA = await call(kernel, 'POST', shopApi(a.code), key, orderBody([{ variantId: aVariant, quantity: 1 }]));
    const inB = await call(kernel, 'POST', shopApi(b.code), key, orderBody([{ variantId: bVariant, quantity: 1 }]));
    assert.deepEqual([inA.status, inB.status], [201, 201]);
    assert.notEqual(inA.body.id, inB.body.id);
  });

  it('documents the orders and payments routes in the OpenAPI document', async () => {
    const doc = (await (await kernel.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, object>;
      components: { schemas: Record<string, object> };
    };
    for (const path of [
      '/api/v1/vendor/orders',
      '/api/v1/vendor/orders/{id}/transitions',
      '/api/v1/vendor/orders/{id}/refunds',
      '/api/v1/shop/orders',
      '/api/v1/shop/orders/track',
      '/api/v1/vendor/payments/{id}/refund',
      '/api/v1/shop/payments/webhooks/{provider}',
    ]) {
      assert.ok(doc.paths[path], `${path} is documented`);
    }
    assert.ok(doc.components.schemas.OrdersOrderDetail && doc.components.schemas.PaymentsPayment);
  });
});
