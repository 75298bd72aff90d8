import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createShop, type DemoShop, setTheme, shopPath, startShopKernel } from './support.js';

describe('storefront: host resolution and themes', () => {
  let kernel: TestKernel;
  let a: DemoShop;
  let b: DemoShop;

  before(async () => {
    kernel = await startShopKernel();
    a = await createShop(kernel, { id: 'classic', preset: 'classic-navy' });
    b = await createShop(kernel, { id: 'bold', preset: 'bold-sunset' });
    await asSystem(kernel, (db) =>
      db('vendor_domains').insert({
        vendor_id: a.vendor.id,
        platform_id: kernel.platforms.findByCode('main')?.id,
        domain: 'shop.harbour.example',
        verification_token: 't',
        verified_at: new Date(),
      }),
    );
    await kernel.vendors.refresh();
  });
  after(() => kernel.stop());

  const page = async (url: string, host?: string) => {
    const res = await kernel.request(url, { headers: host ? { host } : {} });
    return { status: res.status, body: await res.text() };
  };

  it('serves the same product page on the custom domain and in path mode, with links for each', async () => {
    const onDomain = await page(`/products/${a.productSlug}`, 'shop.harbour.example');
    assert.equal(onDomain.status, 200);
    assert.match(onDomain.body, /Harbour T-shirt/);
    assert.match(
      onDomain.body,
      /<link rel="canonical" href="http:\/\/shop\.harbour\.example\/products\/harbour-t-shirt"/,
    );
    assert.match(onDomain.body, /href="\/categories\/shirts"/, 'links on the domain have no path prefix');

    const inPath = await page(shopPath(a.vendor.code, `/products/${a.productSlug}`));
    assert.equal(inPath.status, 200);
    assert.match(inPath.body, new RegExp(`href="/vendors/${a.vendor.code}/shop/categories/shirts"`));
    assert.match(inPath.body, /sf-theme-classic/);
  });

  it('serves the home page on the vendor subdomain and 404 for a shop on the wrong host', async () => {
    const sub = await page('/', `${a.vendor.code}.localhost`);
    assert.equal(sub.status, 200);
    assert.match(sub.body, new RegExp(`Shop ${a.vendor.code}`));
    assert.equal((await page('/', 'unknown-shop.localhost')).status, 404);
  });

  it('renders two vendors with different themes differently', async () => {
    const one = await page(shopPath(a.vendor.code));
    const two = await page(shopPath(b.vendor.code));
    assert.match(one.body, /class="sf-theme-classic sf-preset-classic-navy /);
    assert.match(one.body, /classic-header/);
    assert.match(two.body, /class="sf-theme-bold sf-preset-bold-sunset /);
    assert.match(two.body, /bold-hero-title/);
    assert.match(two.body, /--color-primary:#fb7185/);
    assert.doesNotMatch(two.body, /classic-header/);
  });

  it('switches theme as soon as the vendor publishes another, and falls back to the default for an unknown one', async () => {
    await setTheme(kernel, a.vendor.id, { id: 'minimal', preset: 'minimal-sand', tokens: { radius: '2px' } });
    const after = await page(shopPath(a.vendor.code));
    assert.match(after.body, /class="sf-theme-minimal sf-preset-minimal-sand /);
    assert.match(after.body, /minimal-logo/);
    assert.match(after.body, /--radius:2px/, 'a token override goes over the preset');
    await setTheme(kernel, a.vendor.id, {
      id: 'no-such-theme',
      tokens: { 'color-bg': 'red;}</style><script>x()</script>' },
    });
    const fallback = await page(shopPath(a.vendor.code));
    assert.match(fallback.body, /sf-theme-classic/);
    assert.doesNotMatch(fallback.body, /<script>x\(\)/, 'an unsafe token value is refused');
    await setTheme(kernel, a.vendor.id, { id: 'classic', preset: 'classic-navy' });
  });

  it('orders homepage sections as the vendor set them, rich text escaped', async () => {
    await setTheme(kernel, b.vendor.id, {
      id: 'bold',
      sections: [
        { type: 'richText', heading: 'Our story', text: 'Made in Luxembourg.\n\n<b>bold</b>' },
        { type: 'hero', heading: 'Big summer sale' },
      ],
    });
    const body = (await page(shopPath(b.vendor.code))).body;
    assert.ok(body.indexOf('Our story') < body.indexOf('Big summer sale'), 'rich text first, then the hero');
    assert.match(body, /&lt;b&gt;bold&lt;\/b&gt;/);
    assert.doesNotMatch(body, /Featured products/, 'sections left out are not shown');
  });

  it('lists the themes with their presets: three themes, seven presets', () => {
    const themes = kernel.themes.registry.list().map((t) => t.manifest);
    assert.deepEqual(themes.map((t) => t.id).sort(), ['bold', 'classic', 'minimal']);
    assert.equal(themes.flatMap((t) => t.presets).length, 7);
  });
});
