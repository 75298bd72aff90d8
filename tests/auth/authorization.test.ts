import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApiKey } from '../../kernel/auth/api-keys.js';
import type { PresetRole } from '../../kernel/auth/permissions.js';
import { ROOT } from '../../kernel/paths.js';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import {
  createTestPlatform,
  createTestTeamMember,
  createTestVendor,
  type TestVendor,
} from '../../kernel/testing/tenants.js';

const PROBE = path.join(ROOT, 'tests', 'fixtures', 'tenancy-plugins', 'probe');

describe('authorization', () => {
  let kernel: TestKernel;
  let shop: TestVendor;

  const status = async (method: string, url: string, headers: Record<string, string>) =>
    (await kernel.request(url, { method, headers })).status;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [PROBE] } });
    await createTestPlatform(kernel, 'oms', 'oms.test');
    await enablePlugins(kernel, ['probe'], 'main');
    await enablePlugins(kernel, ['probe'], 'oms');
    shop = await createTestVendor(kernel, { code: 'roles' });
  });
  after(() => kernel.stop());

  it('gives each preset role what it says, on the vendor API', async () => {
    // [read probe.view, write probe.edit, team.invite]
    const expected: Record<PresetRole, [number, number, number]> = {
      owner: [200, 200, 200],
      manager: [200, 200, 200],
      staff: [200, 200, 403],
      support: [403, 403, 403],
      viewer: [200, 403, 403],
    };
    for (const [role, [read, write, team]] of Object.entries(expected) as [PresetRole, number[]][]) {
      const { headers } = role === 'owner' ? shop : await createTestTeamMember(kernel, shop, role);
      assert.deepEqual(
        [
          await status('GET', '/api/v1/vendor/probe/read', headers),
          await status('POST', '/api/v1/vendor/probe/write', headers),
          await status('GET', '/api/v1/vendor/probe/team', headers),
        ],
        [read, write, team],
        role,
      );
    }
  });

  it('lets a custom role grant exactly its permissions', async () => {
    const [role] = await asSystem(kernel, (db) =>
      db('vendor_roles')
        .insert({ vendor_id: shop.id, name: 'Editors', permissions: ['probe.edit'] })
        .returning('id'),
    );
    const member = await createTestTeamMember(kernel, shop, 'viewer');
    await asSystem(kernel, (db) =>
      db('vendor_memberships')
        .where({ user_id: member.userId })
        .update({ role_id: (role as { id: number }).id }),
    );
    assert.equal(await status('POST', '/api/v1/vendor/probe/write', member.headers), 200);
    assert.equal(await status('GET', '/api/v1/vendor/probe/read', member.headers), 403);
  });

  it('takes a removed membership away at once', async () => {
    const member = await createTestTeamMember(kernel, shop, 'manager');
    assert.equal(await status('GET', '/api/v1/vendor/probe/read', member.headers), 200);
    await asSystem(kernel, (db) =>
      db('vendor_memberships').where({ user_id: member.userId }).update({ status: 'disabled' }),
    );
    assert.equal(await status('GET', '/api/v1/vendor/probe/read', member.headers), 401);
  });

  it('scopes API keys to their permissions and records their use; a revoked key stops working', async () => {
    const created = await asSystem(kernel, (db) =>
      createApiKey(db, { vendorId: shop.id, name: 'ERP', permissions: ['probe.view'] }),
    );
    const headers = { authorization: `Bearer ${created.key}` };
    const res = await kernel.request('/api/v1/vendor/probe/read', { headers });
    assert.equal(res.status, 200);
    assert.deepEqual(
      [((await res.json()) as { vendor: string; principal: string }).vendor, created.key.startsWith('ork_')],
      ['roles', true],
    );
    assert.equal(await status('POST', '/api/v1/vendor/probe/write', headers), 403);
    const row = await asSystem(kernel, (db) =>
      db('api_keys').where({ id: created.id }).first('last_used_at', 'key_hash'),
    );
    assert.ok(row.last_used_at, 'last use recorded');
    assert.ok(!String(row.key_hash).includes(created.key), 'only a hash is stored');
    await asSystem(kernel, (db) => db('api_keys').where({ id: created.id }).update({ revoked_at: new Date() }));
    assert.equal(await status('GET', '/api/v1/vendor/probe/read', headers), 401);
  });

  it('lets a platform administrator act on its own platforms only', async () => {
    const headers = await adminHeaders(kernel, 'platform_admin', ['oms']);
    assert.equal(await status('GET', '/api/v1/admin/probe/whoami', { ...headers, host: 'oms.test' }), 200);
    assert.equal(await status('GET', '/api/v1/admin/probe/whoami', headers), 403);
    assert.equal(await status('GET', '/api/v1/admin/platforms/oms/plugins', headers), 200);
    assert.equal(await status('POST', '/api/v1/admin/platforms/main/plugins/probe/disable', headers), 403);
    // Installing is global: super administrators only.
    assert.equal(await status('POST', '/api/v1/admin/plugins/probe/reload', headers), 403);
  });

  it('refuses anonymous requests to the admin and vendor areas, and lets them browse the shop', async () => {
    // A client that asks for JSON gets 401; a browser is sent to the area's sign-in page.
    const json = { accept: 'application/json' };
    assert.equal(await status('GET', '/admin/probe/whoami', json), 401);
    assert.equal(await status('GET', `/vendor/${shop.code}/probe/whoami`, json), 401);
    assert.equal(await status('GET', '/admin/probe/whoami', {}), 303);
    assert.equal(await status('POST', '/admin/probe/whoami', {}), 403, 'no CSRF token: refused before anything');
    assert.equal(await status('GET', `/vendors/${shop.code}/shop/probe/whoami`, {}), 200);
    assert.equal(await status('GET', `/vendors/${shop.code}/shop/probe/me`, {}), 401);
  });
});
