import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createTestVendor,
  enablePlugins,
  pluginPackageDir,
  setPluginSettings,
  startTestKernel,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import sharp from 'sharp';
import { call, createProduct, shopApi, simpleProduct, VENDOR_API } from './helpers.js';
import { browserSession, catalogFiles, pagesOf } from './pages-helpers.js';

const MAX_BYTES = 20_000;

describe('catalog: product images', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let other: TestVendor;
  let pages: ReturnType<typeof pagesOf>;
  let png: Uint8Array;
  let productId: number;

  const images = async (id = productId) =>
    (await call(kernel, 'GET', `${VENDOR_API}/products/${id}`, shop.headers)).body.images as {
      id: number;
      alt: string;
      url: string;
      width: number;
      height: number;
      thumbnails: { url: string; width: number; height: number }[];
    }[];

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['catalog']);
    // A small size limit, so an "oversized" file stays small in the test.
    await setPluginSettings(kernel, 'catalog', { imageMaxBytes: MAX_BYTES });
    shop = await createTestVendor(kernel);
    other = await createTestVendor(kernel);
    pages = pagesOf(kernel, shop);
    png = new Uint8Array(
      await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3366cc' } })
        .png()
        .toBuffer(),
    );
    productId = (await createProduct(kernel, shop.headers, simpleProduct('Framed print', 4500))).id;
  });
  after(() => kernel.stop());

  it('accepts a real PNG, keeps its size, and makes thumbnails of the expected width', async () => {
    const res = await pages.upload(
      `/products/${productId}/images`,
      { bytes: png, name: 'print.png', type: 'image/png' },
      'A blue print',
    );
    assert.equal(res.status, 303);
    const [image] = await images();
    assert.ok(image);
    assert.equal(image.width, 800);
    assert.equal(image.height, 600);
    assert.equal(image.alt, 'A blue print');
    assert.deepEqual(
      image.thumbnails.map((t) => [t.width, t.height]),
      [
        [160, 120],
        [480, 360],
      ],
    );

    // The shop serves the thumbnail with a year-long cache; its bytes really are 160 pixels wide.
    const thumb = await kernel.request(`/vendors/${shop.code}/shop${image.thumbnails[0]?.url}`);
    assert.equal(thumb.status, 200);
    assert.equal(thumb.headers.get('content-type'), 'image/webp');
    assert.match(thumb.headers.get('cache-control') ?? '', /max-age=31536000, immutable/);
    const meta = await sharp(new Uint8Array(await thumb.arrayBuffer())).metadata();
    assert.equal(meta.width, 160);

    // The shop product JSON carries the image URLs with their sizes.
    const slug = (await call(kernel, 'GET', `${VENDOR_API}/products/${productId}`, shop.headers)).body.slug;
    const shopProduct = await call(kernel, 'GET', `${shopApi(shop.code)}/products/${slug}`);
    const shown = (shopProduct.body.images as { url: string; width: number }[])[0];
    assert.equal(shown?.url, image.url);
    assert.equal(shown?.width, 800);
  });

  it('uploads from the signed-in browser form, with its CSRF token, and refuses the post without it', async () => {
    const browser = await browserSession(kernel, shop);
    const editor = await browser.get(`/vendor/${shop.code}/catalog/products/${productId}`);
    assert.equal(editor.status, 200);
    assert.match(editor.html, /enctype="multipart\/form-data"/);
    const count = (await images()).length;
    const file = new File([png], 'from-browser.png', { type: 'image/png' });
    const res = await browser.postMultipart(`/vendor/${shop.code}/catalog/products/${productId}/images`, {
      file,
      alt: 'From the browser',
    });
    assert.equal(res.status, 303);
    assert.equal((await images()).length, count + 1);

    const forged = await browser.postMultipart(
      `/vendor/${shop.code}/catalog/products/${productId}/images`,
      { file },
      false,
    );
    assert.equal(forged.status, 403);
    assert.equal((await images()).length, count + 1);
    // Leave the product with its one image, as the next tests expect.
    const added = (await images()).at(-1);
    await call(kernel, 'DELETE', `${VENDOR_API}/images/${added?.id}`, shop.headers);
  });

  it('refuses a text file named .png and an oversized file with a 422 on the page, storing nothing', async () => {
    const before = (await images()).length;
    const files = readdirSync(catalogFiles(kernel), { recursive: true }).length;
    const text = new TextEncoder().encode('this is not an image at all, just some text'.repeat(10));
    const fake = await pages.upload(`/products/${productId}/images`, {
      bytes: text,
      name: 'photo.png',
      type: 'image/png',
    });
    assert.equal(fake.status, 422);
    assert.match(await fake.text(), /must be a JPEG, PNG or WebP image/);

    const big = new Uint8Array(MAX_BYTES + 1);
    big.set(png.subarray(0, 8));
    const huge = await pages.upload(`/products/${productId}/images`, {
      bytes: big,
      name: 'big.png',
      type: 'image/png',
    });
    assert.equal(huge.status, 422);
    assert.match(await huge.text(), /too large/);

    // The JSON API answers the same problem as a field error.
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'image/png' }), 'photo.png');
    const api = await kernel.request(`${VENDOR_API}/products/${productId}/images`, {
      method: 'POST',
      headers: { authorization: shop.headers.authorization as string },
      body: form,
    });
    assert.equal(api.status, 422);
    assert.equal(((await api.json()) as { code: string }).code, 'CATALOG_INVALID');

    assert.equal((await images()).length, before);
    assert.equal(readdirSync(catalogFiles(kernel), { recursive: true }).length, files);
  });

  it('orders images, changes alt text and deletes an image with its files', async () => {
    await pages.upload(
      `/products/${productId}/images`,
      { bytes: png, name: 'second.png', type: 'image/png' },
      'Second',
    );
    const [first, second] = await images();
    assert.ok(first && second);
    assert.equal((await pages.post(`/images/${second.id}/move`, { dir: 'up' })).status, 303);
    assert.deepEqual(
      (await images()).map((i) => i.id),
      [second.id, first.id],
    );
    assert.equal((await pages.post(`/images/${first.id}`, { alt: 'Print on a wall' })).status, 303);
    assert.equal((await images()).find((i) => i.id === first.id)?.alt, 'Print on a wall');

    const files = readdirSync(path.join(catalogFiles(kernel), String(shop.id))).length;
    assert.match(await (await pages.get(`/images/${second.id}/delete`)).text(), /role="alertdialog"/);
    assert.equal((await pages.post(`/images/${second.id}/delete`, {})).status, 303);
    assert.deepEqual(
      (await images()).map((i) => i.id),
      [first.id],
    );
    assert.equal(readdirSync(path.join(catalogFiles(kernel), String(shop.id))).length, files - 3);
  });

  it("hides a draft's images from the shop, and answers 404 to another vendor everywhere", async () => {
    const [image] = await images();
    assert.ok(image);
    const theirs = pagesOf(kernel, other);
    assert.equal((await theirs.get(`/images/${image.id}/160`)).status, 404);
    assert.equal((await theirs.get(`/images/${image.id}`)).status, 404);
    assert.equal((await theirs.post(`/images/${image.id}`, { alt: 'Mine now' })).status, 404);
    assert.equal((await theirs.post(`/images/${image.id}/delete`, {})).status, 404);
    assert.equal(
      (await theirs.upload(`/products/${productId}/images`, { bytes: png, name: 'x.png', type: 'image/png' })).status,
      404,
    );
    assert.equal(
      (await call(kernel, 'PATCH', `${VENDOR_API}/images/${image.id}`, other.headers, { alt: 'x' })).status,
      404,
    );
    assert.equal((await call(kernel, 'DELETE', `${VENDOR_API}/images/${image.id}`, other.headers)).status, 404);
    assert.equal((await kernel.request(`/vendors/${other.code}/shop${image.url}`)).status, 404);
    assert.equal((await images()).find((i) => i.id === image.id)?.alt, 'Print on a wall');

    await call(kernel, 'PATCH', `${VENDOR_API}/products/${productId}`, shop.headers, { status: 'draft' });
    assert.equal((await kernel.request(`/vendors/${shop.code}/shop${image.url}`)).status, 404);
    assert.equal((await pages.get(`/images/${image.id}/original`)).status, 200);
  });
});
