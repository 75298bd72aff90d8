import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../kernel/paths.js';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { lastMailTo, linkIn } from '../../kernel/testing/mail.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import {
  createTestCustomer,
  createTestPlatform,
  createTestTeamMember,
  createTestVendor,
} from '../../kernel/testing/tenants.js';
import { type Json, jsonCall } from '../support/json-call.js';

const PROBE = path.join(ROOT, 'tests', 'fixtures', 'tenancy-plugins', 'probe');

describe('vendor administration', () => {
  let kernel: TestKernel;
  let admin: Record<string, string>;
  const txt = new Map<string, string>();

  const call = jsonCall(() => kernel);
  const shopStatus = async (url: string, host = 'localhost') =>
    (await kernel.request(url, { headers: { host } })).status;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [PROBE] } });
    await createTestPlatform(kernel, 'oms', 'oms.test');
    await enablePlugins(kernel, ['probe'], 'main');
    admin = await adminHeaders(kernel);
    kernel.container.register('kernel.domainVerifier', {
      useValue: { hasTxtRecord: async (name: string, value: string) => txt.get(name) === value },
    });
  });
  after(() => kernel.stop());

  it('creates a vendor with its owner, who is invited; its shop answers at once', async () => {
    const created = await call('POST', '/api/v1/admin/vendors', admin, {
      code: 'Fresh',
      name: 'Fresh Goods',
      ownerEmail: 'owner@fresh.example',
      platforms: ['main'],
      languages: ['en', 'fr'],
    });
    assert.equal(created.status, 201);
    assert.deepEqual(
      [created.body.code, created.body.status, created.body.platforms],
      ['fresh', 'active', [{ code: 'main', subdomain: 'fresh', status: 'active' }]],
    );
    const member = await asSystem(kernel, (db) =>
      db('vendor_memberships').where({ vendor_id: created.body.id }).first(),
    );
    assert.deepEqual([member.is_owner, member.status], [true, 'invited']);
    assert.equal(await shopStatus('/vendors/fresh/shop/probe/whoami'), 200);
    // The owner got an invitation whose link accepts the vendor and sets a password.
    const link = new URL(linkIn(await lastMailTo(kernel, 'owner@fresh.example'), 'accept-invitation'));
    const accepted = await call(
      'POST',
      '/api/v1/vendor/auth/invitations/accept',
      { 'content-type': 'application/json' },
      {
        token: link.searchParams.get('token'),
        password: 'fresh-owner-password',
      },
    );
    assert.equal(accepted.status, 200);
    const again = await call('POST', '/api/v1/admin/vendors', admin, {
      code: 'fresh',
      name: 'X',
      ownerEmail: 'x@example.com',
      platforms: ['main'],
    });
    assert.equal(again.status, 409);
    const reserved = await call('POST', '/api/v1/admin/vendors', admin, {
      code: 'admin',
      name: 'X',
      ownerEmail: 'x@example.com',
      platforms: ['main'],
    });
    assert.equal(reserved.status, 422);
  });

  it('suspends, reactivates, deletes and restores a vendor, with the shop following', async () => {
    const url = '/vendors/fresh/shop/probe/whoami';
    assert.equal((await call('POST', '/api/v1/admin/vendors/fresh/suspend', admin)).status, 200);
    assert.equal(await shopStatus(url), 403);
    assert.equal((await call('POST', '/api/v1/admin/vendors/fresh/reactivate', admin)).status, 200);
    assert.equal(await shopStatus(url), 200);
    assert.equal((await call('DELETE', '/api/v1/admin/vendors/fresh', admin)).status, 204);
    assert.equal(await shopStatus(url), 404);
    const deleted = await call('GET', '/api/v1/admin/vendors?status=deleted', admin);
    assert.deepEqual(
      (deleted.body.vendors as Json[]).map((v) => v.code),
      ['fresh'],
    );
    assert.equal((await call('POST', '/api/v1/admin/vendors/fresh/restore', admin)).status, 200);
    assert.equal(await shopStatus(url), 200);
  });

  it('shows a platform administrator only the vendors of its platforms', async () => {
    await createTestVendor(kernel, { code: 'omsonly', platforms: ['oms'] });
    const omsAdmin = await adminHeaders(kernel, 'platform_admin', ['oms']);
    const list = await call('GET', '/api/v1/admin/vendors', omsAdmin);
    assert.deepEqual(
      (list.body.vendors as Json[]).map((v) => v.code),
      ['omsonly'],
    );
    assert.equal((await call('GET', '/api/v1/admin/vendors/fresh', omsAdmin)).status, 404);
    assert.equal((await call('POST', '/api/v1/admin/vendors/fresh/suspend', omsAdmin)).status, 404);
  });

  it('serves a custom domain once verified by DNS or by an administrator, and no longer once removed', async () => {
    const added = await call('POST', '/api/v1/admin/vendors/fresh/domains', admin, {
      domain: 'WWW.Fresh-Goods.example',
      platform: 'main',
    });
    assert.equal(added.status, 201);
    const record = added.body.verificationRecord as { name: string; value: string };
    assert.equal(record.name, '_orion-verification.fresh-goods.example');
    const host = 'fresh-goods.example';
    assert.equal(await shopStatus('/probe/whoami', host), 404);
    assert.equal(
      (await call('POST', `/api/v1/admin/vendors/fresh/domains/${added.body.id}/verify`, admin)).status,
      422,
    );
    txt.set(record.name, record.value);
    assert.equal(
      (await call('POST', `/api/v1/admin/vendors/fresh/domains/${added.body.id}/verify`, admin)).status,
      200,
    );
    assert.equal(await shopStatus('/probe/whoami', host), 200);

    const manual = await call('POST', '/api/v1/admin/vendors/fresh/domains', admin, {
      domain: 'fresh.example',
      platform: 'main',
    });
    assert.equal(
      (await call('POST', `/api/v1/admin/vendors/fresh/domains/${manual.body.id}/mark-verified`, admin)).status,
      200,
    );
    assert.equal(
      (await call('POST', `/api/v1/admin/vendors/fresh/domains/${manual.body.id}/primary`, admin)).body.isPrimary,
      true,
    );
    assert.equal((await call('DELETE', `/api/v1/admin/vendors/fresh/domains/${added.body.id}`, admin)).status, 204);
    assert.equal(await shopStatus('/probe/whoami', host), 404);
    // A platform's domain, or a host under it, can never be a vendor's.
    assert.equal(
      (await call('POST', '/api/v1/admin/vendors/fresh/domains', admin, { domain: 'x.oms.test', platform: 'main' }))
        .status,
      409,
    );
    assert.equal(
      (await call('POST', '/api/v1/admin/vendors/fresh/domains', admin, { domain: 'fresh.example', platform: 'main' }))
        .status,
      409,
    );
  });

  it('records every change in the audit log, with the actor', async () => {
    const log = await call('GET', '/api/v1/admin/audit-log?action=tenancy.vendor', admin);
    const actions = (log.body.entries as Json[]).map((e) => e.action);
    for (const a of [
      'tenancy.vendor.created',
      'tenancy.vendor.suspended',
      'tenancy.vendor.deleted',
      'tenancy.vendor.restored',
    ]) {
      assert.ok(actions.includes(a), a);
    }
    assert.match(String((log.body.entries as Json[])[0]?.actor), /^test-admin-/);
  });
});

