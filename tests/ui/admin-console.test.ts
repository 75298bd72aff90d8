import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { ROOT } from '../../kernel/paths.js';
import { lastMailTo, linkIn } from '../../kernel/testing/mail.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestVendor } from '../../kernel/testing/tenants.js';
import { FormSession, menuLabels } from './form-session.js';

const NOTES = path.join(ROOT, 'tests', 'fixtures', 'ui-plugins', 'notes');
const ADMIN = { email: 'root@example.com', password: 'root-password' };

describe('admin console pages', () => {
  let kernel: TestKernel;
  let admin: FormSession;

  const vendorCount = async () => Number((await kernel.db.knex('vendors').count({ n: '*' }))[0]?.n);

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [NOTES] } });
    await enablePlugins(kernel, ['notes']);
    await kernel.db.knex('users').insert({
      email: ADMIN.email,
      role: 'super_admin',
      password_hash: await hashPassword(ADMIN.password, 4),
    });
    admin = new FormSession(kernel);
    const signedIn = await admin.signIn('/admin/login', ADMIN.email, ADMIN.password);
    assert.equal(signedIn.status, 303);
  });
  after(() => kernel.stop());

  it('sends a visitor to the sign-in page, and back to the page asked for after signing in', async () => {
    const visitor = new FormSession(kernel);
    const first = await visitor.get('/admin/vendors?q=x');
    assert.equal(first.status, 303);
    assert.equal(first.location, '/admin/login?next=%2Fadmin%2Fvendors%3Fq%3Dx');
    const form = await visitor.get(first.location!);
    assert.equal(form.status, 200);
    assert.match(form.html, /^<!DOCTYPE html>/);
    assert.match(form.html, /<label for="field-email"[^>]*>Email<\/label>/);
    const done = await visitor.post('/admin/login', { ...ADMIN, next: '/admin/vendors?q=x' });
    assert.equal(done.status, 303);
    assert.equal(done.location, '/admin/vendors?q=x');
    assert.ok(visitor.cookies.has('admin_token'));
    const offsite = await new FormSession(kernel).signIn('/admin/login', ADMIN.email, ADMIN.password);
    assert.equal(offsite.location, '/admin', 'without next, the dashboard');
  });

  it("sends a visitor of a plugin's page to the sign-in page too", async () => {
    const visitor = new FormSession(kernel);
    const page = await visitor.get('/admin/notes');
    assert.equal(page.status, 303);
    assert.equal(page.location, '/admin/login?next=%2Fadmin%2Fnotes');
    const api = await kernel.request('/admin/notes', { headers: { accept: 'application/json' } });
    assert.equal(api.status, 401, 'a client that asks for JSON gets the problem');
  });

  it('re-renders the sign-in form with field errors, and one message for a wrong password or an unknown email', async () => {
    const visitor = new FormSession(kernel);
    await visitor.get('/admin/login');
    const invalid = await visitor.post('/admin/login', { email: 'not-an-email', password: '' });
    assert.equal(invalid.status, 422);
    assert.match(invalid.html, /id="field-email-error"[^>]*>Enter your email address/);
    assert.match(invalid.html, /aria-invalid="true"/);
    assert.match(invalid.html, /value="not-an-email"/, 'the email is kept');
    const wrong = await visitor.post('/admin/login', { email: ADMIN.email, password: 'wrong-password' });
    const unknown = await visitor.post('/admin/login', { email: 'who@example.com', password: 'wrong-password' });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    const message = (html: string) => /<p class="font-medium">([^<]+)<\/p>/.exec(html)?.[1];
    assert.equal(message(wrong.html), 'The email or the password is wrong.');
    assert.equal(message(unknown.html), message(wrong.html));
    assert.ok(!visitor.cookies.has('admin_token'));
  });

  it('refuses a form posted without its CSRF token with 403 ORN_HTTP_CSRF_REJECTED and creates nothing', async () => {
    const before = await vendorCount();
    const fields = { code: 'csrf-shop', name: 'CSRF', ownerEmail: 'o@example.com', platforms: 'main' };
    const page = await admin.post('/admin/vendors/new', fields, { withToken: false });
    assert.equal(page.status, 403);
    assert.match(page.html, /<h1>/);
    const json = await admin.post('/admin/vendors/new', fields, {
      withToken: false,
      headers: { accept: 'application/json' },
    });
    assert.equal(json.status, 403);
    assert.equal(JSON.parse(json.html).code, 'ORN_HTTP_CSRF_REJECTED');
    const forged = await admin.post('/admin/vendors/new', { ...fields, _csrf: 'forged.token' }, { withToken: false });
    assert.equal(forged.status, 403);
    assert.equal(await vendorCount(), before, 'no vendor was created');
  });

  it('creates a vendor from the form and mails its owner an invitation', async () => {
    await admin.get('/admin/vendors/new');
    const done = await admin.post('/admin/vendors/new', {
      code: 'Tea-Shop',
      name: 'The Tea Shop',
      ownerEmail: 'tea-owner@example.com',
      ownerName: 'Tess',
      platforms: ['main'],
    });
    assert.equal(done.status, 303);
    assert.equal(done.location, '/admin/vendors?q=tea-shop');
    const list = await admin.get(done.location!);
    assert.match(list.html, /role="status"[^>]*>[\s\S]*tea-owner@example.com was sent an invitation/);
    assert.match(list.html, /<code class="text-xs">tea-shop<\/code>/);
    const link = linkIn(await lastMailTo(kernel, 'tea-owner@example.com'), '/accept-invitation');
    assert.match(link, /\/vendor\/tea-shop\/accept-invitation\?token=/);
  });

  it('shows super administrators the outgoing mail, with each mail and its links, and nobody else', async () => {
    await admin.get('/admin/vendors/new');
    await admin.post('/admin/vendors/new', {
      code: 'mail-shop',
      name: 'Mail Shop',
      ownerEmail: 'mail-owner@example.com',
      platforms: ['main'],
    });
    const list = await admin.get('/admin/mail?to=Mail-Owner@example.com');
    assert.equal(list.status, 200);
    assert.ok(menuLabels(list.html).includes('Outgoing mail'));
    const mail = await lastMailTo(kernel, 'mail-owner@example.com');
    assert.match(list.html, new RegExp(`href="/admin/mail/${mail.id}"`));
    assert.doesNotMatch(list.html, /tea-owner@example\.com/, 'the filter keeps other recipients out');
    const one = await admin.get(`/admin/mail/${mail.id}`);
    assert.equal(one.status, 200);
    assert.match(one.html, /\/vendor\/mail-shop\/accept-invitation\?token=/);

    await kernel.db.knex('users').insert({
      email: 'platform-admin@example.com',
      role: 'platform_admin',
      password_hash: await hashPassword('platform-password', 4),
    });
    const platformAdmin = new FormSession(kernel);
    await platformAdmin.signIn('/admin/login', 'platform-admin@example.com', 'platform-password');
    const dashboard = await platformAdmin.get('/admin');
    assert.ok(!menuLabels(dashboard.html).includes('Outgoing mail'));
    assert.equal((await platformAdmin.get('/admin/mail')).status, 403);
    assert.equal((await platformAdmin.get(`/admin/mail/${mail.id}`)).status, 403);
  });

  it('re-renders the new vendor form with field errors and creates nothing', async () => {
    await createTestVendor(kernel, { code: 'taken' });
    const before = await vendorCount();
    await admin.get('/admin/vendors/new');
    const invalid = await admin.post('/admin/vendors/new', { code: '', name: 'X', ownerEmail: 'nope' });
    assert.equal(invalid.status, 422);
    for (const field of ['code', 'ownerEmail', 'platforms']) {
      assert.match(invalid.html, new RegExp(`id="field-${field}-error"`), `${field} has its error`);
    }
    assert.match(invalid.html, /value="X"/, 'valid input is kept');
    const taken = await admin.post('/admin/vendors/new', {
      code: 'taken',
      name: 'Again',
      ownerEmail: 'again@example.com',
      platforms: 'main',
    });
    assert.equal(taken.status, 422);
    assert.match(taken.html, /id="field-code-error"[^>]*>[^<]*taken/);
    const reserved = await admin.post('/admin/vendors/new', {
      code: 'admin',
      name: 'Reserved',
      ownerEmail: 'r@example.com',
      platforms: 'main',
    });
    assert.equal(reserved.status, 422);
    assert.equal(await vendorCount(), before);
  });

  it('validates the new vendor form in place for htmx, and redirects it with HX-Redirect once it worked', async () => {
    const htmx = { headers: { 'hx-request': 'true' } };
    await admin.get('/admin/vendors/new');
    const invalid = await admin.post('/admin/vendors/new', { code: 'ok-code', name: '', ownerEmail: 'x' }, htmx);
    assert.equal(invalid.status, 422, 'htmx 4 swaps 4xx answers: the form comes back with its errors');
    assert.doesNotMatch(invalid.html, /<html/);
    assert.match(invalid.html, /id="new-vendor-form"[\s\S]*id="field-name-error"/);
    const done = await admin.post(
      '/admin/vendors/new',
      { code: 'htmx-shop', name: 'Htmx', ownerEmail: 'htmx-owner@example.com', platforms: 'main' },
      htmx,
    );
    assert.equal(done.status, 200);
    assert.equal(done.headers.get('hx-redirect'), '/admin/vendors?q=htmx-shop');
    assert.match((await admin.get('/admin/vendors?q=htmx-shop')).html, /Vendor Htmx created/);
  });

  it('lists vendors with search and pages, and answers htmx with the content alone', async () => {
    for (let i = 0; i < 21; i++) await createTestVendor(kernel, { code: `page-${String(i).padStart(2, '0')}` });
    const first = await admin.get('/admin/vendors?q=page-');
    assert.match(first.html, /1–20 of 21/);
    assert.match(first.html, /href="\/admin\/vendors\?q=page-&amp;sort=code&amp;page=2"/);
    const second = await admin.get('/admin/vendors?q=page-&sort=code&page=2');
    assert.match(second.html, /21–21 of 21/);
    assert.match(second.html, /page-20/);
    const desc = await admin.get('/admin/vendors?q=page-&sort=code&dir=desc');
    assert.ok(desc.html.indexOf('page-20') < desc.html.indexOf('page-19'), 'sorted descending');
    const none = await admin.get('/admin/vendors?q=no-such-shop');
    assert.match(none.html, /Nothing matches “no-such-shop”/);
    const partial = await admin.get('/admin/vendors?q=page-', { 'hx-request': 'true' });
    assert.equal(partial.status, 200);
    assert.doesNotMatch(partial.html, /<html|Main menu/);
    assert.match(partial.html, /id="vendors-table"/);
  });

  it('shows the dashboard with counts, recent activity and plugin health', async () => {
    const page = await admin.get('/admin');
    assert.equal(page.status, 200);
    assert.match(page.html, /Active vendors<\/p><p[^>]*>\d+</);
    assert.match(page.html, /tenancy\.vendor\.created/);
    assert.match(page.html, /Plugin health/);
    const today = new Date().toISOString().slice(5, 10);
    const bar = new RegExp(`<th scope="row">${today}</th><td>(\\d+)</td>`).exec(page.html);
    assert.ok(Number(bar?.[1]) > 20, 'the chart counts the vendors created today');
    assert.deepEqual(menuLabels(page.html), [
      'Dashboard',
      'Vendors',
      'Users',
      'Platforms',
      'Plugins',
      'Audit log',
      'Outgoing mail',
      'Notes',
    ]);
  });

  it('shows the plan before disabling a plugin; then its menu item is gone and its page answers 404', async () => {
    assert.equal((await admin.get('/admin/notes')).status, 200);
    const list = await admin.get('/admin/platforms/main/plugins');
    assert.match(list.html, /data-plugin="notes"[\s\S]*?1\.2\.0[\s\S]*?optional[\s\S]*?enabled/);
    const ask = await admin.get('/admin/platforms/main/plugins/notes/disable', { 'hx-request': 'true' });
    assert.equal(ask.status, 200);
    assert.match(ask.html, /role="alertdialog"/);
    assert.match(ask.html, /<li>notes<\/li>/);
    assert.equal(kernel.plugins.snapshot().isEnabled(1, 'notes'), true, 'asking changes nothing');
    const done = await admin.post(
      '/admin/platforms/main/plugins/notes/disable',
      {},
      { headers: { 'hx-request': 'true' } },
    );
    assert.equal(done.status, 200);
    assert.doesNotMatch(done.html, /<html/);
    assert.match(done.html, /id="plugins-page"[\s\S]*notes disabled on/);
    assert.equal((await admin.get('/admin/notes')).status, 404);
    assert.deepEqual(menuLabels((await admin.get('/admin')).html), [
      'Dashboard',
      'Vendors',
      'Users',
      'Platforms',
      'Plugins',
      'Audit log',
      'Outgoing mail',
    ]);

    const again = await admin.post('/admin/platforms/main/plugins/notes/enable', {});
    assert.equal(again.status, 303, 'without htmx: a redirect back to the list');
    assert.match((await admin.get(again.location!)).html, /notes enabled on/);
    assert.equal((await admin.get('/admin/notes')).status, 200);
    assert.ok(menuLabels((await admin.get('/admin')).html).includes('Notes'));
  });

  it('says why a transition cannot even be asked for', async () => {
    const page = await admin.get('/admin/platforms/main/plugins/no-such-plugin/disable');
    assert.equal(page.status, 404);
    assert.match(page.html, /no plugin &quot;no-such-plugin&quot; was discovered/);
    assert.equal((await admin.get('/admin/platforms/nowhere/plugins')).status, 404);
  });

  it("filters the audit log, and shows an entry's fields before and after the change", async () => {
    const [row] = await asSystem(kernel, (db) =>
      db('audit_log')
        .insert({
          actor_label: 'ops@example.com',
          action: 'tenancy.vendor.changed',
          target_type: 'vendor',
          target_id: '7',
          platform_id: 1,
          before: JSON.stringify({ name: 'Old name', languages: ['en'] }),
          after: JSON.stringify({ name: 'New name', languages: ['en'] }),
          details: '{}',
        })
        .returning('id'),
    );
    const list = await admin.get('/admin/audit-log?action=tenancy.vendor.ch');
    assert.equal(list.status, 200);
    assert.match(list.html, /1–1 of 1/);
    assert.match(list.html, /ops@example.com/);
    const byVendor = await admin.get('/admin/audit-log?vendor=tea-shop');
    assert.match(byVendor.html, /tenancy\.vendor\.created/);
    assert.doesNotMatch(byVendor.html, /ops@example.com/);
    assert.match(
      list.html,
      /href="\/admin\/audit-log\?action=tenancy\.vendor\.ch&amp;sort=at&amp;dir=asc"/,
      'oldest first',
    );
    const future = await admin.get('/admin/audit-log?from=2999-01-01');
    assert.match(future.html, /No entry matches these filters/);
    const partial = await admin.get('/admin/audit-log?actor=ops', { 'hx-request': 'true' });
    assert.match(partial.html, /id="audit-table"/);
    assert.doesNotMatch(partial.html, /<html/);

    const entry = await admin.get(`/admin/audit-log/${(row as { id: number }).id}`);
    assert.equal(entry.status, 200);
    assert.match(entry.html, /<tr data-changed="true"><th scope="row"[^>]*>name /);
    assert.match(entry.html, /&quot;Old name&quot;[\s\S]*&quot;New name&quot;/);
    assert.doesNotMatch(entry.html, /<tr data-changed="true"><th scope="row"[^>]*>languages/);
    assert.equal((await admin.get('/admin/audit-log/999999')).status, 404);
  });

  it('serves the stylesheet and htmx from our origin with a year of caching', async () => {
    const page = await admin.get('/admin');
    const css = /href="(\/assets\/app\.[0-9a-f]{12}\.css)"/.exec(page.html)?.[1];
    const js = /src="(\/assets\/htmx\.[0-9a-f]{12}\.js)"/.exec(page.html)?.[1];
    assert.ok(css && js, 'the layout links both');
    for (const url of [css, js]) {
      const res = await kernel.request(url);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.ok((await res.text()).length > 1000);
    }
    assert.equal((await kernel.request('/assets/app.000000000000.css')).status, 404);
  });

  it('signs out: the session ends and the console asks to sign in again', async () => {
    const session = new FormSession(kernel);
    await session.signIn('/admin/login', ADMIN.email, ADMIN.password);
    const token = session.cookies.get('admin_token');
    await session.get('/admin');
    const out = await session.post('/admin/logout', {});
    assert.equal(out.status, 303);
    assert.equal(out.location, '/admin/login');
    assert.ok(!session.cookies.has('admin_token'));
    const replay = await kernel.request('/admin', { headers: { cookie: `admin_token=${token}` }, redirect: 'manual' });
    assert.equal(replay.status, 303, 'the old token no longer signs in');
  });
});
