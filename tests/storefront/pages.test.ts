import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createShop, type DemoShop, shopPath, startShopKernel } from './support.js';

describe('storefront pages', () => {
  let kernel: TestKernel;
  let shop: DemoShop;

  before(async () => {
    kernel = await startShopKernel();
    shop = await createShop(kernel, { id: 'classic', preset: 'classic-forest' });
  });
  after(() => kernel.stop());

  const html = async (url: string, headers: Record<string, string> = {}) => {
    const res = await kernel.request(url, { headers });
    return { status: res.status, body: await res.text(), res };
  };

  it('renders the home page with hero, featured products and categories, in the vendor theme', async () => {
    const { status, body } = await html(shopPath(shop.vendor.code));
    assert.equal(status, 200);
    assert.match(body, /^<!DOCTYPE html>/);
    assert.match(body, /class="sf-theme-classic sf-preset-classic-forest /);
    assert.match(body, /--color-primary:#14532d/, 'the preset colour is a CSS variable');
    assert.match(body, /Welcome to Shop /);
    assert.match(body, /Harbour T-shirt/);
    assert.match(body, new RegExp(`href="/vendors/${shop.vendor.code}/shop/categories/${shop.categorySlug}"`));
  });

  it('lists a category with sort and price filters that keep or drop the product', async () => {
    const url = shopPath(shop.vendor.code, `/categories/${shop.categorySlug}`);
    const all = await html(`${url}?sort=price`);
    assert.equal(all.status, 200);
    assert.match(all.body, /Harbour T-shirt/);
    assert.match(all.body, /<option value="price" selected="">/);
    assert.match(all.body, /1 products/);
    const none = await html(`${url}?min=30`);
    assert.doesNotMatch(none.body, /Harbour T-shirt/);
    assert.match(none.body, /No products match these filters/);
  });

  it('shows a product whose variant picker changes price, as a full page and as an htmx fragment', async () => {
    const url = shopPath(shop.vendor.code, `/products/${shop.productSlug}`);
    const first = await html(url);
    assert.equal(first.status, 200);
    assert.match(first.body, /€19\.90/);
    assert.match(first.body, /<select id="sf-variant" name="variant"/);
    const m = await html(`${url}?variant=${shop.variantIds[1]}`);
    assert.match(m.body, /€24\.90/, 'without JS, the GET form reloads with the other variant');
    const fragment = await html(`${url}?variant=${shop.variantIds[1]}`, { 'hx-request': 'true' });
    assert.match(fragment.body, /^<div id="buy-box"/, 'htmx gets the buy box alone');
    assert.match(fragment.body, /€24\.90/);
    assert.match(fragment.body, /Out of stock/, 'stock comes from inventory (none received yet)');
  });

  it('finds products by search and helps when nothing matches', async () => {
    const hit = await html(shopPath(shop.vendor.code, '/search?q=harb'));
    assert.match(hit.body, /Harbour T-shirt/);
    const miss = await html(shopPath(shop.vendor.code, '/search?q=zzzqx'));
    assert.equal(miss.status, 200);
    assert.match(miss.body, /No products match “zzzqx”/);
    assert.match(miss.body, /Check the spelling/);
    assert.match(miss.body, /name="robots" content="noindex"/);
  });

  it('answers an unknown product and an unknown page with the themed 404', async () => {
    for (const rest of ['/products/nope', '/pages/nope', '/no/such/thing']) {
      const res = await html(shopPath(shop.vendor.code, rest));
      assert.equal(res.status, 404, rest);
      assert.match(res.body, /sf-theme-classic/, rest);
      assert.match(res.body, /Page not found/, rest);
    }
  });

  it('shows the themed "shop closed" page for a suspended shop', async () => {
    await asSystem(kernel, (db) => db('vendors').where({ id: shop.vendor.id }).update({ status: 'suspended' }));
    await kernel.vendors.refresh();
    try {
      const res = await html(shopPath(shop.vendor.code));
      assert.equal(res.status, 403);
      assert.match(res.body, /This shop is closed/);
      assert.match(res.body, /sf-theme-classic/);
    } finally {
      await asSystem(kernel, (db) => db('vendors').where({ id: shop.vendor.id }).update({ status: 'active' }));
      await kernel.vendors.refresh();
    }
  });
});
