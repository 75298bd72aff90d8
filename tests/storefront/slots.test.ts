import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../kernel/paths.js';
import { disablePlugins, enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createShop, type DemoShop, shopPath } from './support.js';

const SIZE_GUIDE = path.join(ROOT, 'tests', 'fixtures', 'storefront-plugins', 'size-guide');

describe('storefront: plugin blocks in slots', () => {
  let kernel: TestKernel;
  let shop: DemoShop;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [path.join(ROOT, 'plugins')], extraDirs: [SIZE_GUIDE] } });
    await enablePlugins(kernel, ['catalog', 'size-guide']);
    shop = await createShop(kernel, { id: 'classic' });
  });
  after(() => kernel.stop());

  const productPage = async () =>
    (await kernel.request(shopPath(shop.vendor.code, `/products/${shop.productSlug}`))).text();

  it("renders an enabled plugin's block after the description, and nothing once the plugin is disabled", async () => {
    const on = await productPage();
    assert.match(on, /<div data-slot="product.after-description"><div data-plugin="size-guide"><p class="size-guide">/);
    await disablePlugins(kernel, ['size-guide']);
    const off = await productPage();
    assert.doesNotMatch(off, /size-guide/);
    assert.doesNotMatch(off, /data-slot="product.after-description"/, 'an empty slot leaves no wrapper');
    assert.match(off, /Harbour T-shirt/);
  });

  it('shows no stock line where inventory is not enabled, and the page still works', async () => {
    const body = await productPage();
    assert.doesNotMatch(body, /In stock|Out of stock/);
    assert.match(body, /€19\.90/);
  });

  it("puts the cart plugin's link beside the account link on every page while it is enabled", async () => {
    const home = () => kernel.request(shopPath(shop.vendor.code, '/')).then((r) => r.text());
    assert.doesNotMatch(await home(), /sf-cart-link/, 'no cart plugin, no link');
    await enablePlugins(kernel, ['inventory', 'cart']);
    const cartLink = new RegExp(`<a href="${shopPath(shop.vendor.code, '/cart')}" class="sf-cart-link">Cart</a>`);
    assert.match(await home(), cartLink);
    assert.match(await productPage(), cartLink);
    await disablePlugins(kernel, ['cart']);
    assert.doesNotMatch(await home(), /sf-cart-link/);
  });
});
