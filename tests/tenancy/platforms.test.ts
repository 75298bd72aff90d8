import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../kernel/paths.js';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestVendor } from '../../kernel/testing/tenants.js';
import { type Json, jsonCall } from '../support/json-call.js';

const PROBE = path.join(ROOT, 'tests', 'fixtures', 'tenancy-plugins', 'probe');

describe('platform administration', () => {
  let kernel: TestKernel;
  let admin: Record<string, string>;
  const call = jsonCall(() => kernel);
  /** The probe plugin's admin API route on a host: it answers with the platform it was resolved to. */
  const probe = (host: string, prefix = '') =>
    kernel.request(`${prefix}/api/v1/admin/probe/whoami`, { headers: { ...admin, host } });
  const status = async (host: string, prefix = '') => (await probe(host, prefix)).status;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [PROBE] } });
    admin = await adminHeaders(kernel);
  });
  after(() => kernel.stop());

  it('creates a platform that answers on its domain at once, with its branding and settings', async () => {
    const created = await call('POST', '/api/v1/admin/platforms', admin, {
      code: 'OMS',
      name: 'Order Management',
      domain: 'www.OMS.example',
      branding: { color: '#123456' },
      defaultLanguage: 'de',
      settings: { currency: 'EUR' },
    });
    assert.equal(created.status, 201);
    assert.deepEqual(
      [created.body.code, created.body.domain, created.body.isActive, created.body.settings],
      ['oms', 'oms.example', true, { currency: 'EUR' }],
    );
    assert.equal(kernel.platforms.findByCode('oms')?.defaultLanguage, 'de');
    await enablePlugins(kernel, ['probe'], 'oms');
    assert.equal(((await (await probe('oms.example')).json()) as Json).platform, 'oms');

    const taken = await call('POST', '/api/v1/admin/platforms', admin, { code: 'oms', name: 'Again' });
    assert.deepEqual([taken.status, taken.body.code], [409, 'ORN_TENANCY_PLATFORM_CODE_TAKEN']);
    const domain = await call('POST', '/api/v1/admin/platforms', admin, {
      code: 'x',
      name: 'X',
      domain: 'oms.example',
    });
    assert.deepEqual([domain.status, domain.body.code], [409, 'ORN_TENANCY_DOMAIN_TAKEN']);
    const bad = await call('POST', '/api/v1/admin/platforms', admin, { code: 'no spaces', name: 'X' });
    assert.equal(bad.status, 422);
  });

  it('answers concurrent creations of one code with one 201 and 409s, never a 500', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        call('POST', '/api/v1/admin/platforms', admin, { code: 'race', name: `Race ${i}`, domain: `race${i}.example` }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409))
      assert.equal(a.body.code, 'ORN_TENANCY_PLATFORM_CODE_TAKEN');
  });

  it('changes a platform, and the new domain serves at once while the old one no longer does', async () => {
    const changed = await call('PATCH', '/api/v1/admin/platforms/oms', admin, {
      name: 'OMS',
      domain: 'orders.example',
    });
    assert.deepEqual([changed.status, changed.body.name, changed.body.domain], [200, 'OMS', 'orders.example']);
    assert.equal(((await (await probe('orders.example')).json()) as Json).platform, 'oms');
    // The old domain now matches no platform: the default platform answers it, where probe is not enabled.
    assert.equal(await status('oms.example'), 404);
  });

  it('deactivates a platform: every host of it answers 404 until reactivated; never the default one', async () => {
    const off = await call('POST', '/api/v1/admin/platforms/oms/deactivate', admin);
    assert.deepEqual([off.status, off.body.isActive], [200, false]);
    assert.equal(await status('orders.example'), 404);
    assert.equal(await status('localhost', '/platforms/oms'), 404);
    assert.equal((await call('POST', '/api/v1/admin/platforms/oms/reactivate', admin)).body.isActive, true);
    assert.equal(await status('orders.example'), 200);
    assert.equal(await status('localhost', '/platforms/oms'), 200);

    const main = await call('POST', '/api/v1/admin/platforms/main/deactivate', admin);
    assert.deepEqual([main.status, main.body.code], [409, 'ORN_TENANCY_DEFAULT_PLATFORM']);
  });

  it('lets a platform administrator see and edit only its own platforms, and neither create nor deactivate', async () => {
    const omsAdmin = await adminHeaders(kernel, 'platform_admin', ['oms']);
    const list = await call('GET', '/api/v1/admin/platforms', omsAdmin);
    assert.deepEqual(
      (list.body.platforms as Json[]).map((p) => p.code),
      ['oms'],
    );
    assert.equal((await call('GET', '/api/v1/admin/platforms/main', omsAdmin)).status, 404);
    assert.equal((await call('PATCH', '/api/v1/admin/platforms/main', omsAdmin, { name: 'Mine' })).status, 404);
    assert.equal(kernel.platforms.findByCode('main')?.name, 'Orion');
    const own = await call('PATCH', '/api/v1/admin/platforms/oms', omsAdmin, { branding: { logo: '/oms.svg' } });
    assert.deepEqual([own.status, own.body.branding], [200, { logo: '/oms.svg' }]);
    assert.equal((await call('POST', '/api/v1/admin/platforms', omsAdmin, { code: 'mine', name: 'Mine' })).status, 403);
    assert.equal((await call('POST', '/api/v1/admin/platforms/oms/deactivate', omsAdmin)).status, 403);
    assert.equal(kernel.platforms.findByCode('oms')?.isActive, true);
    // Its vendors on other platforms stay out of reach too.
    await createTestVendor(kernel, { code: 'main-only' });
    assert.equal((await call('GET', '/api/v1/admin/vendors/main-only', omsAdmin)).status, 404);
  });

  it('records every change in the audit log, with the platform', async () => {
    const log = await call('GET', '/api/v1/admin/audit-log?action=tenancy.platform', admin);
    const entries = log.body.entries as Json[];
    const actions = entries.map((e) => e.action);
    for (const a of ['created', 'changed', 'deactivated', 'reactivated']) {
      assert.ok(actions.includes(`tenancy.platform.${a}`), a);
    }
    const oms = kernel.platforms.findByCode('oms')?.id;
    const race = kernel.platforms.findByCode('race')?.id;
    assert.ok(entries.every((e) => e.platformId === oms || e.platformId === race));
    assert.equal(entries.filter((e) => e.platformId === race).length, 1, 'one creation recorded for the race');
    const off = entries.find((e) => e.action === 'tenancy.platform.deactivated');
    assert.deepEqual([off?.before, off?.after], [{ isActive: true }, { isActive: false }]);
  });
});
