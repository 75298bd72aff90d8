import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import {
  createTestCustomer,
  createTestPlatform,
  createTestTeamMember,
  createTestVendor,
  type TestVendor,
} from '../../kernel/testing/tenants.js';
import { type Json, jsonCall } from '../support/json-call.js';

/**
 * For every kernel route that takes an id, a caller of one tenant aims at another tenant's row and gets 404: never
 * 200, 403 or 500, and the row is unchanged. The routes come from the OpenAPI document, so a new route with an id
 * fails this test until it is added to a table below.
 */

type Case = { id: (b: Fixture) => string | number; body?: (a: Fixture) => unknown };
interface Fixture {
  vendor: TestVendor;
  /** The owner's headers for calls on the host of the vendor's platform. */
  own: Record<string, string>;
  memberId: number;
  roleId: number;
  apiKeyId: number;
  apiKey: string;
  customerId: number;
}

/** Vendor API routes with an id: how to find vendor B's row, and a valid body for vendor A. */
const VENDOR_ROUTES: Record<string, Case> = {
  'patch /api/v1/vendor/team/{id}': { id: (b) => b.memberId, body: (a) => ({ roleId: a.vendor.roles.staff }) },
  'delete /api/v1/vendor/team/{id}': { id: (b) => b.memberId },
  'put /api/v1/vendor/roles/{id}': { id: (b) => b.roleId, body: () => ({ name: 'Taken over', permissions: ['*'] }) },
  'delete /api/v1/vendor/api-keys/{id}': { id: (b) => b.apiKeyId },
  'get /api/v1/vendor/customers/{id}': { id: (b) => b.customerId },
  'delete /api/v1/vendor/customers/{id}': { id: (b) => b.customerId },
  'post /api/v1/vendor/customers/{id}/restore': { id: (b) => b.customerId },
};

