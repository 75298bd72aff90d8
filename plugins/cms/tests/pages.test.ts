import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createTestTeamMember,
  createTestVendor,
  missingEnglishKeys,
  pluginPackageDir,
  strayKeys,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { messages } from '../src/locales/index.js';
import { ADMIN, client, page, startCmsKernel, VENDOR } from './support.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

interface Listed {
  id: number;
  slug: string;
  status: string;
  showInFooter: boolean;
  navOrder: number;
  translations: Array<{ language: string; title: string; content: string }>;
}

describe('cms: vendor pages for the shop pages and the media library', () => {
  let kernel: TestKernel;
  let acme: TestVendor;
  let other: TestVendor;
  let http: ReturnType<typeof client>;
  const base = (v: TestVendor) => `/vendor/${v.code}/cms`;
  const auth = (v: { headers: Record<string, string> }) => ({ authorization: v.headers.authorization as string });
  const get = (url: string, v: { headers: Record<string, string> } = acme, headers: Record<string, string> = {}) =>
    kernel.request(url, { headers: { ...auth(v), ...headers } });
  const post = (url: string, fields: Record<string, string>, v: { headers: Record<string, string> } = acme) =>
    kernel.request(url, {
      method: 'POST',
      headers: { ...auth(v), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
  const upload = (bytes: Uint8Array, type: string, name = 'logo.png') => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    return kernel.request(`${base(acme)}/media`, {
      method: 'POST',
      headers: auth(acme),
      body: form,
      redirect: 'manual',
    });
  };
  const ownPages = async (v = acme) =>
    (await http.expect<{ pages: Listed[] }>(200, 'GET', `${VENDOR}/pages`, v.headers)).pages;
  const storefront = (slug: string) => kernel.request(`/vendors/${acme.code}/shop/pages/${slug}`);
  const pageFields = (more: Record<string, string> = {}) => ({
    slug: 'about-us',
    status: 'published',
    navOrder: '3',
    showInFooter: 'on',
    'title.en': 'About Acme',
    'content.en': 'We make **anvils**.',
    'title.fr': '',
    'content.fr': '',
    ...more,
  });

  before(async () => {
    let admin: Record<string, string>;
    ({ kernel, admin } = await startCmsKernel(import.meta.url));
    http = client(kernel);
    acme = await createTestVendor(kernel, { languages: ['en', 'fr', 'de'] });
    other = await createTestVendor(kernel);
    await http.expect(201, 'POST', ADMIN, admin, {
      ...page('shipping', 'Shipping', 'We ship **everywhere**.', { showInFooter: true }),
      translations: [
        { language: 'en', title: 'Shipping', content: 'We ship **everywhere**.' },
        { language: 'it', title: 'Spedizione', content: 'Spediamo ovunque.' },
      ],
      tier: 'default',
    });
  });
  after(() => kernel.stop());

  it('lists the platform pages the shop inherits, marked as such, with an override action', async () => {
    const res = await get(`${base(acme)}/pages`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1[^>]*>Pages<\/h1>/);
    assert.match(html, /id="default-shipping"[\s\S]*Inherited[\s\S]*\/defaults\/shipping\/override/);
    assert.match(html, /No pages of your own yet/);
    assert.match(html, /href="[^"]*\/cms\/pages\/new"/);
    const editor = await (await get(`${base(acme)}/pages/new`)).text();
    for (const name of ['slug', 'status', 'showInHeader', 'showInFooter', 'navOrder', 'title.en', 'content.fr']) {
      assert.match(editor, new RegExp(`name="${name.replace('.', '\\.')}"`), name);
    }
    assert.match(editor, /<label for="field-content\.en"/);
  });

  it('creates a published page that shoppers then see, and edits it back to a draft', async () => {
    const res = await post(`${base(acme)}/pages`, pageFields());
    assert.equal(res.status, 303);
    const [created] = await ownPages();
    assert.ok(created);
    assert.deepEqual(
      [created.slug, created.status, created.showInFooter, created.navOrder],
      ['about-us', 'published', true, 3],
    );
    assert.deepEqual(
      created.translations.map((t) => t.language),
      ['en'],
      'an empty language is not saved',
    );
    assert.equal(res.headers.get('location'), `${base(acme)}/pages/${created.id}`);

    const seen = await storefront('about-us');
    assert.equal(seen.status, 200);
    assert.match(await seen.text(), /We make <strong>anvils<\/strong>/);

    const edited = await post(`${base(acme)}/pages/${created.id}`, pageFields({ status: 'draft' }));
    assert.equal(edited.status, 303);
    assert.equal((await storefront('about-us')).status, 404, 'a draft is not shown');
    const editor = await (await get(`${base(acme)}/pages/${created.id}`)).text();
    assert.match(editor, /We make \*\*anvils\*\*\./);
  });

  it('re-renders invalid input with a 422 and the errors on the fields, and changes nothing', async () => {
    const before = await ownPages();
    const bad = await post(`${base(acme)}/pages`, pageFields({ slug: 'Not A Slug', 'title.en': '' }));
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /id="field-slug-error"[^>]*>Use lower-case letters/);
    assert.match(html, /value="Not A Slug"/, 'what was typed comes back');
    assert.deepEqual(await ownPages(), before);

    const id = before[0]!.id;
    const badEdit = await post(`${base(acme)}/pages/${id}`, pageFields({ navOrder: 'soon', slug: 'renamed' }));
    assert.equal(badEdit.status, 422);
    assert.match(await badEdit.text(), /Enter a whole number/);
    const badLink = await post(`${base(acme)}/pages/${id}`, pageFields({ 'content.en': '[x](javascript:alert(1))' }));
    assert.equal(badLink.status, 422);
    assert.match(await badLink.text(), /id="field-content\.en-error"/);
    assert.deepEqual(await ownPages(), before);
  });

  it('never lets a <script> in the body reach the storefront', async () => {
    const res = await post(
      `${base(acme)}/pages`,
      pageFields({ slug: 'evil', 'content.en': 'Hi <script>alert("x")</script> <img src=x onerror=alert(1)>' }),
    );
    assert.equal(res.status, 303);
    const html = await (await storefront('evil')).text();
    assert.match(html, /Hi &lt;script&gt;/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<img src=x/);
  });

  it('previews the sanitised body without saving, for htmx or a plain post', async () => {
    const before = await ownPages();
    const res = await post(
      `${base(acme)}/pages`,
      pageFields({ slug: 'draft-idea', preview: 'en', 'content.en': '## Soon\n\n<script>alert(1)</script>' }),
    );
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /id="preview-en"[\s\S]*<h2>Soon<\/h2>[\s\S]*&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /value="draft-idea"/, 'the form keeps what was typed');
    assert.deepEqual(await ownPages(), before, 'a preview saves nothing');
  });

  it('overrides a platform default: a draft copy to edit, then the shop version once published', async () => {
    const res = await post(`${base(acme)}/defaults/shipping/override`, {});
    assert.equal(res.status, 303);
    const copy = (await ownPages()).find((p) => p.slug === 'shipping');
    assert.ok(copy);
    assert.equal(copy.status, 'draft');
    assert.equal(res.headers.get('location'), `${base(acme)}/pages/${copy.id}`);
    assert.match(await (await storefront('shipping')).text(), /We ship <strong>everywhere<\/strong>/);

    const list = await (await get(`${base(acme)}/pages`)).text();
    assert.match(
      list,
      new RegExp(`id="default-shipping"[\\s\\S]*?/pages/${copy.id}"`),
      'the default links to the copy',
    );

    const copyEditor = await (await get(`${base(acme)}/pages/${copy.id}`)).text();
    assert.match(copyEditor, /Content in IT[\s\S]*value="Spedizione"/);
    const saved = await post(
      `${base(acme)}/pages/${copy.id}`,
      pageFields({
        slug: 'shipping',
        'title.en': 'Acme shipping',
        'content.en': 'Free for **all**.',
        // As the browser posts it: the editor shows the copy's Italian though the shop does not offer it.
        'title.it': 'Spedizione',
        'content.it': 'Spediamo ovunque.',
      }),
    );
    assert.equal(saved.status, 303);
    const html = await (await storefront('shipping')).text();
    assert.match(html, /Free for <strong>all<\/strong>/);
    const after = (await ownPages()).find((p) => p.slug === 'shipping')!;
    assert.deepEqual(
      after.translations.map((t) => [t.language, t.title]),
      [
        ['en', 'Acme shipping'],
        ['it', 'Spedizione'],
      ],
      "the copy's language the shop does not offer is kept, not dropped on save",
    );
    assert.doesNotMatch(html, /everywhere/);
  });

  it('deletes a page after asking, and shows the platform page again for an override', async () => {
    const copy = (await ownPages()).find((p) => p.slug === 'shipping')!;
    const ask = await get(`${base(acme)}/pages/${copy.id}/delete`);
    assert.equal(ask.status, 200);
    assert.match(await ask.text(), /role="alertdialog"[\s\S]*Delete page shipping\?/);
    assert.equal((await post(`${base(acme)}/pages/${copy.id}/delete`, {})).status, 303);
    assert.equal(
      (await ownPages()).find((p) => p.slug === 'shipping'),
      undefined,
    );
    assert.match(await (await storefront('shipping')).text(), /We ship <strong>everywhere<\/strong>/);
  });

  it('uploads to the media library, lists it with the Markdown to paste, and refuses a bad file on the field', async () => {
    const res = await upload(PNG, 'image/png', 'anvil.png');
    assert.equal(res.status, 303);
    const html = await (await get(`${base(acme)}/media`)).text();
    const id = Number(/id="media-(\d+)"/.exec(html)?.[1]);
    assert.ok(id > 0);
    assert.match(html, new RegExp(`!\\[anvil.png\\]\\(/api/v1/shop/cms/media/${id}\\)`));
    assert.match(html, new RegExp(`<img src="[^"]*/cms/media/${id}/file"`));
    const thumb = await get(`${base(acme)}/media/${id}/file`);
    assert.equal(thumb.headers.get('content-type'), 'image/png');
    assert.deepEqual(new Uint8Array(await thumb.arrayBuffer()), PNG);

    const bad = await upload(new TextEncoder().encode('<html></html>'), 'text/html', 'page.html');
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /id="field-file-error"[^>]*>This type of file is not accepted/);
    const fake = await upload(new TextEncoder().encode('not a png'), 'image/png', 'fake.png');
    assert.equal(fake.status, 422);
    assert.match(await fake.text(), /does not match its type/);
  });

  it('refuses to delete a file that a page shows, with the page named, and deletes it once unused', async () => {
    const html = await (await get(`${base(acme)}/media`)).text();
    const id = Number(/id="media-(\d+)"/.exec(html)?.[1]);
    await post(
      `${base(acme)}/pages`,
      pageFields({ slug: 'gallery', 'content.en': `![a](/api/v1/shop/cms/media/${id})` }),
    );
    const ask = await (await get(`${base(acme)}/media/${id}/delete`)).text();
    assert.match(ask, /cannot be deleted: the pages gallery show it/);
    const refused = await post(`${base(acme)}/media/${id}/delete`, {});
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /the pages gallery show it/);
    assert.match(await (await get(`${base(acme)}/media`)).text(), new RegExp(`id="media-${id}"`));

    const gallery = (await ownPages()).find((p) => p.slug === 'gallery')!;
    await post(`${base(acme)}/pages/${gallery.id}/delete`, {});
    assert.equal((await post(`${base(acme)}/media/${id}/delete`, {})).status, 303);
    assert.doesNotMatch(await (await get(`${base(acme)}/media`)).text(), new RegExp(`id="media-${id}"`));
  });

  it("gives another vendor a 404 for this shop's pages and files", async () => {
    const mine = (await ownPages())[0]!;
    await upload(PNG, 'image/png', 'secret.png');
    const mediaId = Number(/id="media-(\d+)"/.exec(await (await get(`${base(acme)}/media`)).text())?.[1]);
    assert.equal((await get(`${base(other)}/pages/${mine.id}`, other)).status, 404);
    assert.equal((await post(`${base(other)}/pages/${mine.id}`, pageFields({ slug: 'stolen' }), other)).status, 404);
    assert.equal((await post(`${base(other)}/pages/${mine.id}/delete`, {}, other)).status, 404);
    assert.equal((await get(`${base(other)}/media/${mediaId}/file`, other)).status, 404);
    assert.equal((await post(`${base(other)}/media/${mediaId}/delete`, {}, other)).status, 404);
    assert.doesNotMatch(await (await get(`${base(other)}/pages`, other)).text(), /About Acme/);
    assert.ok((await ownPages()).some((p) => p.id === mine.id && p.slug === mine.slug));
  });

  it('lets a viewer read the pages but not change them', async () => {
    const viewer = await createTestTeamMember(kernel, acme, 'viewer');
    const mine = (await ownPages())[0]!;
    const list = await get(`${base(acme)}/pages`, viewer);
    assert.equal(list.status, 200);
    const html = await list.text();
    assert.match(html, /About Acme/);
    assert.doesNotMatch(html, /New page/);
    assert.doesNotMatch(html, /\/override"/);
    const editor = await (await get(`${base(acme)}/pages/${mine.id}`, viewer)).text();
    assert.match(editor, /<fieldset disabled/);
    assert.doesNotMatch(editor, new RegExp(`action="[^"]*/cms/pages/${mine.id}"`));
    assert.equal(
      (await post(`${base(acme)}/pages/${mine.id}`, pageFields({ 'title.en': 'Hacked' }), viewer)).status,
      403,
    );
    assert.equal((await post(`${base(acme)}/pages`, pageFields({ slug: 'viewer' }), viewer)).status, 403);
    assert.equal((await post(`${base(acme)}/defaults/shipping/override`, {}, viewer)).status, 403);
    assert.deepEqual(await ownPages(), await ownPages());
    assert.ok(!(await ownPages()).some((p) => p.slug === 'viewer' || p.translations[0]?.title === 'Hacked'));
  });

  it('speaks French and German, and English has every key the pages use', async () => {
    assert.match(
      await (await get(`${base(acme)}/pages`, acme, { 'accept-language': 'fr' })).text(),
      /Pages de la plateforme/,
    );
    assert.match(await (await get(`${base(acme)}/media`, acme, { 'accept-language': 'de' })).text(), /Datei hochladen/);
    assert.deepEqual(missingEnglishKeys(messages, path.join(pluginPackageDir(import.meta.url), 'src')), []);
    assert.deepEqual(strayKeys(messages, 'fr'), []);
    assert.deepEqual(strayKeys(messages, 'de'), []);
  });
});