describe('vendor teams, roles and API keys', () => {
  let kernel: TestKernel;
  const call = jsonCall(() => kernel);

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [PROBE] } });
    await enablePlugins(kernel, ['probe']);
  });
  after(() => kernel.stop());

  it('lets the owner invite, re-role and remove members; members lose access at once', async () => {
    const shop = await createTestVendor(kernel);
    const invited = await call('POST', '/api/v1/vendor/team/invitations', shop.headers, {
      email: 'New@Example.com',
      roleId: shop.roles.staff,
    });
    assert.equal(invited.status, 201);
    assert.deepEqual(
      [invited.body.email, invited.body.roleName, invited.body.status],
      ['new@example.com', 'Staff', 'invited'],
    );
    const team = await call('GET', '/api/v1/vendor/team', shop.headers);
    assert.equal((team.body.members as Json[]).length, 2);
    assert.equal(
      (
        await call('POST', '/api/v1/vendor/team/invitations', shop.headers, {
          email: 'new@example.com',
          roleId: shop.roles.staff,
        })
      ).status,
      409,
    );

    const member = await createTestTeamMember(kernel, shop, 'viewer');
    const membership = (
      await asSystem(kernel, (db) => db('vendor_memberships').where({ user_id: member.userId }).first('id'))
    ).id;
    assert.equal(
      (
        await call('POST', '/api/v1/vendor/team/invitations', member.headers, {
          email: 'x@example.com',
          roleId: shop.roles.staff,
        })
      ).status,
      403,
    );
    assert.equal(
      (await call('PATCH', `/api/v1/vendor/team/${membership}`, shop.headers, { roleId: shop.roles.manager })).status,
      204,
    );
    assert.equal((await kernel.request('/api/v1/vendor/probe/team', { headers: member.headers })).status, 200);
    assert.equal((await call('DELETE', `/api/v1/vendor/team/${membership}`, shop.headers)).status, 204);
    assert.equal((await kernel.request('/api/v1/vendor/probe/whoami', { headers: member.headers })).status, 401);
    const owner = (
      await asSystem(kernel, (db) => db('vendor_memberships').where({ user_id: shop.ownerUserId }).first('id'))
    ).id;
    assert.equal((await call('DELETE', `/api/v1/vendor/team/${owner}`, shop.headers)).status, 409);
  });

  it('lets vendors create custom roles, and keeps the presets fixed', async () => {
    const shop = await createTestVendor(kernel);
    const role = await call('POST', '/api/v1/vendor/roles', shop.headers, {
      name: 'Packers',
      permissions: ['probe.view', 'orders.*'],
    });
    assert.equal(role.status, 201);
    assert.equal(
      (await call('POST', '/api/v1/vendor/roles', shop.headers, { name: 'packers', permissions: [] })).status,
      409,
    );
    const bad = await call('POST', '/api/v1/vendor/roles', shop.headers, { name: 'Bad', permissions: ['DROP TABLE'] });
    assert.equal(bad.status, 422);
    assert.equal(
      (
        await call('PUT', `/api/v1/vendor/roles/${shop.roles.viewer}`, shop.headers, {
          name: 'Viewer',
          permissions: ['*'],
        })
      ).status,
      409,
    );
    const listed = await call('GET', '/api/v1/vendor/roles', shop.headers);
    const permissions = (listed.body.permissions as Json[]).map((p) => p.id);
    assert.ok(permissions.includes('probe.edit') && permissions.includes('team.invite'));
  });

  it('shows a new API key once, stores only its hash, and revokes it', async () => {
    const shop = await createTestVendor(kernel);
    const created = await call('POST', '/api/v1/vendor/api-keys', shop.headers, {
      name: 'ERP',
      permissions: ['probe.view'],
    });
    assert.equal(created.status, 201);
    const key = String(created.body.key);
    assert.equal(
      (await kernel.request('/api/v1/vendor/probe/read', { headers: { authorization: `Bearer ${key}` } })).status,
      200,
    );
    const listed = await call('GET', '/api/v1/vendor/api-keys', shop.headers);
    assert.ok(!JSON.stringify(listed.body).includes(key));
    assert.equal((await call('DELETE', `/api/v1/vendor/api-keys/${created.body.id}`, shop.headers)).status, 204);
    assert.equal(
      (await kernel.request('/api/v1/vendor/probe/read', { headers: { authorization: `Bearer ${key}` } })).status,
      401,
    );
  });

  it("never lets one vendor read, change or delete another vendor's rows", async () => {
    const a = await createTestVendor(kernel);
    const b = await createTestVendor(kernel);
    const bMember = await createTestTeamMember(kernel, b, 'staff');
    const bMembership = (
      await asSystem(kernel, (db) => db('vendor_memberships').where({ user_id: bMember.userId }).first('id'))
    ).id;
    const bKey = await call('POST', '/api/v1/vendor/api-keys', b.headers, { name: 'B', permissions: ['*'] });
    const bRole = await call('POST', '/api/v1/vendor/roles', b.headers, { name: 'B role', permissions: [] });
    const aKey = await call('POST', '/api/v1/vendor/api-keys', a.headers, { name: 'A', permissions: ['*'] });
    const aKeyHeaders = { authorization: `Bearer ${aKey.body.key}`, 'content-type': 'application/json' };
    const bCustomer = await createTestCustomer(kernel, b.id);
    const bGone = await createTestCustomer(kernel, b.id);
    assert.equal((await call('DELETE', `/api/v1/vendor/customers/${bGone.id}`, b.headers)).status, 204);
    for (const headers of [a.headers, aKeyHeaders]) {
      assert.equal((await call('GET', `/api/v1/vendor/customers/${bCustomer.id}`, headers)).status, 404);
      assert.equal((await call('DELETE', `/api/v1/vendor/customers/${bCustomer.id}`, headers)).status, 404);
      assert.equal((await call('POST', `/api/v1/vendor/customers/${bGone.id}/restore`, headers)).status, 404);
      const customers = await call('GET', '/api/v1/vendor/customers?deleted=include', headers);
      assert.deepEqual(customers.body.customers, []);
      assert.equal(
        (await call('PATCH', `/api/v1/vendor/team/${bMembership}`, headers, { roleId: a.roles.viewer })).status,
        404,
      );
      assert.equal((await call('DELETE', `/api/v1/vendor/team/${bMembership}`, headers)).status, 404);
      assert.equal(
        (await call('PUT', `/api/v1/vendor/roles/${bRole.body.id}`, headers, { name: 'x', permissions: [] })).status,
        404,
      );
      assert.equal((await call('DELETE', `/api/v1/vendor/api-keys/${bKey.body.id}`, headers)).status, 404);
      // Giving a member of A a role of B is refused as well.
      const aMember = await createTestTeamMember(kernel, a, 'viewer');
      const aMembership = (
        await asSystem(kernel, (db) => db('vendor_memberships').where({ user_id: aMember.userId }).first('id'))
      ).id;
      assert.equal(
        (await call('PATCH', `/api/v1/vendor/team/${aMembership}`, headers, { roleId: bRole.body.id })).status,
        422,
      );
      const team = await call('GET', '/api/v1/vendor/team', headers);
      assert.ok(!(team.body.members as Json[]).some((m) => m.userId === bMember.userId));
      const keys = await call('GET', '/api/v1/vendor/api-keys', headers);
      assert.ok(!(keys.body.keys as Json[]).some((k) => k.id === bKey.body.id));
    }
    // B's key, membership and customers still work.
    assert.equal((await call('GET', `/api/v1/vendor/customers/${bCustomer.id}`, b.headers)).body.deletedAt, null);
    assert.ok((await call('GET', `/api/v1/vendor/customers/${bGone.id}`, b.headers)).body.deletedAt);
    assert.equal((await kernel.request('/api/v1/vendor/probe/team', { headers: bMember.headers })).status, 403);
    assert.equal(
      (await kernel.request('/api/v1/vendor/probe/read', { headers: { authorization: `Bearer ${bKey.body.key}` } }))
        .status,
      200,
    );
    const audit = await call('GET', '/api/v1/vendor/audit-log', a.headers);
    assert.ok((audit.body.entries as Json[]).every((e) => e.vendorId === a.id));
  });
});
