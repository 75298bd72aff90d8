import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { ADMIN, client, page, shop, startCmsKernel, VENDOR } from './support.js';

interface Rendered {
  source: string;
  title: string;
  html: string;
  language: string;
}

describe('cms: a shop inherits the platform default pages and may override them', () => {
  let kernel: TestKernel;
  let admin: Record<string, string>;
  let acme: TestVendor;
  let http: ReturnType<typeof client>;
  const visit = (slug: string, query = '') =>
    http.expect<Rendered>(200, 'GET', `${shop(acme.code)}/pages/${slug}${query}`);

  before(async () => {
    ({ kernel, admin } = await startCmsKernel(import.meta.url));
    http = client(kernel);
    acme = await createTestVendor(kernel, { languages: ['en', 'fr'] });
    await http.expect(201, 'POST', ADMIN, admin, {
      ...page('shipping', 'Shipping', 'We ship **everywhere**.', { showInFooter: true, navOrder: 2 }),
      tier: 'default',
    });
    await http.expect(201, 'POST', ADMIN, admin, {
      ...page('terms', 'Terms', 'The terms.', { showInFooter: true, navOrder: 1 }),
      tier: 'default',
    });
  });
  after(() => kernel.stop());

  it('shows the platform default page to a shop without a page of its own', async () => {
    const seen = await visit('shipping');
    assert.equal(seen.source, 'default');
    assert.equal(seen.title, 'Shipping');
    assert.match(seen.html, /<strong>everywhere<\/strong>/);
  });

  it('shows the shop its override once published, and the default again after a revert', async () => {
    const copy = await http.expect<{ id: number; status: string; translations: Array<{ content: string }> }>(
      201,
      'POST',
      `${VENDOR}/defaults/shipping/override`,
      acme.headers,
    );
    assert.equal(copy.status, 'draft');
    assert.equal(copy.translations[0]?.content, 'We ship **everywhere**.');
    assert.equal((await visit('shipping')).source, 'default', 'a draft override hides nothing');

    await http.expect(
      200,
      'PUT',
      `${VENDOR}/pages/${copy.id}`,
      acme.headers,
      page('shipping', 'Acme shipping', 'Free.'),
    );
    const overridden = await visit('shipping');
    assert.equal(overridden.source, 'vendor');
    assert.equal(overridden.title, 'Acme shipping');

    const listed = await http.expect<{ defaults: Array<{ slug: string; overridden: boolean }> }>(
      200,
      'GET',
      `${VENDOR}/defaults`,
      acme.headers,
    );
    assert.deepEqual(
      listed.defaults.map((d) => [d.slug, d.overridden]),
      [
        ['terms', false],
        ['shipping', true],
      ],
    );

    await http.expect(204, 'DELETE', `${VENDOR}/defaults/shipping/override`, acme.headers);
    assert.equal((await visit('shipping')).title, 'Shipping');
    await http.expect(404, 'DELETE', `${VENDOR}/defaults/shipping/override`, acme.headers);
  });

  it('hides drafts, whether a default, a custom page or an unpublished page', async () => {
    await http.expect(201, 'POST', ADMIN, admin, { ...page('faq', 'FAQ'), tier: 'default', status: 'draft' });
    await http.expect(404, 'GET', `${shop(acme.code)}/pages/faq`);
    const custom = await http.expect<{ id: number }>(201, 'POST', `${VENDOR}/pages`, acme.headers, {
      ...page('our-story', 'Our story'),
      status: 'draft',
    });
    await http.expect(404, 'GET', `${shop(acme.code)}/pages/our-story`);
    await http.expect(200, 'PUT', `${VENDOR}/pages/${custom.id}`, acme.headers, page('our-story', 'Our story'));
    assert.equal((await visit('our-story')).source, 'vendor');
    await http.expect(200, 'PUT', `${VENDOR}/pages/${custom.id}`, acme.headers, {
      ...page('our-story', 'Our story'),
      status: 'draft',
    });
    await http.expect(404, 'GET', `${shop(acme.code)}/pages/our-story`);
  });

  it('serves the requested language, else the shop default language', async () => {
    await http.expect(201, 'POST', `${VENDOR}/pages`, acme.headers, {
      slug: 'contact',
      status: 'published',
      translations: [
        { language: 'en', title: 'Contact', content: 'Write to us.' },
        { language: 'fr', title: 'Contact FR', content: 'Écrivez-nous.' },
      ],
    });
    const fr = await visit('contact', '?lang=fr');
    assert.deepEqual([fr.language, fr.title], ['fr', 'Contact FR']);
    const de = await visit('contact', '?lang=de');
    assert.deepEqual([de.language, de.title], ['en', 'Contact'], 'no German: the shop default, English');
  });

  it('lists footer and header links with the shop page winning over the default, in order', async () => {
    const own = await http.expect<{ id: number }>(201, 'POST', `${VENDOR}/defaults/terms/override`, acme.headers);
    await http.expect(200, 'PUT', `${VENDOR}/pages/${own.id}`, acme.headers, {
      ...page('terms', 'Acme terms'),
      showInFooter: true,
      showInHeader: true,
      navOrder: 5,
    });
    const nav = await http.expect<{ header: Array<{ slug: string }>; footer: Array<{ slug: string; title: string }> }>(
      200,
      'GET',
      `${shop(acme.code)}/navigation`,
    );
    assert.deepEqual(
      nav.footer.map((l) => [l.slug, l.title]),
      [
        ['shipping', 'Shipping'],
        ['terms', 'Acme terms'],
      ],
    );
    assert.deepEqual(
      nav.header.map((l) => l.slug),
      ['terms'],
    );
  });
});
