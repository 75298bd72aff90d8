import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT } from '../../kernel/paths.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { type BrowserRun, browserMissing, checkPage, launchBrowser } from './browser.js';

const missing = browserMissing();
if (missing) console.log(`# browser tests skipped: ${missing}`);

describe('demo storefronts in a browser', { skip: missing }, () => {
  let kernel: TestKernel;
  let browser: BrowserRun;
  let base: string;

  const check = (page: Page, name: string) => checkPage(browser, page, name);

  before(async () => {
    kernel = await startTestKernel({
      listen: true,
      settings: { SEED_DEMO: 'true' },
      plugins: { roots: [path.join(ROOT, 'plugins')] },
    });
    base = kernel.server!.url.replace('127.0.0.1', 'localhost');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await kernel?.stop();
  });

  it('browses home → category → product on a demo shop, the variant picker updating the buy box', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/vendors/fashion-hub/shop/`);
    assert.match((await page.locator('body').getAttribute('class')) ?? '', /sf-theme-minimal/);
    await check(page, 'storefront-01-fashion-hub-home');

    await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Clothing' }).click();
    await page.waitForURL(/\/categories\/clothing/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Clothing');
    await check(page, 'storefront-02-fashion-hub-category');

    await page.locator('main ul li a[href*="/products/"]').first().click();
    await page.waitForURL(/\/products\//);
    await page.locator('#buy-box').waitFor();
    await check(page, 'storefront-03-fashion-hub-product');
    const picker = page.getByLabel(/Size|Colour|Variant/);
    if (await picker.count()) {
      const options = await picker.locator('option').allInnerTexts();
      if (options.length > 1) {
        const url = page.url();
        await picker.selectOption({ label: options[1] as string });
        // htmx swaps the buy box in place: same page, the chosen option now selected in the new box.
        await page.waitForFunction(
          `document.querySelector('#sf-variant')?.selectedOptions[0]?.text === ${JSON.stringify(options[1])}`,
        );
        assert.equal(page.url(), url, 'no full navigation');
      }
    }
    await page.close();
  });

  it('shows a second demo shop in another theme, and saves screenshots of both', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/platforms/oms/vendors/tech-store/shop/`);
    assert.match((await page.locator('body').getAttribute('class')) ?? '', /sf-theme-bold/);
    await check(page, 'storefront-04-tech-store-home');
    const first = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    await page.goto(`${base}/vendors/fashion-hub/shop/`);
    const second = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    assert.notEqual(first, second, 'the two shops look different');
    await page.close();
  });

  it("opens the platform's own site, its pricing page, and a shop from its list", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Shops you can trust' }).waitFor();
    await check(page, 'storefront-05-platform-site');
    await page.getByRole('link', { name: 'Pricing' }).click();
    await page.waitForURL(`${base}/pages/pricing`);
    await page.getByRole('heading', { name: 'Pricing' }).waitFor();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Fashion Hub' }).click();
    await page.waitForURL(`${base}/vendors/fashion-hub/shop/`);
    await page.close();
  });
});
