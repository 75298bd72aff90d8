import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { lastMailTo, linkIn, mailsTo } from '../../kernel/testing/mail.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import {
  createTestPlatform,
  createTestTeamMember,
  createTestVendor,
  type TestVendor,
} from '../../kernel/testing/tenants.js';
import { type Json, jsonCall } from '../support/json-call.js';

const json = { 'content-type': 'application/json' };

describe('user administration', () => {
  let kernel: TestKernel;
  let admin: Record<string, string>;
  let omsAdmin: Record<string, string>;
  let mainShop: TestVendor;
  let omsShop: TestVendor;
  const call = jsonCall(() => kernel);
  const vendorLogin = (email: string, password: string) =>
    call('POST', '/api/v1/vendor/auth/login', json, { email, password });
  const userId = async (email: string) =>
    Number((await kernel.db.knex('users').whereRaw('lower(email) = ?', [email.toLowerCase()]).first('id')).id);

  before(async () => {
    kernel = await startTestKernel();
    await createTestPlatform(kernel, 'oms', 'oms.test');
    admin = await adminHeaders(kernel);
    omsAdmin = await adminHeaders(kernel, 'platform_admin', ['oms']);
    mainShop = await createTestVendor(kernel, { code: 'main-shop' });
    omsShop = await createTestVendor(kernel, { code: 'oms-shop', platforms: ['oms'] });
  });
  after(() => kernel.stop());

  it('lists administrators and vendor users, with search and paging', async () => {
    const vendors = await call('GET', '/api/v1/admin/users?kind=vendor', admin);
    assert.equal(vendors.status, 200);
    const emails = (vendors.body.users as Json[]).map((u) => u.email);
    assert.ok(emails.includes(mainShop.ownerEmail) && emails.includes(omsShop.ownerEmail));
    assert.ok((vendors.body.users as Json[]).every((u) => u.role === 'vendor_user'));
    const owner = (vendors.body.users as Json[]).find((u) => u.email === omsShop.ownerEmail);
    assert.deepEqual(owner?.vendors, [{ code: 'oms-shop', isOwner: true, status: 'active' }]);

    const admins = await call('GET', '/api/v1/admin/users?kind=admin', admin);
    assert.ok(
      (admins.body.users as Json[]).some((u) => u.role === 'platform_admin' && u.platforms?.toString() === 'oms'),
    );

    const found = await call('GET', '/api/v1/admin/users?search=OMS-SHOP', admin);
    assert.deepEqual(
      (found.body.users as Json[]).map((u) => u.email),
      [omsShop.ownerEmail],
    );
    const page = await call('GET', '/api/v1/admin/users?limit=1&offset=1', admin);
    assert.equal((page.body.users as Json[]).length, 1);
    assert.ok(Number(page.body.total) >= 4);
  });

  it('disables a user: signed out at once, and sign-in fails like a wrong password until enabled', async () => {
    const member = await createTestTeamMember(kernel, mainShop, 'staff');
    const before = await vendorLogin(member.email, 'member-password');
    assert.equal(before.status, 200);
    const disabled = await call('POST', `/api/v1/admin/users/${member.userId}/disable`, admin);
    assert.equal(disabled.status, 200);
    assert.equal(disabled.body.status, 'disabled');

    assert.equal((await call('GET', '/api/v1/vendor/team', member.headers)).status, 401);
    const refresh = await call('POST', '/api/v1/vendor/auth/refresh', json, { refreshToken: before.body.refreshToken });
    assert.equal(refresh.status, 401);
    const refused = await vendorLogin(member.email, 'member-password');
    const wrong = await vendorLogin('nobody@example.com', 'member-password');
    assert.equal(refused.status, 401);
    assert.deepEqual([refused.body.code, refused.body.detail], [wrong.body.code, wrong.body.detail]);

    assert.equal((await call('POST', `/api/v1/admin/users/${member.userId}/enable`, admin)).body.status, 'active');
    assert.equal((await vendorLogin(member.email, 'member-password')).status, 200);
  });

  it('deletes a user softly, lists it as deleted, and restores it', async () => {
    const member = await createTestTeamMember(kernel, mainShop, 'viewer');
    assert.equal((await call('DELETE', `/api/v1/admin/users/${member.userId}`, admin)).status, 204);
    assert.equal((await call('GET', '/api/v1/vendor/team', member.headers)).status, 401);
    assert.equal((await vendorLogin(member.email, 'member-password')).status, 401);
    const active = await call('GET', `/api/v1/admin/users?search=${member.email}`, admin);
    assert.deepEqual(active.body.users, []);
    const deleted = await call('GET', `/api/v1/admin/users?status=deleted&search=${member.email}`, admin);
    assert.equal((deleted.body.users as Json[])[0]?.status, 'deleted');
    assert.equal((await call('DELETE', `/api/v1/admin/users/${member.userId}`, admin)).status, 404);

    assert.equal((await call('POST', `/api/v1/admin/users/${member.userId}/restore`, admin)).body.status, 'active');
    assert.equal((await vendorLogin(member.email, 'member-password')).status, 200);
    assert.equal((await call('POST', `/api/v1/admin/users/${member.userId}/restore`, admin)).status, 404);
  });

  it('mails a password reset whose link sets a new password, and refuses for a disabled user', async () => {
    const member = await createTestTeamMember(kernel, mainShop, 'staff');
    const sent = await call('POST', `/api/v1/admin/users/${member.userId}/password-reset`, admin);
    assert.equal(sent.status, 202);
    const link = new URL(linkIn(await lastMailTo(kernel, member.email), 'reset-password'));
    const confirmed = await call('POST', '/api/v1/vendor/auth/password-reset/confirm', json, {
      token: link.searchParams.get('token'),
      password: 'brand-new-password',
    });
    assert.equal(confirmed.status, 204);
    assert.equal((await vendorLogin(member.email, 'brand-new-password')).status, 200);

    await call('POST', `/api/v1/admin/users/${member.userId}/disable`, admin);
    const mails = (await mailsTo(kernel, member.email)).length;
    const refused = await call('POST', `/api/v1/admin/users/${member.userId}/password-reset`, admin);
    assert.deepEqual([refused.status, refused.body.code], [409, 'ORN_TENANCY_ACCOUNT_INACTIVE']);
    assert.equal((await mailsTo(kernel, member.email)).length, mails);
  });

  it('never lets an administrator disable or delete its own account', async () => {
    const myself = await adminHeaders(kernel);
    const myId = Number((await kernel.db.knex('users').orderBy('id', 'desc').first('id')).id); // just created
    const disable = await call('POST', `/api/v1/admin/users/${myId}/disable`, myself);
    assert.deepEqual([disable.status, disable.body.code], [409, 'ORN_TENANCY_CANNOT_CHANGE_SELF']);
    assert.equal((await call('DELETE', `/api/v1/admin/users/${myId}`, myself)).status, 409);
    assert.equal((await call('GET', `/api/v1/admin/users/${myId}`, myself)).body.status, 'active');
  });

  it("lets a super administrator set a platform administrator's platforms, which take effect at once", async () => {
    const email = 'scoped-admin@example.com';
    await kernel.db.knex('users').insert({
      email,
      role: 'platform_admin',
      password_hash: await hashPassword('scoped-password', 4),
    });
    const id = await userId(email);
    const login = await call('POST', '/api/v1/admin/auth/login', json, { email, password: 'scoped-password' });
    const scoped = { authorization: `Bearer ${login.body.accessToken}`, ...json };
    assert.deepEqual((await call('GET', '/api/v1/admin/vendors', scoped)).body.vendors, []);

    const set = await call('PUT', `/api/v1/admin/users/${id}/platforms`, admin, { platforms: ['OMS'] });
    assert.deepEqual([set.status, set.body.platforms], [200, ['oms']]);
    const visible = (await call('GET', '/api/v1/admin/vendors', scoped)).body.vendors as Json[];
    assert.deepEqual(
      visible.map((v) => v.code),
      ['oms-shop'],
    );
    // It cannot widen its own scope, nor give platforms to someone who is not a platform administrator.
    const self = await call('PUT', `/api/v1/admin/users/${id}/platforms`, scoped, { platforms: ['oms', 'main'] });
    assert.deepEqual([self.status, self.body.code], [403, 'ORN_AUTH_FORBIDDEN']);
    const owner = await call('PUT', `/api/v1/admin/users/${mainShop.ownerUserId}/platforms`, admin, {
      platforms: ['main'],
    });
    assert.deepEqual([owner.status, owner.body.code], [409, 'ORN_TENANCY_NOT_PLATFORM_ADMIN']);
    const unknown = await call('PUT', `/api/v1/admin/users/${id}/platforms`, admin, { platforms: ['nope'] });
    assert.equal(unknown.status, 422);
  });

  it("shows a platform administrator only its vendors' users, and answers 404 for anyone else", async () => {
    const list = await call('GET', '/api/v1/admin/users', omsAdmin);
    const emails = (list.body.users as Json[]).map((u) => u.email);
    assert.ok(emails.includes(omsShop.ownerEmail));
    assert.ok(!emails.includes(mainShop.ownerEmail));
    assert.ok((list.body.users as Json[]).every((u) => u.role === 'vendor_user'));

    const superAdminId = await userId(
      String((await kernel.db.knex('users').where({ role: 'super_admin' }).first('email')).email),
    );
    for (const id of [mainShop.ownerUserId, superAdminId]) {
      assert.equal((await call('GET', `/api/v1/admin/users/${id}`, omsAdmin)).status, 404);
      for (const action of ['disable', 'enable', 'restore', 'password-reset']) {
        assert.equal((await call('POST', `/api/v1/admin/users/${id}/${action}`, omsAdmin)).status, 404, action);
      }
      assert.equal((await call('DELETE', `/api/v1/admin/users/${id}`, omsAdmin)).status, 404);
    }
    assert.equal((await vendorLogin(mainShop.ownerEmail, mainShop.ownerPassword)).status, 200);
    // Its own vendors' users it may manage.
    const member = await createTestTeamMember(kernel, omsShop, 'staff');
    assert.equal((await call('POST', `/api/v1/admin/users/${member.userId}/disable`, omsAdmin)).status, 200);
  });

  it('records every change in the audit log with the state before and after', async () => {
    const log = await call('GET', '/api/v1/admin/audit-log?action=user.', admin);
    const entries = log.body.entries as Json[];
    const actions = new Set(entries.map((e) => e.action));
    for (const a of [
      'user.disabled',
      'user.enabled',
      'user.deleted',
      'user.restored',
      'user.password_reset_sent',
      'user.platforms_changed',
    ]) {
      assert.ok(actions.has(a), a);
    }
    const disabled = entries.find((e) => e.action === 'user.disabled');
    assert.deepEqual([disabled?.before, disabled?.after], [{ status: 'active' }, { status: 'disabled' }]);
    const scope = entries.find((e) => e.action === 'user.platforms_changed');
    assert.deepEqual([scope?.before, scope?.after], [{ platforms: [] }, { platforms: ['oms'] }]);
  });
});
