import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../kernel/paths.js';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestPlatform, createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';

const PROBE = path.join(ROOT, 'tests', 'fixtures', 'tenancy-plugins', 'probe');

interface Who {
  platform: string;
  area: string;
  vendor: string | null;
  language: string | null;
  path: string;
  shopBase: string;
  base: string;
}

describe('tenant resolution', () => {
  let kernel: TestKernel;
  let acme: TestVendor;
  let both: TestVendor;

  const get = (url: string, headers: Record<string, string> = {}) => kernel.request(url, { headers });
  const who = async (url: string, headers: Record<string, string> = {}): Promise<Who> => {
    const res = await get(url, headers);
    assert.equal(res.status, 200, `${headers.host ?? 'localhost'}${url} answered ${res.status}`);
    return (await res.json()) as Who;
  };

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [PROBE] } });
    await createTestPlatform(kernel, 'oms', 'oms.test');
    await enablePlugins(kernel, ['probe'], 'main');
    await enablePlugins(kernel, ['probe'], 'oms');
    acme = await createTestVendor(kernel, { code: 'acme', languages: ['en', 'fr'] });
    both = await createTestVendor(kernel, { code: 'both', platforms: ['main', 'oms'] });
    const oms = kernel.platforms.findByCode('oms')?.id;
    await asSystem(kernel, (db) =>
      db('vendor_domains').insert([
        {
          vendor_id: acme.id,
          platform_id: kernel.platforms.findByCode('main')?.id,
          domain: 'Shop.Acme.example',
          verification_token: 'a',
          verified_at: new Date(),
        },
        { vendor_id: both.id, platform_id: oms, domain: 'pending.example', verification_token: 'b' },
      ]),
    );
    await kernel.vendors.refresh();
  });
  after(() => kernel.stop());

  it('serves a shop in path mode under /vendors/<code>/shop, with that prefix for its links', async () => {
    const w = await who('/vendors/acme/shop/probe/whoami');
    assert.deepEqual([w.platform, w.area, w.vendor, w.shopBase], ['main', 'shop', 'acme', '/vendors/acme/shop']);
  });

  it('serves the same shop routes on a subdomain of the platform domain, case and port and www ignored', async () => {
    for (const host of ['acme.localhost', 'ACME.LocalHost:3000', 'www.acme.localhost']) {
      const w = await who('/probe/whoami', { host });
      assert.deepEqual([w.platform, w.area, w.vendor, w.shopBase], ['main', 'shop', 'acme', ''], host);
      assert.equal(w.path, '/vendors/acme/shop/probe/whoami');
    }
  });

  it('serves a verified custom domain, and nothing for one not verified yet', async () => {
    const w = await who('/probe/whoami', { host: 'shop.acme.example' });
    assert.deepEqual([w.platform, w.vendor, w.shopBase], ['main', 'acme', '']);
    // Unverified: the host is not a platform either, so it falls to the default platform's own site.
    assert.equal((await get('/probe/whoami', { host: 'pending.example' })).status, 404);
  });

  it('resolves the shop API of a vendor host or a path-mode prefix', async () => {
    const onHost = await who('/api/v1/shop/probe/whoami', { host: 'acme.localhost' });
    assert.deepEqual([onHost.area, onHost.vendor], ['shopApi', 'acme']);
    const onPath = await who('/vendors/acme/shop/api/v1/shop/probe/whoami');
    assert.deepEqual([onPath.area, onPath.vendor, onPath.path], ['shopApi', 'acme', '/api/v1/shop/probe/whoami']);
  });

  it('answers 404 for an unknown vendor, by path, subdomain, or on a platform it has not joined', async () => {
    for (const [url, host] of [
      ['/vendors/nobody/shop/probe/whoami', 'localhost'],
      ['/probe/whoami', 'nobody.localhost'],
      ['/platforms/oms/vendors/acme/shop/probe/whoami', 'localhost'],
      ['/probe/whoami', 'acme.oms.test'],
    ] as const) {
      const res = await get(url, { host, accept: 'text/html' });
      assert.equal(res.status, 404, `${host}${url}`);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    }
  });

  it('picks the platform by domain, or by /platforms/<code> in path mode', async () => {
    assert.equal((await who('/vendors/both/shop/probe/whoami', { host: 'oms.test' })).platform, 'oms');
    assert.equal((await who('/probe/whoami', { host: 'both.oms.test' })).platform, 'oms');
    const w = await who('/platforms/oms/vendors/both/shop/probe/whoami');
    assert.deepEqual([w.platform, w.base, w.shopBase], ['oms', '/platforms/oms', '/platforms/oms/vendors/both/shop']);
    assert.equal((await get('/platforms/nope/vendors/both/shop/probe/whoami')).status, 404);
  });

  it('serves the admin area on admin.<platform domain> and under /admin', async () => {
    const headers = await adminHeaders(kernel);
    const onHost = await who('/probe/whoami', { ...headers, host: 'admin.oms.test' });
    assert.deepEqual([onHost.platform, onHost.area, onHost.path], ['oms', 'admin', '/admin/probe/whoami']);
    const onPath = await who('/admin/probe/whoami', headers);
    assert.deepEqual([onPath.platform, onPath.area], ['main', 'admin']);
  });

  it('closes the shop of a suspended vendor: a page for browsers, 403 on its API', async () => {
    const closed = await createTestVendor(kernel, { code: 'closed' });
    await asSystem(kernel, (db) => db('vendors').where({ id: closed.id }).update({ status: 'suspended' }));
    await kernel.vendors.refresh();
    const page = await get('/vendors/closed/shop/probe/whoami', { accept: 'text/html' });
    assert.equal(page.status, 403);
    assert.match(await page.text(), /This shop is closed/);
    const api = await get('/api/v1/shop/probe/whoami', { host: 'closed.localhost' });
    assert.equal(api.status, 403);
    assert.equal(((await api.json()) as { code: string }).code, 'ORN_TENANCY_SHOP_CLOSED');
  });

  it('answers 404 for a soft-deleted vendor and for an inactive platform', async () => {
    const gone = await createTestVendor(kernel, { code: 'gone' });
    await asSystem(kernel, (db) => db('vendors').where({ id: gone.id }).update({ deleted_at: new Date() }));
    await kernel.vendors.refresh();
    assert.equal((await get('/vendors/gone/shop/probe/whoami')).status, 404);
    await createTestPlatform(kernel, 'off', 'off.test');
    await kernel.db.knex('platforms').where({ code: 'off' }).update({ is_active: false });
    await kernel.platforms.refresh();
    assert.equal((await get('/probe/whoami', { host: 'off.test' })).status, 404);
  });

  it("picks the language from the cookie, then Accept-Language, within the vendor's languages", async () => {
    const url = '/vendors/acme/shop/probe/whoami';
    assert.equal((await who(url, { cookie: 'lang=fr' })).language, 'fr');
    assert.equal((await who(url, { 'accept-language': 'de-DE,fr-LU;q=0.8,en;q=0.5' })).language, 'fr');
    assert.equal((await who(url, { 'accept-language': 'de' })).language, 'en');
    // A language the vendor does not offer is ignored, even from the cookie.
    assert.equal((await who(url, { cookie: 'lang=de', 'accept-language': 'fr' })).language, 'fr');
  });

  it('still answers health checks on any host', async () => {
    assert.equal((await get('/health/live', { host: 'nobody.localhost' })).status, 200);
  });
});
