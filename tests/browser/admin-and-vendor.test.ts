import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { ROOT } from '../../kernel/paths.js';
import { lastMailTo, linkIn } from '../../kernel/testing/mail.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { type BrowserRun, browserMissing, checkPage, launchBrowser, screenshot } from './browser.js';

const NOTES = path.join(ROOT, 'tests', 'fixtures', 'ui-plugins', 'notes');
const ADMIN = { email: 'root@example.com', password: 'root-password' };
const missing = browserMissing();
if (missing) console.log(`# browser tests skipped: ${missing}`);

describe('admin console and vendor dashboard in a browser', { skip: missing }, () => {
  let kernel: TestKernel;
  let browser: BrowserRun;
  let base: string;

  const check = (page: Page, name: string) => checkPage(browser, page, name);
  const menu = (page: Page) => page.locator('nav[aria-label="Main menu"] a').allInnerTexts();

  before(async () => {
    kernel = await startTestKernel({ listen: true, plugins: { roots: [], extraDirs: [NOTES] } });
    await enablePlugins(kernel, ['notes']);
    await kernel.db.knex('users').insert({
      email: ADMIN.email,
      role: 'super_admin',
      password_hash: await hashPassword(ADMIN.password, 4),
    });
    base = kernel.server!.url.replace('127.0.0.1', 'localhost');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await kernel?.stop();
  });

  it('lets an admin create a vendor and switch a plugin off and on, its menu item and page following', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/admin`);
    assert.match(page.url(), /\/admin\/login\?next=/);
    await check(page, '01-admin-login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/admin`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await check(page, '02-admin-dashboard');

    await page.getByRole('link', { name: 'Vendors' }).click();
    await page.getByRole('link', { name: 'New vendor' }).click();
    await check(page, '03-admin-new-vendor');
    await page.getByLabel('Code').fill('green-tea');
    await page.getByLabel('Shop name').fill('Green Tea');
    await page.getByLabel("Owner's email").fill('owner@green.example');
    await page.getByRole('button', { name: 'Create vendor' }).click();
    await page.getByText('owner@green.example was sent an invitation').waitFor();
    await check(page, '04-admin-vendors');

    await page.goto(`${base}/admin/vendors/green-tea/edit`);
    await check(page, '04b-admin-vendor-edit');
    await page.goto(`${base}/admin/vendors/green-tea/domains`);
    await page.getByLabel('Domain', { exact: true }).fill('shop.green.example');
    await page.getByRole('button', { name: 'Add a domain' }).click();
    await page.getByText('shop.green.example was requested').waitFor();
    await check(page, '04c-admin-vendor-domains');
    await page.goto(`${base}/admin/users?q=owner%40green`);
    await page.getByRole('link', { name: 'owner@green.example' }).click();
    await page.getByText('the owner role cannot change').waitFor();
    await check(page, '04d-admin-user-roles');

    assert.ok((await menu(page)).includes('Notes'));
    await page.goto(`${base}/admin/platforms/main/plugins`);
    await check(page, '05-admin-plugins');
    await page.evaluate('window.stillHere = true');
    await page.getByRole('link', { name: 'Disable Notes' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /notes/);
    await check(page, '06-admin-plugin-plan');
    await dialog.getByRole('button', { name: 'Disable' }).click();
    await page.getByText('notes disabled on').waitFor();
    assert.equal(await page.evaluate('window.stillHere'), true, 'no reload');
    await check(page, '07-admin-plugin-disabled');

    await page.goto(`${base}/admin`);
    assert.ok(!(await menu(page)).includes('Notes'), 'the menu item is gone');
    const gone = await page.goto(`${base}/admin/notes`);
    assert.equal(gone?.status(), 404);
    browser.errors.length = 0; // the browser reports the 404 itself

    await page.goto(`${base}/admin/platforms/main/plugins`);
    await page.getByRole('link', { name: 'Enable Notes' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Enable' }).click();
    await page.getByText('notes enabled on').waitFor();
    await page.goto(`${base}/admin`);
    assert.ok((await menu(page)).includes('Notes'), 'the menu item is back');
    assert.equal((await page.goto(`${base}/admin/notes`))?.status(), 200);
    await check(page, '08-admin-plugin-page');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Action starts with').fill('tenancy.vendor');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/action=tenancy.vendor/);
    await page.locator('#audit-table').getByText('tenancy.vendor.created').waitFor();
    await check(page, '09-admin-audit-log');
    await page.close();
  });

  it('lets a vendor owner invite a member, who accepts and signs in with a role that keeps them off the team page', async () => {
    const ownerLink = linkIn(await lastMailTo(kernel, 'owner@green.example'), '/accept-invitation');
    const page = await browser.context.newPage();
    await page.goto(ownerLink.replace(/^https?:\/\/[^/]+/, base));
    await check(page, '10-vendor-accept-invitation');
    await page.getByLabel('Your name').fill('Gwen');
    await page.getByLabel('Password').fill('owner-password');
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page.getByText('Welcome to the team of Green Tea').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/vendor\/green-tea\/login/);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await check(page, '10b-vendor-forgot-password');
    await page.getByRole('link', { name: 'Back to sign-in' }).click();
    await page.getByLabel('Email').fill('owner@green.example');
    await page.getByLabel('Password').fill('owner-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    assert.match((await page.locator('[data-widget="notes"]').textContent()) ?? '', /Notes/);
    await check(page, '11-vendor-dashboard');

    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByLabel('Email').fill('viewer@green.example');
    await page.getByLabel('Role').selectOption({ label: 'Viewer' });
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('viewer@green.example was invited').waitFor();
    await check(page, '12-vendor-team');
    await page.close();

    const memberLink = linkIn(await lastMailTo(kernel, 'viewer@green.example'), '/accept-invitation');
    await browser.context.clearCookies(); // another person now: nobody is signed in
    const mpage = await browser.context.newPage();
    await mpage.goto(memberLink.replace(/^https?:\/\/[^/]+/, base));
    await mpage.getByLabel('Password').fill('viewer-password');
    await mpage.getByRole('button', { name: 'Accept the invitation' }).click();
    await mpage.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await mpage.getByRole('button', { name: 'Sign out' }).click();
    await mpage.waitForURL(/\/login/);
    await mpage.getByLabel('Email').fill('viewer@green.example');
    await mpage.getByLabel('Password').fill('viewer-password');
    await mpage.getByRole('button', { name: 'Sign in' }).click();
    await mpage.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const items = await mpage.locator('nav[aria-label="Main menu"] a').allInnerTexts();
    assert.ok(!items.includes('Team'), 'no Team item for a viewer');
    await check(mpage, '13-vendor-member-dashboard');
    const forbidden = await mpage.goto(`${base}/vendor/green-tea/team`);
    assert.equal(forbidden?.status(), 403);
    await screenshot(mpage, '14-vendor-member-forbidden');
    browser.errors.length = 0;
    await mpage.close();
  });
});
