import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestVendor } from '../../kernel/testing/tenants.js';
import { FormSession } from './form-session.js';

describe('admin vendor page', () => {
  let kernel: TestKernel;
  let admin: FormSession;

  const vendor = () => kernel.db.knex('vendors').where({ code: 'tea' }).first();
  const actions = async () =>
    (await asSystem(kernel, (db) => db('audit_log').where('action', 'like', 'tenancy.vendor.%').orderBy('id'))).map(
      (r) => r.action,
    );

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [] } });
    await kernel.db.knex('users').insert({
      email: 'root@example.com',
      role: 'super_admin',
      password_hash: await hashPassword('root-password', 4),
    });
    admin = new FormSession(kernel);
    await admin.signIn('/admin/login', 'root@example.com', 'root-password');
    await createTestVendor(kernel, { code: 'tea' });
  });
  after(() => kernel.stop());

  it('shows a vendor with its platforms, linked from the list', async () => {
    assert.match((await admin.get('/admin/vendors')).html, /href="\/admin\/vendors\/tea"/);
    const page = await admin.get('/admin/vendors/tea');
    assert.equal(page.status, 200);
    assert.match(page.html, /Platform memberships/);
    assert.match(page.html, />active</);
    assert.equal((await admin.get('/admin/vendors/nope')).status, 404);
  });

  it('suspends and reactivates a vendor, audit-logged', async () => {
    await admin.get('/admin/vendors/tea');
    const off = await admin.post('/admin/vendors/tea/suspend', {});
    assert.equal(off.status, 303);
    assert.equal((await vendor()).status, 'suspended');
    assert.match((await admin.get('/admin/vendors/tea')).html, /Reactivate vendor/);
    await admin.post('/admin/vendors/tea/reactivate', {});
    assert.equal((await vendor()).status, 'active');
    assert.deepEqual((await actions()).slice(-2), ['tenancy.vendor.suspended', 'tenancy.vendor.reactivated']);
  });

  it('deletes a vendor softly after asking, and restores it', async () => {
    const ask = await admin.get('/admin/vendors/tea/delete');
    assert.match(ask.html, /role="alertdialog"/);
    assert.equal((await vendor()).deleted_at, null, 'asking changes nothing');
    await admin.post('/admin/vendors/tea/delete', {});
    assert.notEqual((await vendor()).deleted_at, null);
    assert.equal((await kernel.request('/vendor/tea/login')).status, 404, 'its dashboard is gone');
    const page = await admin.get('/admin/vendors/tea');
    assert.match(page.html, />deleted</);
    assert.equal((await admin.post('/admin/vendors/tea/suspend', {})).status, 404, 'a deleted vendor is only restored');
    await admin.get('/admin/vendors/tea');
    await admin.post('/admin/vendors/tea/restore', {});
    assert.equal((await vendor()).deleted_at, null);
    assert.deepEqual((await actions()).slice(-2), ['tenancy.vendor.deleted', 'tenancy.vendor.restored']);
  });
});
