import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { sanitizeCss } from '../../kernel/themes/custom-css.js';
import { FormSession } from '../ui/form-session.js';
import { createShop, type DemoShop, shopPath, startShopKernel } from './support.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('theme editor: draft, preview, publish', () => {
  let kernel: TestKernel;
  let shop: DemoShop;
  let owner: FormSession;
  const editor = () => `/vendor/${shop.vendor.code}/theme`;
  const publicHome = async () => (await kernel.request(shopPath(shop.vendor.code))).text();

  before(async () => {
    kernel = await startShopKernel();
    shop = await createShop(kernel, { id: 'classic', preset: 'classic-navy' }, 'editor');
    owner = new FormSession(kernel);
    const signedIn = await owner.signIn(`/vendor/editor/login`, shop.vendor.ownerEmail, shop.vendor.ownerPassword);
    assert.equal(signedIn.status, 303);
  });
  after(() => kernel.stop());

  const form = (over: Record<string, string> = {}) => ({
    theme: 'bold:bold-neon',
    headerLayout: 'centered',
    sectionCount: '3',
    'section.0.type': 'hero',
    'section.0.heading': 'Draft hero heading',
    'section.0.text': 'Only in the draft.',
    'section.1.type': 'featured',
    'section.1.count': '4',
    'section.2.type': 'newsletter',
    customCss: '',
    action: 'save',
    ...over,
  });

  it('shows the editor with labelled controls and the preview frame', async () => {
    const page = await owner.get(editor());
    assert.equal(page.status, 200);
    assert.match(page.html, /<label[^>]*for="field-theme"/);
    assert.match(page.html, /<iframe[^>]*src="\/vendor\/editor\/theme\/preview\?v=\d+"/);
    assert.match(page.html, /name="customCss"/);
    for (const id of ['classic', 'minimal', 'bold']) {
      assert.match(page.html, new RegExp(`<img src="/assets/theme-previews/${id}"`), `${id}'s preview in the picker`);
      const image = await kernel.request(`/assets/theme-previews/${id}`);
      assert.equal(image.headers.get('content-type'), 'image/svg+xml');
      assert.match(await image.text(), /<svg /);
    }
    assert.equal((await kernel.request('/assets/theme-previews/none')).status, 404);
  });

  it('saves a draft that the preview shows while the public shop keeps the published theme', async () => {
    await owner.get(editor());
    const saved = await owner.post(editor(), form());
    assert.equal(saved.status, 303);
    const preview = await owner.get(`${editor()}/preview`);
    assert.equal(preview.status, 200);
    assert.match(preview.html, /sf-theme-bold sf-preset-bold-neon sf-header-centered/);
    assert.match(preview.html, /Draft hero heading/);
    assert.match(preview.html, /sf-newsletter/);
    assert.match(preview.html, /<base target="_blank"/, 'links leave the editor frame');
    assert.equal(preview.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(preview.headers.get('cache-control'), 'no-store');
    const shopper = await publicHome();
    assert.match(shopper, /sf-theme-classic sf-preset-classic-navy/);
    assert.doesNotMatch(shopper, /Draft hero heading/);
    assert.doesNotMatch(shopper, /<base /);
  });

  it('refuses the preview to anyone not signed in to the dashboard', async () => {
    const res = await kernel.request(`${editor()}/preview`, { redirect: 'manual' });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /\/vendor\/editor\/login/);
  });

  it('moves sections up and down without JavaScript', async () => {
    await owner.get(editor());
    await owner.post(editor(), form({ action: 'down:0' }));
    const page = await owner.get(editor());
    const order = [...page.html.matchAll(/data-section="(\w+)"/g)].map((m) => m[1]);
    assert.deepEqual(order, ['featured', 'hero', 'newsletter']);
    await owner.post(editor(), {
      ...form({ action: 'up:2' }),
      'section.0.type': 'featured',
      'section.1.type': 'hero',
    });
    const again = await owner.get(editor());
    assert.deepEqual(
      [...again.html.matchAll(/data-section="(\w+)"/g)].map((m) => m[1]),
      ['featured', 'newsletter', 'hero'],
    );
  });

  it('publishes: the public shop switches to the draft', async () => {
    await owner.get(editor());
    const published = await owner.post(editor(), form({ action: 'publish' }));
    assert.equal(published.status, 303);
    const shopper = await publicHome();
    assert.match(shopper, /sf-theme-bold sf-preset-bold-neon sf-header-centered/);
    assert.match(shopper, /Draft hero heading/);
  });

  it('never lets a script from the custom CSS reach the page', async () => {
    await owner.get(editor());
    const css =
      '@import url(https://evil.example/x.css); .a{color:red} .b{background:url(javascript:alert(1))} ' +
      '.c{width:expression(alert(1))} .d::after{content:"</style><script>alert(1)</script>"} </style><script>alert(2)</script>';
    await owner.post(editor(), form({ customCss: css }));
    const preview = await owner.get(`${editor()}/preview`);
    const style = /<style>([\s\S]*?)<\/style>/.exec(preview.html)?.[1] ?? '';
    assert.match(style, /\.a\{color:red\}/, 'harmless rules stay');
    assert.doesNotMatch(preview.html, /<script>alert/);
    assert.doesNotMatch(style, /@import|javascript:|expression\(/i);
    assert.equal((preview.html.match(/<\/style>/g) ?? []).length, 1, 'nothing closes the style element early');
  });

  it('stores an uploaded logo after checking its type, and refuses a file that is not an image', async () => {
    await owner.get(editor());
    const upload = async (bytes: Buffer, name: string, type: string) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(form())) body.set(k, v);
      body.set('_csrf', /name="_csrf" value="([^"]+)"/.exec((await owner.get(editor())).html)?.[1] ?? '');
      body.set('logo', new File([new Uint8Array(bytes)], name, { type }));
      return owner.request(editor(), { method: 'POST', body });
    };
    const bad = await upload(Buffer.from('<svg onload="alert(1)"/>'), 'logo.png', 'image/png');
    assert.equal(bad.status, 422);
    assert.match(bad.html, /id="field-logo-error"/);
    const ok = await upload(PNG, 'logo.png', 'image/png');
    assert.equal(ok.status, 303);
    const preview = await owner.get(`${editor()}/preview`);
    const src = /<img class="sf-logo-img" src="([^"]+)"/.exec(preview.html)?.[1];
    assert.ok(src, 'the preview shows the logo');
    const image = await kernel.request(src);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.match(image.headers.get('cache-control') ?? '', /immutable/);
  });
});

describe('custom CSS sanitiser', () => {
  it('drops imports, scripts in URLs, expressions and anything that closes the style element', () => {
    const { css, dropped } = sanitizeCss(
      '@import "x.css"; a{color:blue;behavior:url(x.htc)} b{background:url("javascript:alert(1)")} i{content:"</style>"}',
    );
    assert.match(css, /a\{color:blue\}/);
    assert.doesNotMatch(css, /@import|behavior|javascript|<\/style/i);
    assert.ok(dropped.includes('@import'));
  });

  it('keeps https and relative image URLs', () => {
    const { css } = sanitizeCss('a{background:url(https://cdn.example/bg.png)} b{background:url(img/x.png)}');
    assert.match(css, /https:\/\/cdn\.example\/bg\.png/);
    assert.match(css, /img\/x\.png/);
  });
});
