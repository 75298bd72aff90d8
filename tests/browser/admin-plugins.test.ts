import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { ROOT } from '../../kernel/paths.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { type BrowserRun, browserMissing, checkPage, launchBrowser } from './browser.js';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'plugins');
const SHIPPING = path.join(ROOT, 'tests', 'fixtures', 'ui-plugins', 'shipping');
const missing = browserMissing();
if (missing) console.log(`# browser tests skipped: ${missing}`);

describe('admin plugins page in a browser', { skip: missing }, () => {
  let kernel: TestKernel;
  let browser: BrowserRun;
  let base: string;

  const check = (page: Page, name: string) => checkPage(browser, page, name);
  /**
   * A refusal (409) or a form with errors (422) answers with its status, which Chromium logs as a failed load:
   * expected once where the test provokes it, and taken off the console errors the next check looks at.
   */
  const expectLoggedStatus = (status: number) => {
    const logged = browser.errors.filter((e) => e.includes(`status of ${status}`));
    assert.equal(logged.length, 1, `one ${status} answer logged`);
    browser.errors.splice(0, browser.errors.length, ...browser.errors.filter((e) => !logged.includes(e)));
  };

  /**
   * At the browser's 1280px the plugins table fits its box (no sideways scrolling), and so does the page; the
   * columns hidden at this width are listed in each plugin's cell.
   */
  const assertFitsWidth = async (page: Page) => {
    assert.equal(page.viewportSize()?.width, 1280);
    const box = (await page.evaluate(`(() => {
      const wrap = document.querySelector('#plugins-table');
      return { scroll: wrap.scrollWidth, client: wrap.clientWidth, page: document.documentElement.scrollWidth };
    })()`)) as { scroll: number; client: number; page: number };
    assert.ok(box.scroll <= box.client, `the table is ${box.scroll}px wide in a ${box.client}px box`);
    assert.ok(box.page <= 1280, `the page is ${box.page}px wide`);
    assert.equal(await page.getByRole('columnheader', { name: 'Dependents' }).isVisible(), false);
  };

  before(async () => {
    kernel = await startTestKernel({ listen: true, plugins: { roots: [FIXTURES], extraDirs: [SHIPPING] } });
    await kernel.db.knex('users').insert({
      email: 'root@example.com',
      role: 'super_admin',
      password_hash: await hashPassword('root-password', 4),
    });
    base = kernel.server!.url.replace('127.0.0.1', 'localhost');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await kernel?.stop();
  });

  it('installs and enables plugins after their plans, in place, and edits settings with field errors', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/admin/login`);
    await page.getByLabel('Email').fill('root@example.com');
    await page.getByLabel('Password').fill('root-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/admin`);

    await page.goto(`${base}/admin/platforms/main/plugins`);
    await check(page, 'plugins-01-list');
    await assertFitsWidth(page);
    await page.evaluate('window.stillHere = true');
    for (const id of ['Hello', 'Reviews', 'Shipping']) {
      await page.getByRole('link', { name: `Install ${id}`, exact: true }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      if (id === 'Hello') {
        assert.match((await dialog.textContent()) ?? '', /20261127100000_create_greetings/, 'the migration to run');
        await check(page, 'plugins-02-install-plan');
      }
      await dialog.getByRole('button', { name: 'Install' }).click();
      await page.getByText(`${id.toLowerCase()} installed.`).waitFor();
    }

    await page.getByRole('link', { name: 'Enable Reviews' }).click();
    const plan = page.getByRole('alertdialog');
    await plan.waitFor();
    assert.match((await plan.textContent()) ?? '', /hello \(a dependency\)/);
    await plan.getByRole('button', { name: 'Enable 2 plugins' }).click();
    await page.getByText('reviews enabled on').waitFor();
    assert.equal(await page.evaluate('window.stillHere'), true, 'no page reload');
    assert.equal(await page.locator('#plugin-hello').getByText('enabled', { exact: true }).count(), 1);

    // Hello is needed by the enabled reviews: the dry run already refuses, so no confirmation is offered.
    await page.getByRole('link', { name: 'Uninstall Hello' }).click();
    await page
      .locator('#plugin-confirm-panel')
      .getByText(/reviews/)
      .waitFor();
    assert.equal(await page.getByRole('alertdialog').count(), 0, 'nothing to confirm');
    expectLoggedStatus(409);
    await check(page, 'plugins-03-refused-inline');
    await assertFitsWidth(page);
    assert.match((await page.locator('#plugin-hello [data-plugin-compact]').textContent()) ?? '', /Needed by: reviews/);

    await page.getByRole('link', { name: 'Settings of Shipping' }).click();
    await page.getByLabel('Carrier').fill('DHL-123');
    await page.getByLabel('Free shipping above').fill('-5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Carrier must match the pattern').first().waitFor();
    expectLoggedStatus(422);
    await check(page, 'plugins-04-settings-errors');
    await page.getByLabel('Carrier').fill('La Poste');
    await page.getByLabel('Free shipping above').fill('2500');
    await page.getByLabel('Offer express delivery').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings of Shipping saved').waitFor();
    const platformId = kernel.platforms.findByCode('main')!.id;
    const settings = await kernel.plugins.loaded.get('shipping')!.context.settings(platformId);
    assert.deepEqual(settings, { carrier: 'La Poste', freeAbove: 2500, express: true, zone: 'eu' });
    await page.close();
  });
});
