import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { call, orderBody, shopApi, startOrdersKernel, stockedVariant } from './helpers.js';

describe('orders: vendor pages', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let order: { id: number; number: number };
  let pages: string;
  const auth = () => ({ authorization: shop.headers.authorization as string });
  const page = (path: string) => kernel.request(`${pages}${path}`, { headers: auth() });
  const form = (path: string, fields: Record<string, string>) =>
    kernel.request(`${pages}${path}`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });

  before(async () => {
    kernel = await startOrdersKernel(import.meta.url);
    shop = await createTestVendor(kernel);
    pages = `/vendor/${shop.code}/orders`;
    const v = await stockedVariant(kernel, shop.headers, { stock: 3, title: 'Blue mug', gtin: '4006381333931' });
    order = (await call(kernel, 'POST', shopApi(shop.code), {}, orderBody([{ variantId: v, quantity: 2 }]))).body;
  });
  after(() => kernel.stop());

  it('lists the orders with their number, status and total, and filters by status', async () => {
    const html = await (await page('')).text();
    assert.match(html, new RegExp(`#${order.number}`));
    assert.match(html, /pending/);
    assert.match(html, /25\.00/);
    assert.doesNotMatch(await (await page('?status=shipped')).text(), new RegExp(`>#${order.number}<`));
  });

  it('moves an order with the form, without JavaScript, and shows the error of an invalid step', async () => {
    const paid = await form(`/${order.id}/transitions`, { to: 'paid', note: 'Transfer in' });
    assert.equal(paid.status, 303);
    const detail = await (await page(`/${order.id}`)).text();
    assert.match(detail, /pending → paid by/);
    assert.match(detail, /Transfer in/);

    const bad = await form(`/${order.id}/transitions`, { to: 'delivered' });
    assert.equal(bad.status, 409);
    assert.match(await bad.text(), /is paid: it cannot become delivered/);
  });

  it('prints a packing slip with the address, SKUs, GTINs and quantities', async () => {
    const res = await page(`/${order.id}/packing-slip`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<title>Packing slip 1<\/title>/);
    assert.match(html, /1 Rue du Fort/);
    assert.match(html, /4006381333931/);
    assert.match(html, /Blue mug/);
  });

  it("answers 404 for another vendor's order", async () => {
    const other = await createTestVendor(kernel);
    const res = await kernel.request(`/vendor/${other.code}/orders/${order.id}`, {
      headers: { authorization: other.headers.authorization as string },
    });
    assert.equal(res.status, 404);
  });
});