describe('cross-tenant matrix', () => {
  let kernel: TestKernel;
  const call = jsonCall(() => kernel);
  let a: Fixture;
  let b: Fixture;
  let routes: { method: string; path: string }[];

  /** A vendor with one row of each kind that a vendor route takes by id. */
  async function fixture(platform: string, host: string): Promise<Fixture> {
    const vendor = await createTestVendor(kernel, { platforms: [platform] });
    const own = { ...vendor.headers, host };
    const member = await createTestTeamMember(kernel, vendor, 'viewer');
    const memberId = (
      await asSystem(kernel, (db) => db('vendor_memberships').where({ user_id: member.userId }).first('id'))
    ).id as number;
    const role = await call('POST', '/api/v1/vendor/roles', own, {
      name: 'Packers',
      permissions: [],
    });
    const key = await call('POST', '/api/v1/vendor/api-keys', own, {
      name: 'ERP',
      permissions: ['*'],
    });
    const customer = await createTestCustomer(kernel, vendor.id);
    assert.equal(role.status, 201);
    assert.equal(key.status, 201);
    return {
      vendor,
      own,
      memberId,
      roleId: role.body.id as number,
      apiKeyId: key.body.id as number,
      apiKey: key.body.key as string,
      customerId: customer.id,
    };
  }

  before(async () => {
    kernel = await startTestKernel();
    await createTestPlatform(kernel, 'other');
    a = await fixture('main', 'localhost');
    b = await fixture('other', 'other.test');
    const doc = (await call('GET', '/api/v1/openapi.json', {})).body as { paths: Record<string, Json> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method, path })));
  });
  after(() => kernel.stop());

  it('covers every vendor route that takes an id', () => {
    const withId = routes.filter((r) => r.path.startsWith('/api/v1/vendor/') && r.path.includes('{'));
    const missing = withId.map((r) => `${r.method} ${r.path}`).filter((key) => !(key in VENDOR_ROUTES));
    assert.deepEqual(missing, [], 'add these routes to VENDOR_ROUTES');
    assert.ok(withId.length >= Object.keys(VENDOR_ROUTES).length);
  });

  for (const [key, route] of Object.entries(VENDOR_ROUTES)) {
    it(`answers 404 to vendor A's token and API key on vendor B's row: ${key}`, async () => {
      const [method, template] = key.split(' ') as [string, string];
      const url = template.replace('{id}', String(route.id(b)));
      const apiKeyHeaders = { authorization: `Bearer ${a.apiKey}`, 'content-type': 'application/json' };
      for (const headers of [a.vendor.headers, apiKeyHeaders]) {
        const res = await call(method.toUpperCase(), url, headers, route.body?.(a));
        assert.equal(res.status, 404, `${key} answered ${res.status}: ${JSON.stringify(res.body)}`);
      }
    });
  }

  it("leaves vendor B's rows as they were", async () => {
    const rows = await asSystem(kernel, async (db) => ({
      member: await db('vendor_memberships').where({ id: b.memberId }).first('role_id'),
      role: await db('vendor_roles').where({ id: b.roleId }).first('name'),
      key: await db('api_keys').where({ id: b.apiKeyId }).first('revoked_at'),
      customer: await db('customers').where({ id: b.customerId }).first('deleted_at'),
    }));
    assert.equal(rows.member.role_id, b.vendor.roles.viewer);
    assert.equal(rows.role.name, 'Packers');
    assert.equal(rows.key.revoked_at, null);
    assert.equal(rows.customer.deleted_at, null);
    const own = await call('GET', `/api/v1/vendor/customers/${b.customerId}`, b.own);
    assert.equal(own.status, 200, 'the owner still sees its customer');
  });

  it("lists none of vendor B's rows to vendor A", async () => {
    const lists = [
      '/api/v1/vendor/team',
      '/api/v1/vendor/roles',
      '/api/v1/vendor/api-keys',
      '/api/v1/vendor/customers',
    ];
    const bIds = new Set([b.memberId, b.roleId, b.apiKeyId, b.customerId, b.vendor.ownerUserId]);
    for (const url of lists) {
      const res = await call('GET', url, a.vendor.headers);
      assert.equal(res.status, 200, url);
      const text = JSON.stringify(res.body);
      assert.ok(!text.includes(b.vendor.ownerEmail), `${url} shows vendor B's owner`);
      const rows = Object.values(res.body).find(Array.isArray) as Json[];
      assert.ok(rows.length > 0, `${url} lists vendor A's own rows`);
      for (const row of rows) {
        if (url.endsWith('/team')) assert.notEqual(row.userId, b.vendor.ownerUserId);
        if (url.endsWith('/customers')) assert.ok(!bIds.has(row.id as number), `${url} lists B's customer`);
      }
    }
  });

  it("answers 404 to a platform administrator on another platform's vendors, users and platform", async () => {
    const admin = await adminHeaders(kernel, 'platform_admin', ['main']);
    const code = b.vendor.code;
    const domain = await asSystem(kernel, (db) =>
      db('vendor_domains')
        .insert({
          vendor_id: b.vendor.id,
          platform_id: kernel.platforms.findByCode('other')?.id,
          domain: `${code}.example.com`,
          verification_token: 't',
        })
        .returning('id'),
    );
    const domainId = (domain[0] as { id: number }).id;
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/v1/admin/vendors/${code}`],
      ['PATCH', `/api/v1/admin/vendors/${code}`, { name: 'Taken over' }],
      ['POST', `/api/v1/admin/vendors/${code}/suspend`],
      ['DELETE', `/api/v1/admin/vendors/${code}`],
      ['GET', `/api/v1/admin/vendors/${code}/domains`],
      ['POST', `/api/v1/admin/vendors/${code}/domains/${domainId}/mark-verified`],
      ['DELETE', `/api/v1/admin/vendors/${code}/domains/${domainId}`],
      ['GET', `/api/v1/admin/users/${b.vendor.ownerUserId}`],
      ['POST', `/api/v1/admin/users/${b.vendor.ownerUserId}/disable`],
      ['POST', `/api/v1/admin/users/${b.vendor.ownerUserId}/password-reset`],
      ['DELETE', `/api/v1/admin/users/${b.vendor.ownerUserId}`],
      ['GET', '/api/v1/admin/platforms/other'],
      ['PATCH', '/api/v1/admin/platforms/other', { name: 'Taken over' }],
    ];
    for (const [method, url, body] of attempts) {
      const res = await call(method, url, admin, body);
      assert.equal(res.status, 404, `${method} ${url} answered ${res.status}`);
    }
    const vendor = await asSystem(kernel, (db) => db('vendors').where({ id: b.vendor.id }).first('name', 'status'));
    assert.deepEqual([vendor.name, vendor.status], [`Shop ${code}`, 'active']);
  });
});
