import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestTeamMember, createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';
import { FormSession } from './form-session.js';

describe('vendor dashboard: roles page', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let owner: FormSession;

  const customRoles = () =>
    asSystem(kernel, (db) => db('vendor_roles').where({ vendor_id: shop.id }).whereNull('preset').select('name'));

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [] } });
    shop = await createTestVendor(kernel, { code: 'roles' });
    owner = new FormSession(kernel);
    assert.equal((await owner.signIn('/vendor/roles/login', shop.ownerEmail, shop.ownerPassword)).status, 303);
  });
  after(() => kernel.stop());

  it('lists the preset roles, linked from the team page, with a grouped permission checklist', async () => {
    assert.match((await owner.get('/vendor/roles/team')).html, /href="\/vendor\/roles\/team\/roles"/);
    const page = await owner.get('/vendor/roles/team/roles');
    assert.equal(page.status, 200);
    assert.match(page.html, /every permission/, 'the owner role');
    assert.match(page.html, /data-permission-group="kernel"[\s\S]*?<legend[^>]*>Shop and team</);
    assert.match(page.html, /<label[^>]*><input type="checkbox" name="permissions" value="team\.view"/);
  });

  it('re-renders with field errors and creates nothing', async () => {
    await owner.get('/vendor/roles/team/roles');
    const empty = await owner.post('/vendor/roles/team/roles', { name: '' });
    assert.equal(empty.status, 422);
    assert.match(empty.html, /id="field-name-error"/);
    assert.match(empty.html, /id="field-permissions-error"/);
    const unknown = await owner.post('/vendor/roles/team/roles', { name: 'X', permissions: 'orders.steal' });
    assert.equal(unknown.status, 422);
    assert.deepEqual(await customRoles(), []);
  });

  it('creates a custom role, audited, and refuses a second role of the same name', async () => {
    await owner.get('/vendor/roles/team/roles');
    const created = await owner.post('/vendor/roles/team/roles', {
      name: 'Packers',
      permissions: ['team.view', 'customers.view'],
    });
    assert.equal(created.status, 303);
    const page = await owner.get(created.location!);
    assert.match(page.html, /The role Packers was created\./);
    assert.match(page.html, /Packers[\s\S]*?custom[\s\S]*?team\.view, customers\.view/);
    const entry = await asSystem(kernel, (db) =>
      db('audit_log').where({ action: 'team.role.created', vendor_id: shop.id }).first(),
    );
    assert.deepEqual(entry?.after, { name: 'Packers', permissions: ['team.view', 'customers.view'] });
    const again = await owner.post('/vendor/roles/team/roles', { name: 'packers', permissions: 'team.view' });
    assert.equal(again.status, 422);
    assert.match(again.html, /Another role has this name\./);
    assert.equal((await customRoles()).length, 1);
  });

  it('is refused to a member without team.view', async () => {
    const { email } = await createTestTeamMember(kernel, shop, 'viewer');
    const viewer = new FormSession(kernel);
    await viewer.signIn('/vendor/roles/login', email, 'member-password');
    assert.equal((await viewer.get('/vendor/roles/team/roles')).status, 403);
  });
});
