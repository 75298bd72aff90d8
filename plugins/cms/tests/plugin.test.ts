import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { adminHeaders, createTestVendor, startTestKernel, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { ROOT } from '../../../kernel/paths.js';
import type { CmsPageEvent } from '../src/events.js';
import { client, page, shop, VENDOR } from './support.js';

describe('cms: found in plugins/, installed and enabled as a core plugin, announcing its changes', () => {
  let kernel: TestKernel;
  let acme: TestVendor;
  let http: ReturnType<typeof client>;
  const seen: Array<[string, CmsPageEvent]> = [];

  before(async () => {
    // The repository's own plugin folder, as `npm start` scans it.
    kernel = await startTestKernel({ plugins: { roots: [path.join(ROOT, 'plugins')] } });
    http = client(kernel);
    acme = await createTestVendor(kernel);
    for (const name of [
      'cms.page.updated',
      'cms.page.published',
      'cms.page.unpublished',
      'cms.page.deleted',
    ] as const) {
      kernel.events.on(name, (payload) => {
        seen.push([name, payload]);
      });
    }
  });
  after(() => kernel.stop());

  it('is installed and serves on every platform without anyone enabling it', async () => {
    const res = await kernel.request('/api/v1/admin/plugins', { headers: await adminHeaders(kernel) });
    const body = (await res.json()) as { plugins: Array<{ id: string; state: string; category: string }> };
    const cms = body.plugins.find((p) => p.id === 'cms');
    assert.equal(cms?.category, 'core');
    assert.equal((await http.call('GET', `${shop(acme.code)}/navigation`)).status, 200);
  });

  it('emits updated, published, unpublished and deleted with the platform and the vendor', async () => {
    const created = await http.expect<{ id: number }>(
      201,
      'POST',
      `${VENDOR}/pages`,
      acme.headers,
      page('news', 'News'),
    );
    await http.expect(200, 'PUT', `${VENDOR}/pages/${created.id}`, acme.headers, {
      ...page('news', 'News'),
      status: 'draft',
    });
    await http.expect(204, 'DELETE', `${VENDOR}/pages/${created.id}`, acme.headers);
    const main = kernel.platforms.findByCode('main')!;
    const expected = { platformId: main.id, vendorId: acme.id, tier: 'vendor', pageId: created.id, slug: 'news' };
    assert.deepEqual(seen, [
      ['cms.page.updated', expected],
      ['cms.page.published', expected],
      ['cms.page.updated', expected],
      ['cms.page.unpublished', expected],
      ['cms.page.deleted', expected],
    ]);
  });

  it("keeps the shop's page rows behind row-level security: unscoped, the tables look empty", async () => {
    await http.expect(201, 'POST', `${VENDOR}/pages`, acme.headers, page('rls', 'RLS'));
    assert.equal((await kernel.db.knex('cms__vendor_pages').select('id')).length, 0);
    assert.equal((await kernel.db.knex('cms__vendor_page_translations').select('page_id')).length, 0);
  });
});
