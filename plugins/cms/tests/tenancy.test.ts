import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  adminHeaders,
  createTestPlatform,
  createTestTeamMember,
  createTestVendor,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { ADMIN, client, page, shop, startCmsKernel, VENDOR } from './support.js';

describe('cms: vendors, platforms and roles stay apart', () => {
  let kernel: TestKernel;
  let admin: Record<string, string>;
  let a: TestVendor;
  let b: TestVendor;
  let other: TestVendor;
  let bPage: number;
  let http: ReturnType<typeof client>;
  const OTHER_HOST = { host: 'oms.test' };

  before(async () => {
    ({ kernel, admin } = await startCmsKernel(import.meta.url));
    http = client(kernel);
    await createTestPlatform(kernel, 'oms');
    a = await createTestVendor(kernel);
    b = await createTestVendor(kernel);
    other = await createTestVendor(kernel, { platforms: ['oms'] });
    bPage = (await http.expect<{ id: number }>(201, 'POST', `${VENDOR}/pages`, b.headers, page('b-secret', 'B only')))
      .id;
  });
  after(() => kernel.stop());

  it("answers 404 to vendor A for vendor B's page id, and leaves the page alone", async () => {
    await http.expect(404, 'GET', `${VENDOR}/pages/${bPage}`, a.headers);
    await http.expect(404, 'PUT', `${VENDOR}/pages/${bPage}`, a.headers, page('b-secret', 'Taken over'));
    await http.expect(404, 'DELETE', `${VENDOR}/pages/${bPage}`, a.headers);
    const still = await http.expect<{ translations: Array<{ title: string }> }>(
      200,
      'GET',
      `${VENDOR}/pages/${bPage}`,
      b.headers,
    );
    assert.equal(still.translations[0]?.title, 'B only');
  });

  it("never shows B's custom pages in A's shop or navigation, nor in A's page list", async () => {
    await http.expect(404, 'GET', `${shop(a.code)}/pages/b-secret`);
    const nav = await http.expect<{ header: unknown[]; footer: unknown[] }>(200, 'GET', `${shop(a.code)}/navigation`);
    assert.deepEqual(nav, { header: [], footer: [] });
    const listed = await http.expect<{ pages: unknown[] }>(200, 'GET', `${VENDOR}/pages`, a.headers);
    assert.deepEqual(listed.pages, []);
    assert.equal((await http.expect<{ title: string }>(200, 'GET', `${shop(b.code)}/pages/b-secret`)).title, 'B only');
  });

  it('lets the same slug exist in two shops, each seeing its own', async () => {
    await http.expect(201, 'POST', `${VENDOR}/pages`, a.headers, page('b-secret', 'A has one too'));
    assert.equal(
      (await http.expect<{ title: string }>(200, 'GET', `${shop(a.code)}/pages/b-secret`)).title,
      'A has one too',
    );
    assert.equal((await http.expect<{ title: string }>(200, 'GET', `${shop(b.code)}/pages/b-secret`)).title, 'B only');
    await http.expect(409, 'POST', `${VENDOR}/pages`, a.headers, page('b-secret', 'Twice'));
  });

  it("does not show platform X's default pages on platform Y's shops", async () => {
    await http.expect(201, 'POST', ADMIN, admin, { ...page('privacy', 'Main privacy'), tier: 'default' });
    await http.expect(
      201,
      'POST',
      ADMIN,
      { ...admin, ...OTHER_HOST },
      { ...page('returns', 'OMS returns'), tier: 'default' },
    );
    assert.equal(
      (await http.expect<{ title: string }>(200, 'GET', `${shop(a.code)}/pages/privacy`)).title,
      'Main privacy',
    );
    await http.expect(404, 'GET', `${shop(a.code)}/pages/returns`);
    await http.expect(404, 'GET', `${shop(other.code)}/pages/privacy`, OTHER_HOST);
    assert.equal(
      (await http.expect<{ title: string }>(200, 'GET', `${shop(other.code)}/pages/returns`, OTHER_HOST)).title,
      'OMS returns',
    );
    await http.expect(404, 'POST', `${VENDOR}/defaults/returns/override`, a.headers);
  });

  it("answers 404 to an administrator for another platform's page id", async () => {
    const oms = await http.expect<{ id: number }>(200, 'GET', `${ADMIN}?tier=default`, { ...admin, ...OTHER_HOST });
    const omsId = (oms as unknown as { pages: Array<{ id: number }> }).pages[0]?.id;
    assert.ok(omsId);
    await http.expect(404, 'GET', `${ADMIN}/${omsId}`, admin);
    await http.expect(404, 'DELETE', `${ADMIN}/${omsId}`, admin);
    await http.expect(200, 'GET', `${ADMIN}/${omsId}`, { ...admin, ...OTHER_HOST });
  });

  it('lets a viewer read the pages but not change them, and keeps anonymous callers out', async () => {
    const viewer = await createTestTeamMember(kernel, b, 'viewer');
    await http.expect(200, 'GET', `${VENDOR}/pages/${bPage}`, viewer.headers);
    await http.expect(403, 'PUT', `${VENDOR}/pages/${bPage}`, viewer.headers, page('b-secret', 'Viewer edit'));
    await http.expect(403, 'POST', `${VENDOR}/pages`, viewer.headers, page('viewer-page', 'Nope'));
    await http.expect(403, 'POST', `${VENDOR}/defaults/privacy/override`, viewer.headers);
    await http.expect(401, 'GET', `${VENDOR}/pages`);
    await http.expect(401, 'GET', ADMIN);
    await http.expect(401, 'GET', ADMIN, b.headers);
  });

  it('refuses bad input with a 422 that names each field', async () => {
    const res = await http.call('POST', `${VENDOR}/pages`, a.headers, {
      slug: 'Not A Slug',
      status: 'live',
      translations: [
        { language: 'en', title: ' ', content: 'x' },
        { language: 'en', title: 'Again', content: 'y' },
      ],
    });
    assert.equal(res.status, 422);
    const { errors } = (await res.json()) as { errors: Record<string, string> };
    assert.match(errors.slug ?? '', /lower-case letters/);
    assert.ok(errors.status);
    assert.equal(errors['translations.0.title'], 'must not be empty');
    assert.equal(errors['translations.1.language'], 'appears twice');
    const none = await http.call('POST', ADMIN, admin, { ...page('x', 'X'), tier: 'default', translations: [] });
    assert.equal(
      ((await none.json()) as { errors: Record<string, string> }).errors.translations,
      'needs at least one language',
    );
  });

  it("serves the platform's marketing pages on its own host, not in shops, written only by its administrators", async () => {
    const pricing = { ...page('pricing', 'Pricing', 'Cheap.', { showInHeader: true }), tier: 'marketing' };
    const notOurs = await adminHeaders(kernel, 'platform_admin'); // administers no platform yet
    await http.expect(403, 'POST', ADMIN, notOurs, pricing);
    await http.expect(201, 'POST', ADMIN, admin, pricing);
    const seen = await http.expect<{ source: string; html: string }>(200, 'GET', '/api/v1/shop/cms/pages/pricing');
    assert.equal(seen.source, 'marketing');
    assert.match(seen.html, /Cheap\./);
    const nav = await http.expect<{ header: Array<{ slug: string }> }>(200, 'GET', '/api/v1/shop/cms/navigation');
    assert.deepEqual(
      nav.header.map((l) => l.slug),
      ['pricing'],
    );
    await http.expect(404, 'GET', `${shop(a.code)}/pages/pricing`);
    await http.expect(404, 'GET', '/api/v1/shop/cms/pages/pricing', OTHER_HOST);
  });
});
