import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { ADMIN, client, startCmsKernel } from './support.js';

interface Listed {
  id: number;
  slug: string;
  tier: string;
  status: string;
  translations: Array<{ language: string; title: string }>;
}

describe('cms: admin console pages for the platform pages', () => {
  let kernel: TestKernel;
  let admin: Record<string, string>;
  let acme: TestVendor;
  let http: ReturnType<typeof client>;
  const PAGES = '/admin/cms/pages';
  const get = (url: string, headers = admin, more: Record<string, string> = {}) =>
    kernel.request(url, { headers: { ...headers, ...more } });
  const post = (url: string, fields: Record<string, string>, headers = admin) =>
    kernel.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
  const platformPages = async () => (await http.expect<{ pages: Listed[] }>(200, 'GET', ADMIN, admin)).pages;
  const fields = (more: Record<string, string> = {}) => ({
    tier: 'default',
    slug: 'returns',
    status: 'published',
    navOrder: '1',
    'title.en': 'Returns',
    'content.en': 'Send it back within **30 days**.',
    ...more,
  });

  before(async () => {
    ({ kernel, admin } = await startCmsKernel(import.meta.url));
    http = client(kernel);
    acme = await createTestVendor(kernel);
  });
  after(() => kernel.stop());

  it('lists both tiers and offers a new page', async () => {
    const res = await get(PAGES);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1[^>]*>Platform pages<\/h1>/);
    assert.match(html, /Default shop pages[\s\S]*Marketing pages/);
    assert.match(html, /data-menu-item="cms:cms.pages"/);
    assert.match(await (await get(`${PAGES}/new`)).text(), /name="tier"/);
  });

  it('creates a default page that every shop then shows and lists as inherited', async () => {
    const res = await post(PAGES, fields());
    assert.equal(res.status, 303);
    const [created] = await platformPages();
    assert.deepEqual([created?.slug, created?.tier, created?.status], ['returns', 'default', 'published']);
    const seen = await kernel.request(`/vendors/${acme.code}/shop/pages/returns`);
    assert.match(await seen.text(), /within <strong>30 days<\/strong>/);
    const vendorList = await kernel.request(`/vendor/${acme.code}/cms/pages`, {
      headers: { authorization: acme.headers.authorization as string },
    });
    assert.match(await vendorList.text(), /id="default-returns"[\s\S]*Inherited/);
  });

  it('re-renders invalid input with a 422 and changes nothing; a shop member is kept out', async () => {
    const before = await platformPages();
    const bad = await post(PAGES, fields({ slug: 'x y', tier: 'secret' }));
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /id="field-slug-error"/);
    assert.match(html, /id="field-tier-error"[^>]*>Choose the kind of page/);
    const id = before[0]!.id;
    const badEdit = await post(`${PAGES}/${id}`, fields({ 'title.en': '', 'content.en': '' }));
    assert.equal(badEdit.status, 422);
    assert.deepEqual(await platformPages(), before);

    const asVendor = { authorization: acme.headers.authorization as string };
    assert.ok([401, 403, 404].includes((await post(PAGES, fields({ slug: 'vendor' }), asVendor)).status));
    assert.deepEqual(await platformPages(), before);
  });

  it('deletes a page after asking', async () => {
    const id = (await platformPages())[0]!.id;
    assert.match(await (await get(`${PAGES}/${id}/delete`)).text(), /Shops that do not override it/);
    assert.equal((await post(`${PAGES}/${id}/delete`, {})).status, 303);
    assert.deepEqual(await platformPages(), []);
    assert.match(await (await get(PAGES, admin, { 'accept-language': 'de' })).text(), /Standardseiten der Shops/);
  });
});
