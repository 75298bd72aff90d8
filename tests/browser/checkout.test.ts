import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT } from '../../kernel/paths.js';
import { asSystem, createTestVendor, enablePlugins, type TestVendor } from '../../kernel/testing/index.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { type BrowserRun, browserMissing, checkPage, launchBrowser, screenshot } from './browser.js';

const missing = browserMissing();
if (missing) console.log(`# browser tests skipped: ${missing}`);

async function api(kernel: TestKernel, method: string, url: string, headers: Record<string, string>, body: unknown) {
  const res = await kernel.request(url, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  assert.ok(res.status < 300, `${url}: ${JSON.stringify(json)}`);
  return json;
}

/** A vendor with one stocked product and a flat shipping method, in the given theme. */
async function shopWith(kernel: TestKernel, theme: string, title: string): Promise<TestVendor & { slug: string }> {
  const shop = await createTestVendor(kernel);
  const product = await api(kernel, 'POST', '/api/v1/vendor/catalog/products', shop.headers, {
    title,
    status: 'active',
    variants: [{ sku: `BR-${shop.code}`, price: { amountMinor: 2500, currency: 'EUR' } }],
  });
  const variantId = (product.variants as { id: number }[])[0]!.id;
  await api(kernel, 'POST', `/api/v1/vendor/inventory/stock/${variantId}/adjustments`, shop.headers, {
    delta: 5,
    reason: 'received',
  });
  await api(kernel, 'POST', '/api/v1/vendor/checkout/shipping-methods', shop.headers, {
    name: 'Standard',
    kind: 'flat',
    amountMinor: 490,
    currency: 'EUR',
  });
  await asSystem(kernel, (db) =>
    db('vendors')
      .where({ id: shop.id })
      .update({ theme: JSON.stringify({ id: theme }) }),
  );
  await kernel.vendors.refresh();
  return { ...shop, slug: product.slug as string };
}

/** Add to cart → checkout steps → test gateway card → confirmation → tracking; answers the order number. */
async function buy(page: Page, base: string, slug: string, check: (name: string) => Promise<void>) {
  await page.goto(`${base}/products/${slug}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.waitForURL(/\/cart$/);
  await page.getByRole('heading', { name: 'Your cart' }).waitFor();
  await check('cart');
  await page.getByRole('link', { name: 'Go to checkout' }).click();
  await page.waitForURL(/\/checkout\/contact$/);
  await page.getByLabel('Email').fill('shopper@example.com');
  await page.getByLabel('Full name').fill('Sam Shopper');
  await check('contact');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/checkout\/address$/);
  await page.getByLabel('Street and number').fill('1 Rue de la Gare');
  await page.getByLabel('Postal code').fill('L-1611');
  await page.getByLabel('City').fill('Luxembourg');
  await page.getByLabel(/Country code/).fill('LU');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/checkout\/shipping$/);
  await page.getByLabel(/Standard/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/checkout\/payment$/);
  await page.getByLabel('Card (test gateway)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/checkout\/review$/);
  assert.match((await page.getByTestId('order-total').textContent()) ?? '', /29\.90/);
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await check('review');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/checkout\/confirmation$/);
  const text = (await page.getByTestId('confirmation').textContent()) ?? '';
  const number = text.match(/order number is (\d+)/)?.[1];
  assert.ok(number, text);
  await check('confirmation');
  await page.getByRole('link', { name: 'Track your order' }).click();
  await page.waitForURL(/\/checkout\/track$/);
  await page.getByLabel('Order number').fill(number);
  await page.getByLabel('Email').fill('shopper@example.com');
  await page.getByRole('button', { name: 'Find my order' }).click();
  await page.getByTestId('order').waitFor();
  assert.match((await page.getByTestId('order').textContent()) ?? '', new RegExp(`Order ${number}`));
  await check('tracking');
  return number;
}

describe('checkout in a browser', { skip: missing }, () => {
  let kernel: TestKernel;

  before(async () => {
    kernel = await startTestKernel({ listen: true, plugins: { roots: [path.join(ROOT, 'plugins')] } });
    await enablePlugins(kernel, ['inventory', 'payments', 'orders', 'cart', 'customer-profiles', 'checkout']);
  });
  after(() => kernel?.stop());

  it('buys with the test gateway card, sees the confirmation and tracks the order (classic theme, htmx on)', async () => {
    const shop = await shopWith(kernel, 'classic', 'Canvas Bag');
    const browser: BrowserRun = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const base = `${kernel.server!.url.replace('127.0.0.1', 'localhost')}/vendors/${shop.code}/shop`;
      await buy(page, base, shop.slug, (name) => checkPage(browser, page, `checkout-js-${name}`));
    } finally {
      await browser.close();
    }
  });

  it('does the same with JavaScript disabled (bold theme): every form posts and redirects', async () => {
    const shop = await shopWith(kernel, 'bold', 'Steel Bottle');
    const browser: BrowserRun = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await browser.context.newPage();
      const base = `${kernel.server!.url.replace('127.0.0.1', 'localhost')}/vendors/${shop.code}/shop`;
      // No axe run here: it needs JavaScript in the page. The same pages pass it in the test above.
      assert.ok(await buy(page, base, shop.slug, (name) => screenshot(page, `checkout-nojs-${name}`)));
    } finally {
      await browser.close();
    }
  });
});
