import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { ROOT } from '../../kernel/paths.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { type BrowserRun, browserMissing, launchBrowser, screenshot, seriousViolations } from './browser.js';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'plugins');
const SHIPPING = path.join(ROOT, 'tests', 'fixtures', 'ui-plugins', 'shipping');
const missing = browserMissing();
if (missing) console.log(`# browser tests skipped: ${missing}`);

describe('admin plugins page in a browser', { skip: missing }, () => {
  let kernel: TestKernel;
  let browser: BrowserRun;
  let base: string;

  const check = async (page: Page, name: string) => {
    await page.waitForLoadState('load');
    const violations = await seriousViolations(page);
    assert.deepEqual(
      violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      [],
      `accessibility of ${name}`,
    );
    await screenshot(page, name);
    assert.deepEqual(browser.errors, [], `console errors on ${name}`);
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

    await page.getByRole('link', { name: 'Uninstall Hello' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Uninstall' }).click();
    await page
      .locator('#plugins-message')
      .getByText(/reviews/)
      .waitFor();
    await check(page, 'plugins-03-refused-inline');

    await page.getByRole('link', { name: 'Settings of Shipping' }).click();
    await page.getByLabel('Carrier').fill('DHL-123');
    await page.getByLabel('Free shipping above').fill('-5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Carrier must match the pattern').first().waitFor();
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
