import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { ROOT } from '../../kernel/paths.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestVendor } from '../../kernel/testing/tenants.js';
import { FormSession, menuLabels } from './form-session.js';

const NOTES = path.join(ROOT, 'tests', 'fixtures', 'ui-plugins', 'notes');
const URL = '/admin/platforms/main/menus';

describe('menu configuration per platform', () => {
  let kernel: TestKernel;
  let admin: FormSession;
  let owner: FormSession;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [NOTES] } });
    await enablePlugins(kernel, ['notes']);
    await kernel.db.knex('users').insert({
      email: 'root@example.com',
      role: 'super_admin',
      password_hash: await hashPassword('root-password', 4),
    });
    admin = new FormSession(kernel);
    await admin.signIn('/admin/login', 'root@example.com', 'root-password');
    const shop = await createTestVendor(kernel, { code: 'tea' });
    owner = new FormSession(kernel);
    await owner.signIn('/vendor/tea/login', shop.ownerEmail, shop.ownerPassword);
  });
  after(() => kernel.stop());

  it('lists every item of both menus, mandatory ones ticked and locked', async () => {
    const page = await admin.get(URL);
    assert.equal(page.status, 200);
    assert.match(page.html, /<legend[^>]*>Admin console menu<\/legend>/);
    assert.match(page.html, /<legend[^>]*>Vendor dashboard menu<\/legend>/);
    assert.match(page.html, /name="admin" value="kernel:dashboard" checked="" disabled=""/);
    assert.match(page.html, /name="admin" value="notes:notes" checked=""/);
    assert.match(page.html, /name="vendor" value="kernel:team" checked=""/);
  });

  it('hides unticked optional items from the sidebars on the next page, never a mandatory one', async () => {
    await admin.get(URL);
    const saved = await admin.post(URL, {
      admin: ['kernel:vendors', 'kernel:users', 'kernel:audit-log', 'kernel:mail'],
      vendor: ['notes:notes', 'kernel:settings', 'kernel:theme', 'kernel:api-keys', 'kernel:profile'],
    });
    assert.equal(saved.status, 303);
    const labels = menuLabels((await admin.get('/admin')).html);
    assert.ok(!labels.includes('Notes'), 'the admin Notes item is hidden');
    assert.ok(labels.includes('Dashboard') && labels.includes('Plugins'), 'mandatory items stay');
    const vendorLabels = menuLabels((await owner.get('/vendor/tea')).html);
    assert.ok(vendorLabels.includes('Notes') && !vendorLabels.includes('Team'), 'Team hidden');
    assert.equal((await admin.get('/admin/notes')).status, 200, 'hiding is about the menu only');

    const entry = await asSystem(kernel, (db) =>
      db('audit_log').where({ action: 'tenancy.platform.changed' }).orderBy('id', 'desc').first(),
    );
    assert.deepEqual(entry.after.settings.menu.hidden, { admin: ['notes:notes'], vendor: ['kernel:team'] });
    const page = await admin.get(URL);
    assert.match(page.html, /name="admin" value="notes:notes" class/, 'shown unticked');

    await admin.post(URL, { admin: ['notes:notes'], vendor: ['kernel:team', 'notes:notes'] });
    assert.ok(menuLabels((await admin.get('/admin')).html).includes('Notes'), 'shown again');
  });

  it('answers 404 for a platform the administrator does not manage', async () => {
    assert.equal((await admin.get('/admin/platforms/nowhere/menus')).status, 404);
  });
});
