import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createShop, type DemoShop, json, setTheme, shopPath, startShopKernel } from './support.js';

describe('storefront: SEO, sitemap, caching and CMS content', () => {
  let kernel: TestKernel;
  let shop: DemoShop;

  before(async () => {
    kernel = await startShopKernel();
    shop = await createShop(kernel, { id: 'minimal' });
  });
  after(() => kernel.stop());

  const get = (url: string, headers: Record<string, string> = {}) => kernel.request(url, { headers });
  const ld = (body: string) =>
    [...body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1] as string));

  it('gives a product page its title, description, canonical URL, Open Graph tags and JSON-LD', async () => {
    const body = await (await get(shopPath(shop.vendor.code, `/products/${shop.productSlug}`))).text();
    assert.match(body, new RegExp(`<title>Harbour T-shirt · Shop ${shop.vendor.code}</title>`));
    assert.match(body, /<meta name="description" content="Soft organic cotton\."/);
    assert.match(body, /<meta property="og:type" content="product"/);
    assert.match(body, /<meta property="og:url" content="http:\/\/localhost\/vendors\/.*\/products\/harbour-t-shirt"/);
    const [product, crumbs, org] = ld(body);
    assert.equal(product['@type'], 'Product');
    assert.deepEqual(
      product.offers.map((o: { price: string; priceCurrency: string }) => [o.price, o.priceCurrency]),
      [
        ['19.90', 'EUR'],
        ['24.90', 'EUR'],
      ],
    );
    assert.equal(product.offers[0].availability, 'https://schema.org/OutOfStock');
    assert.equal(crumbs['@type'], 'BreadcrumbList');
    assert.deepEqual(
      crumbs.itemListElement.map((i: { name: string }) => i.name),
      ['Home', 'Shirts', 'Harbour T-shirt'],
    );
    assert.equal(org['@type'], 'Organization');
  });

  it('lists home, categories and products in sitemap.xml, and points robots.txt at it', async () => {
    const res = await get('/sitemap.xml', { host: `${shop.vendor.code}.localhost` });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/xml/);
    const xml = await res.text();
    const locs = [...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]);
    const origin = `http://${shop.vendor.code}.localhost`;
    assert.ok(locs.includes(`${origin}/`));
    assert.ok(locs.includes(`${origin}/categories/${shop.categorySlug}`));
    assert.ok(locs.includes(`${origin}/products/${shop.productSlug}`));
    assert.match(xml, /<lastmod>\d{4}-\d\d-\d\d<\/lastmod>/);
    const robots = await (await get('/robots.txt', { host: `${shop.vendor.code}.localhost` })).text();
    assert.match(robots, new RegExp(`Sitemap: ${origin}/sitemap.xml`));
  });

  it('sends pages and stylesheets gzipped to browsers that accept it, and the JSON API as it is', async () => {
    const url = shopPath(shop.vendor.code, `/products/${shop.productSlug}`);
    const plain = await get(url);
    assert.equal(plain.headers.get('content-encoding'), null, 'no Accept-Encoding, no compression');
    const html = await plain.text();
    const zipped = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.match(zipped.headers.get('vary') ?? '', /accept-encoding/i);
    const unzipped = await new Response(zipped.body?.pipeThrough(new DecompressionStream('gzip'))).text();
    assert.equal(unzipped.replace(/name="_csrf" value="[^"]*"/g, ''), html.replace(/name="_csrf" value="[^"]*"/g, ''));
    const css = html.match(/href="(\/assets\/app\.[0-9a-f]+\.css)"/)?.[1];
    assert.ok(css, 'the page links its stylesheet');
    assert.equal((await get(css, { 'accept-encoding': 'gzip' })).headers.get('content-encoding'), 'gzip');
    const api = await get(`/api/v1/shop/catalog/products`, {
      host: `${shop.vendor.code}.localhost`,
      'accept-encoding': 'gzip',
    });
    assert.equal(api.status, 200);
    assert.equal(api.headers.get('content-encoding'), null);
  });

  it('answers a repeated catalog request with 304 until the catalog changes', async () => {
    const url = shopPath(shop.vendor.code, `/categories/${shop.categorySlug}`);
    const first = await get(url);
    const etag = first.headers.get('etag');
    assert.ok(etag, 'an ETag');
    assert.ok(first.headers.get('last-modified'));
    const again = await get(url, { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    await json(kernel, 'POST', '/api/v1/vendor/catalog/products', shop.vendor.headers, {
      title: 'Harbour Hoodie',
      status: 'active',
      variants: [{ sku: `HH-${shop.vendor.code}`, price: { amountMinor: 4990, currency: 'EUR' } }],
    });
    const changed = await get(url, { 'if-none-match': etag });
    assert.equal(changed.status, 200, 'a new product makes the old copy stale');
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  it('makes a cached product page stale when the vendor switches theme, for ETag and If-Modified-Since', async () => {
    const url = shopPath(shop.vendor.code, `/products/${shop.productSlug}`);
    const first = await get(url);
    const etag = first.headers.get('etag') as string;
    const lastModified = first.headers.get('last-modified') as string;
    assert.equal((await get(url, { 'if-none-match': etag })).status, 304);
    assert.equal((await get(url, { 'if-modified-since': lastModified })).status, 304);
    await new Promise((r) => setTimeout(r, 1100)); // Last-Modified has whole seconds
    await setTheme(kernel, shop.vendor.id, { id: 'bold' });
    const byTag = await get(url, { 'if-none-match': etag });
    assert.equal(byTag.status, 200);
    assert.match(await byTag.text(), /sf-theme-bold/);
    assert.equal((await get(url, { 'if-modified-since': lastModified })).status, 200);
    await setTheme(kernel, shop.vendor.id, { id: 'minimal' });
  });

  it('shows a CMS page through the cms plugin, and never lets a <script> in its content reach the page', async () => {
    await json(kernel, 'POST', '/api/v1/vendor/cms/pages', shop.vendor.headers, {
      slug: 'our-story',
      status: 'published',
      showInFooter: true,
      translations: [
        {
          language: 'en',
          title: 'Our story',
          content: 'We love shirts.\n\n<script>alert("x")</script>\n\n<img src=x onerror="alert(2)">',
        },
      ],
    });
    const res = await get(shopPath(shop.vendor.code, '/pages/our-story'));
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /We love shirts\./);
    assert.doesNotMatch(body, /<script>alert/);
    assert.doesNotMatch(body, /<img[^>]*onerror/);
    assert.match(body, /&lt;script&gt;alert/, 'shown as text, not run');
    assert.match(body, new RegExp(`href="/vendors/${shop.vendor.code}/shop/pages/our-story"`), 'in the footer');
  });
});
