import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import type { TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createShop, type DemoShop, json, setTheme, shopPath, startShopKernel } from './support.js';

describe('storefront: product images', () => {
  let kernel: TestKernel;
  let shop: DemoShop;
  let imageId: number;
  const page = async (rest: string) => (await kernel.request(shopPath(shop.vendor.code, rest))).text();

  before(async () => {
    kernel = await startShopKernel();
    shop = await createShop(kernel, { id: 'classic', preset: 'classic-forest' });
    const api = '/api/v1/vendor/catalog';
    const list = await json(kernel, 'GET', `${api}/products?q=harbour`, shop.vendor.headers);
    const productId = (list.items as { id: number }[])[0]?.id;
    const png = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#1e40af' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'shirt.png');
    form.append('alt', 'Blue harbour T-shirt, folded');
    const res = await kernel.request(`${api}/products/${productId}/images`, {
      method: 'POST',
      headers: { authorization: shop.vendor.headers.authorization as string },
      body: form,
    });
    assert.equal(res.status, 201, await res.clone().text());
    imageId = ((await res.json()) as { id: number }).id;
  });
  after(() => kernel.stop());

  it('shows the image on the product card, with every size in srcset, served from the shop', async () => {
    const body = await page('');
    const img = /<article class="sf-card">[\s\S]*?(<img [^>]*>)/.exec(body)?.[1] ?? '';
    const base = `/vendors/${shop.vendor.code}/shop/api/v1/shop/catalog/images/${imageId}`;
    assert.match(img, new RegExp(`src="${base}/480"`));
    assert.match(img, new RegExp(`srcset="${base}/160 160w, ${base}/480 480w, ${base}/original 600w"`));
    assert.match(img, /alt="Blue harbour T-shirt, folded"/);
    assert.match(img, /width="600" height="600"/, 'a fixed size: no layout shift');
    const served = await kernel.request(`${base}/480`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/webp');
  });

  it('shows the image large in the product page gallery', async () => {
    const body = await page(`/products/${shop.productSlug}`);
    const gallery = /<div class="sf-gallery">([\s\S]*?)<\/div>/.exec(body)?.[1] ?? '';
    assert.match(gallery, /<img [^>]*alt="Blue harbour T-shirt, folded"/);
    assert.match(gallery, /sizes="\(min-width: 768px\) 50vw, 100vw"/);
    assert.doesNotMatch(gallery, /role="img"/, 'no placeholder once there is an image');
  });

  it('shows the image in a theme that draws its own cards, and a placeholder for a product without one', async () => {
    await setTheme(kernel, shop.vendor.id, { id: 'minimal' });
    await json(kernel, 'POST', '/api/v1/vendor/catalog/products', shop.vendor.headers, {
      title: 'Plain mug',
      status: 'active',
      featured: true,
      variants: [{ sku: `MUG-${shop.vendor.code}`, price: { amountMinor: 900, currency: 'EUR' } }],
    });
    const body = await page('');
    assert.match(body, new RegExp(`<img [^>]*src="[^"]*/images/${imageId}/480"[^>]*aspect-ratio:3/4`));
    assert.match(body, /role="img" aria-label="Image of Plain mug"/);
  });
});
