import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { ROOT } from '../../kernel/paths.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { FormSession, menuLabels } from './form-session.js';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'plugins');
const UI_FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'ui-plugins');
const HTMX = { 'hx-request': 'true' };
const LIST = '/admin/platforms/main/plugins';

describe('admin plugins page', () => {
  let kernel: TestKernel;
  let admin: FormSession;

  const installed = async (id: string) => Boolean(await kernel.db.knex('plugins').where({ id }).first());
  const auditActions = async () =>
    (await asSystem(kernel, (db) => db('audit_log').orderBy('id').select('action', 'target_id'))).map(
      (r) => `${r.action}:${r.target_id}`,
    );
  /** The text of one plugin's row. */
  const row = (html: string, id: string) =>
    (new RegExp(`<tr id="plugin-${id}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '').replace(/<[^>]+>/g, ' ');

  before(async () => {
    kernel = await startTestKernel({
      plugins: {
        roots: [FIXTURES],
        extraDirs: [path.join(UI_FIXTURES, 'notes'), path.join(UI_FIXTURES, 'shipping')],
      },
    });
    await kernel.db.knex('users').insert({
      email: 'root@example.com',
      role: 'super_admin',
      password_hash: await hashPassword('root-password', 4),
    });
    admin = new FormSession(kernel);
    assert.equal((await admin.signIn('/admin/login', 'root@example.com', 'root-password')).status, 303);
  });
  after(() => kernel.stop());

  it('lists every plugin with version, category, state, dependencies and dependents', async () => {
    const page = await admin.get(LIST);
    assert.equal(page.status, 200);
    assert.match(row(page.html, 'reviews'), /Reviews[\s\S]*1\.0\.0[\s\S]*optional[\s\S]*not installed[\s\S]*hello/);
    assert.match(row(page.html, 'hello'), /not installed[\s\S]*reviews/, 'hello lists reviews as a dependent');
    assert.match(page.html, /aria-label="Install Hello"/, 'a super administrator may install');
    assert.match(page.html, /Rescan plugin folders/);
  });

  it('shows the dry-run plan of an install before doing it, then installs and audit-logs it', async () => {
    const ask = await admin.get(`${LIST}/hello/install`);
    assert.equal(ask.status, 200);
    assert.match(ask.html, /Install hello on every platform\?/);
    assert.match(ask.html, /20261127100000_create_greetings/, 'the migration to run is named');
    assert.equal(await installed('hello'), false, 'the dry run changed nothing');
    const done = await admin.post(`${LIST}/hello/install`, {});
    assert.equal(done.status, 303);
    assert.equal(done.location, LIST);
    assert.equal(await installed('hello'), true);
    const list = await admin.get(LIST);
    assert.match(list.html, /hello installed\./, 'the flash message');
    assert.match(row(list.html, 'hello'), /disabled/);
    assert.ok((await auditActions()).includes('plugin.install:hello'));
  });

  it('enables a plugin with its dependencies after showing the plan, swapping the list in place with htmx', async () => {
    await admin.post(`${LIST}/reviews/install`, {});
    const ask = await admin.get(`${LIST}/reviews/enable`, HTMX);
    assert.match(ask.html, /id="plugin-confirm-panel"/);
    const plan = /<ol[^>]*data-plan[^>]*>([\s\S]*?)<\/ol>/.exec(ask.html)?.[1] ?? '';
    assert.match(plan.replace(/<[^>]+>/g, ' '), /hello \(a dependency\)[\s\S]*reviews/);
    assert.equal(kernel.plugins.snapshot().isEnabled(kernel.platforms.findByCode('main')!.id, 'hello'), false);

    const done = await admin.post(`${LIST}/reviews/enable`, {}, { headers: HTMX });
    assert.equal(done.status, 200);
    assert.match(done.html, /<div id="plugins-page">/);
    assert.match(done.html, /reviews enabled on [^.]+\. Also enabled: hello\./);
    assert.match(row(done.html, 'reviews'), /enabled/);
    const actions = await auditActions();
    assert.ok(actions.includes('plugin.enable:reviews'), 'the console audit-logs the transition');
  });

  it('shows a refused or failed transition inline and changes nothing', async () => {
    const refused = await admin.post(`${LIST}/hello/uninstall`, { keepData: 'true' }, { headers: HTMX });
    assert.equal(refused.status, 409);
    assert.match(refused.html, /id="plugins-message"[\s\S]*reviews/, 'the dependents are named');
    assert.equal(await installed('hello'), true);

    const failed = await admin.post(`${LIST}/failing-install/install`, {});
    assert.equal(failed.status, 422);
    assert.match(failed.html, /role="alert"/);
    assert.match(row(failed.html, 'failing-install'), /not installed/);
    const failedRow = /<tr id="plugin-failing-install"[\s\S]*?<\/tr>/.exec(failed.html)?.[0] ?? '';
    assert.match(failedRow, /data-plugin-error[^>]*>[^<]+</, "the row shows the transition's error");
    assert.equal(await installed('failing-install'), false);
  });

  it('uninstalls keeping the data by default, or deleting it when asked', async () => {
    await admin.post(`${LIST}/notes/install`, {});
    const ask = await admin.get(`${LIST}/notes/uninstall`);
    assert.match(ask.html, /Its tables and data are kept/);
    assert.match(ask.html, /name="keepData" value="true"/);
    const purge = await admin.get(`${LIST}/notes/uninstall?keepData=false`);
    assert.match(purge.html, /name="keepData" value="false"/);
    assert.match(purge.html, /Uninstall and delete its data/);
    const done = await admin.post(`${LIST}/notes/uninstall`, { keepData: 'false' });
    assert.equal(done.status, 303);
    assert.equal(await installed('notes'), false);
    assert.match((await admin.get(LIST)).html, /notes uninstalled\. Its data was deleted\./);
  });

  it('hides a disabled plugin from the menu on the next page', async () => {
    await admin.post(`${LIST}/notes/install`, {});
    await admin.post(`${LIST}/notes/enable`, {});
    assert.ok(menuLabels((await admin.get('/admin')).html).includes('Notes'));
    await admin.post(`${LIST}/notes/disable`, {}, { headers: HTMX });
    assert.ok(!menuLabels((await admin.get('/admin')).html).includes('Notes'));
    assert.equal((await admin.get('/admin/notes')).status, 404);
  });

  it('reloads a plugin and rescans the folders', async () => {
    const reload = await admin.post(`${LIST}/hello/reload`, {}, { headers: HTMX });
    assert.equal(reload.status, 200);
    assert.match(reload.html, /hello reloaded with fresh code\./);
    const rescan = await admin.post(`${LIST}/rescan`, {});
    assert.equal(rescan.status, 303);
    assert.match((await admin.get(LIST)).html, /Plugin folders rescanned: /);
  });

  it('keeps install, upgrade, uninstall, reload and rescan for super administrators', async () => {
    const [user] = await kernel.db
      .knex('users')
      .insert({
        email: 'platform-admin@example.com',
        role: 'platform_admin',
        password_hash: await hashPassword('platform-password', 4),
      })
      .returning('id');
    await kernel.db
      .knex('admin_platforms')
      .insert({ user_id: user.id, platform_id: kernel.platforms.findByCode('main')!.id });
    const platformAdmin = new FormSession(kernel);
    await platformAdmin.signIn('/admin/login', 'platform-admin@example.com', 'platform-password');
    const page = await platformAdmin.get(LIST);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.html, /aria-label="(Install|Uninstall|Reload) /);
    assert.doesNotMatch(page.html, /Rescan plugin folders/);
    assert.match(page.html, /aria-label="(Enable|Disable) Hello"/, 'enabling stays possible');
    assert.equal((await platformAdmin.get(`${LIST}/shipping/install`)).status, 403);
    assert.equal((await platformAdmin.post(`${LIST}/shipping/install`, {})).status, 403);
    assert.equal((await platformAdmin.post(`${LIST}/rescan`, {})).status, 403);
    assert.equal(await installed('shipping'), false);
  });
});
