import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestCustomer, createTestVendor, type TestKernel } from '@orion/sdk/testing';
import type { CustomerOrders } from '../src/customer-orders.js';
import { call, orderBody, shopApi, startOrdersKernel, stockedVariant } from './helpers.js';

describe('orders.customerOrders service (customer pages, the storefront account page)', () => {
  let kernel: TestKernel;
  let service: CustomerOrders;

  before(async () => {
    kernel = await startOrdersKernel(import.meta.url);
    service = kernel.plugins.loaded.get('orders')!.context.service<CustomerOrders>('orders.customerOrders');
  });
  after(() => kernel.stop());

  it("lists a customer's own orders, newest first, and none of another customer's or another shop's", async () => {
    const shop = await createTestVendor(kernel);
    const other = await createTestVendor(kernel);
    const variant = await stockedVariant(kernel, shop.headers, { stock: 5 });
    const ana = await createTestCustomer(kernel, shop.id);
    const ben = await createTestCustomer(kernel, shop.id);
    const place = async (headers: Record<string, string>) => {
      const res = await call(
        kernel,
        'POST',
        shopApi(shop.code),
        headers,
        orderBody([{ variantId: variant, quantity: 1 }]),
      );
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body as { number: number };
    };
    const first = await place(ana.headers);
    const second = await place(ana.headers);
    await place(ben.headers);

    const { orders: mine, total } = await service.list(shop.id, ana.id);
    assert.equal(total, 2);
    assert.deepEqual(
      mine.map((o) => o.number),
      [second.number, first.number],
    );
    assert.equal(mine[0]?.status, 'pending');
    assert.equal(mine[0]?.total.currency, 'EUR');
    assert.ok((mine[0]?.total.amountMinor ?? 0) > 0);
    assert.deepEqual((await service.list(other.id, ana.id)).orders, [], 'another shop sees none of them');
  });
});
