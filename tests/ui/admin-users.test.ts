import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { lastMailTo } from '../../kernel/testing/mail.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestPlatform, createTestVendor } from '../../kernel/testing/tenants.js';
import { FormSession, menuLabels } from './form-session.js';

describe('admin users pages', () => {
  let kernel: TestKernel;
  let admin: FormSession;
  let rootId: number;
  let ownerId: number;
  let platformAdminId: number;

  /** Whether the users table lists this email (a link to the user's page). */
  const listed = (html: string, email: string) =>
    new RegExp(`/admin/users/\\d+">${email.replace(/\./g, '\\.')}<`).test(html);
  const user = (id: number) => kernel.db.knex('users').where({ id }).first();
  const audited = (action: string) =>
    asSystem(kernel, (db) => db('audit_log').where({ action }).orderBy('id', 'desc').first());

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [] } });
    const insert = async (email: string, role: string, password: string) =>
      Number(
        (
          await kernel.db
            .knex('users')
            .insert({ email, role, password_hash: await hashPassword(password, 4) })
            .returning('id')
        )[0].id,
      );
    rootId = await insert('root@example.com', 'super_admin', 'root-password');
    platformAdminId = await insert('pa@example.com', 'platform_admin', 'pa-password');
    await kernel.db
      .knex('admin_platforms')
      .insert({ user_id: platformAdminId, platform_id: kernel.platforms.findByCode('main')!.id });
    ownerId = (await createTestVendor(kernel, { code: 'tea' })).ownerUserId;
    await createTestPlatform(kernel, 'nordic');
    await kernel.platforms.refresh();
    admin = new FormSession(kernel);
    const signedIn = await admin.signIn('/admin/login', 'root@example.com', 'root-password');
    assert.equal(signedIn.status, 303, signedIn.html.slice(0, 2000));
  });
  after(() => kernel.stop());

  it('lists administrators and vendor users, filtered by kind and searched by email', async () => {
    const all = await admin.get('/admin/users');
    assert.equal(all.status, 200);
    assert.ok(menuLabels(all.html).includes('Users'));
    for (const email of ['root@example.com', 'pa@example.com', 'owner-tea@example.com']) {
      assert.ok(listed(all.html, email), email);
    }
    const vendors = await admin.get('/admin/users?kind=vendor');
    assert.ok(listed(vendors.html, 'owner-tea@example.com'));
    assert.ok(!listed(vendors.html, 'root@example.com'));
    const search = await admin.get('/admin/users?q=pa%40');
    assert.ok(listed(search.html, 'pa@example.com'));
    assert.ok(!listed(search.html, 'owner-tea@example.com'));
  });

  it('disables and enables a vendor user, audit-logged, and refuses to disable oneself', async () => {
    const page = await admin.get(`/admin/users/${ownerId}`);
    assert.equal(page.status, 200);
    assert.match(page.html, /Disable account/);
    const off = await admin.post(`/admin/users/${ownerId}/disable`, {});
    assert.equal(off.status, 303);
    assert.equal((await user(ownerId)).is_active, false);
    assert.equal((await audited('user.disabled'))?.target_id, String(ownerId));
    const shown = await admin.get(`/admin/users/${ownerId}`);
    assert.match(shown.html, /owner-tea@example\.com disabled\./);
    assert.match(shown.html, /Enable account/);
    const on = await admin.post(`/admin/users/${ownerId}/enable`, {}, { headers: { 'hx-request': 'true' } });
    assert.equal(on.headers.get('hx-redirect'), `/admin/users/${ownerId}`);
    assert.equal((await user(ownerId)).is_active, true);

    const own = await admin.get(`/admin/users/${rootId}`);
    assert.doesNotMatch(own.html, /Disable account/, 'no button for oneself');
    const refused = await admin.post(`/admin/users/${rootId}/disable`, {});
    assert.equal(refused.status, 409);
    assert.match(refused.html, /role="alert"/);
    assert.equal((await user(rootId)).is_active, true);
  });

  it('sends a password reset link', async () => {
    await admin.get(`/admin/users/${ownerId}`);
    const sent = await admin.post(`/admin/users/${ownerId}/password-reset`, {});
    assert.equal(sent.status, 303);
    const mail = await lastMailTo(kernel, 'owner-tea@example.com');
    assert.match(mail.text ?? mail.html ?? '', /reset-password\?token=|token=/);
    assert.ok(await audited('user.password_reset_sent'));
  });

  it("sets a platform administrator's platforms (super administrators only)", async () => {
    const page = await admin.get(`/admin/users/${platformAdminId}`);
    assert.match(page.html, /Platforms this administrator manages/);
    const saved = await admin.post(`/admin/users/${platformAdminId}/platforms`, { platforms: ['main', 'nordic'] });
    assert.equal(saved.status, 303);
    const rows = await kernel.db.knex('admin_platforms').where({ user_id: platformAdminId });
    assert.equal(rows.length, 2);
    assert.deepEqual((await audited('user.platforms_changed'))?.after, { platforms: ['main', 'nordic'] });

    const pa = new FormSession(kernel);
    await pa.signIn('/admin/login', 'pa@example.com', 'pa-password');
    const list = await pa.get('/admin/users');
    assert.ok(!listed(list.html, 'root@example.com'), 'a platform administrator sees no administrator');
    assert.ok(listed(list.html, 'owner-tea@example.com'));
    assert.equal((await pa.get(`/admin/users/${rootId}`)).status, 404);
    assert.equal((await pa.post(`/admin/users/${platformAdminId}/platforms`, { platforms: 'main' })).status, 403);
  });
});
