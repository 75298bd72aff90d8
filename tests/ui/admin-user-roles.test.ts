import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestTeamMember, createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';
import { FormSession } from './form-session.js';

describe('admin console: changing roles', () => {
  let kernel: TestKernel;
  let admin: FormSession;
  let rootId: number;
  let paId: number;
  let tea: TestVendor;
  let other: TestVendor;
  let member: { userId: number };

  const insert = async (email: string, role: string, password: string) =>
    Number(
      (
        await kernel.db
          .knex('users')
          .insert({ email, role, password_hash: await hashPassword(password, 4) })
          .returning('id')
      )[0].id,
    );
  const roleOf = async (id: number) => (await kernel.db.knex('users').where({ id }).first()).role;
  const memberRole = async () =>
    Number(
      (await asSystem(kernel, (db) => db('vendor_memberships').where({ user_id: member.userId }).first())).role_id,
    );
  const audits = (action: string) => asSystem(kernel, (db) => db('audit_log').where({ action }).orderBy('id'));

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [] } });
    rootId = await insert('root@example.com', 'super_admin', 'root-password');
    paId = await insert('pa@example.com', 'platform_admin', 'pa-password');
    tea = await createTestVendor(kernel, { code: 'tea' });
    other = await createTestVendor(kernel, { code: 'other' });
    member = await createTestTeamMember(kernel, tea, 'staff');
    admin = new FormSession(kernel);
    await admin.signIn('/admin/login', 'root@example.com', 'root-password');
  });
  after(() => kernel.stop());

  it("changes an administrator's role, audited; a wrong value or one's own role changes nothing", async () => {
    const page = await admin.get(`/admin/users/${paId}`);
    assert.match(page.html, /Administrator role/);
    const invalid = await admin.post(`/admin/users/${paId}/role`, { role: 'vendor_user' });
    assert.equal(invalid.status, 422);
    assert.match(invalid.html, /Choose super administrator or platform administrator/);
    assert.equal(await roleOf(paId), 'platform_admin');

    assert.equal((await admin.post(`/admin/users/${paId}/role`, { role: 'super_admin' })).status, 303);
    assert.equal(await roleOf(paId), 'super_admin');
    const [entry] = await audits('user.role_changed');
    assert.deepEqual([entry.before, entry.after], [{ role: 'platform_admin' }, { role: 'super_admin' }]);
    assert.equal(entry.target_id, String(paId));

    const pa = new FormSession(kernel);
    await pa.signIn('/admin/login', 'pa@example.com', 'pa-password');
    assert.equal((await pa.get('/admin/mail')).status, 200, 'super powers apply at once');

    assert.doesNotMatch((await admin.get(`/admin/users/${rootId}`)).html, /Administrator role/);
    const self = await admin.post(`/admin/users/${rootId}/role`, { role: 'platform_admin' });
    assert.equal(self.status, 409);
    assert.equal(await roleOf(rootId), 'super_admin');

    await admin.post(`/admin/users/${paId}/role`, { role: 'platform_admin' });
    assert.equal(await roleOf(paId), 'platform_admin');
    assert.equal((await pa.post(`/admin/users/${rootId}/role`, { role: 'platform_admin' })).status, 403);
    assert.equal((await audits('user.role_changed')).length, 2);
  });

  it("changes a vendor user's role in a team, audited; never the owner's, never another vendor's role", async () => {
    const page = await admin.get(`/admin/users/${member.userId}`);
    assert.match(page.html, /Role in Shop tea/);
    const foreign = await admin.post(`/admin/users/${member.userId}/vendor-role`, {
      vendor: 'tea',
      'roleId-tea': String(other.roles.manager),
    });
    assert.equal(foreign.status, 422);
    assert.match(foreign.html, /Choose one of the vendor&#39;s roles|Choose one of the vendor's roles/);
    const owner = await admin.post(`/admin/users/${member.userId}/vendor-role`, {
      vendor: 'tea',
      'roleId-tea': String(tea.roles.owner),
    });
    assert.equal(owner.status, 422);
    assert.equal(await memberRole(), tea.roles.staff, 'nothing changed');

    const ok = await admin.post(`/admin/users/${member.userId}/vendor-role`, {
      vendor: 'tea',
      'roleId-tea': String(tea.roles.manager),
    });
    assert.equal(ok.status, 303);
    assert.equal(await memberRole(), tea.roles.manager);
    const [entry] = await audits('team.member.role_changed');
    assert.deepEqual(entry.after, { roleId: tea.roles.manager });
    assert.equal(Number(entry.vendor_id), tea.id);

    const ownerPage = await admin.get(`/admin/users/${tea.ownerUserId}`);
    assert.match(ownerPage.html, /the owner role cannot change/);
    const refused = await admin.post(`/admin/users/${tea.ownerUserId}/vendor-role`, {
      vendor: 'tea',
      'roleId-tea': String(tea.roles.manager),
    });
    assert.equal(refused.status, 409);
  });
});
