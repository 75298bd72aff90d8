import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestTeamMember, createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { client, page, shop, startCmsKernel, VENDOR } from './support.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

describe("cms: each shop's media library", () => {
  let kernel: TestKernel;
  let acme: TestVendor;
  let rival: TestVendor;
  let http: ReturnType<typeof client>;

  /** Uploads through the vendor API as a browser form would. */
  const upload = (vendor: { headers: Record<string, string> }, bytes: Uint8Array, type: string, name = 'logo.png') => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    return kernel.request(`${VENDOR}/media`, {
      method: 'POST',
      headers: { authorization: vendor.headers.authorization ?? '' },
      body: form,
    });
  };

  before(async () => {
    ({ kernel } = await startCmsKernel(import.meta.url));
    http = client(kernel);
    acme = await createTestVendor(kernel);
    rival = await createTestVendor(kernel);
  });
  after(() => kernel.stop());
  /** Where the kernel keeps the cms plugin's files of a vendor (`ctx.files` on disk). */
  const folderOf = (vendorId: number) => path.join(kernel.config.dataDir, 'files', 'cms', String(vendorId));

  it('uploads an image, lists it, and serves it from the shop that owns it only', async () => {
    const res = await upload(acme, PNG, 'image/png');
    assert.equal(res.status, 201);
    const item = (await res.json()) as { id: number; url: string; size: number; contentType: string };
    assert.deepEqual([item.size, item.contentType], [PNG.length, 'image/png']);

    const served = await kernel.request(`/vendors/${acme.code}/shop${item.url}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(new Uint8Array(await served.arrayBuffer()), PNG);

    const mine = await http.expect<{ media: Array<{ id: number }> }>(200, 'GET', `${VENDOR}/media`, acme.headers);
    assert.deepEqual(
      mine.media.map((m) => m.id),
      [item.id],
    );
    const theirs = await http.expect<{ media: unknown[] }>(200, 'GET', `${VENDOR}/media`, rival.headers);
    assert.deepEqual(theirs.media, []);
    assert.equal((await kernel.request(`/vendors/${rival.code}/shop${item.url}`)).status, 404);
    await http.expect(404, 'DELETE', `${VENDOR}/media/${item.id}`, rival.headers);
  });

  it('refuses a file of another type, one whose bytes do not match its type, and one too large, naming the field', async () => {
    for (const [bytes, type, message] of [
      [new TextEncoder().encode('<script>alert(1)</script>'), 'text/html', /must be one of image\/png/],
      [new TextEncoder().encode('<script>alert(1)</script>'), 'image/png', /does not look like image\/png/],
      [new Uint8Array(1_000_001).fill(0x89), 'image/png', /larger than 1000000 bytes/],
    ] as const) {
      const res = await upload(acme, bytes, type);
      assert.equal(res.status, 422);
      const problem = (await res.json()) as { code: string; errors: Record<string, string> };
      assert.equal(problem.code, 'CMS_MEDIA_INVALID');
      assert.match(problem.errors.file ?? '', message);
    }
  });

  it('keeps a file that a page shows, and deletes it from storage once no page does', async () => {
    const item = (await (await upload(acme, PNG, 'image/png')).json()) as { id: number; url: string };
    const withImage = page('gallery', 'Gallery', `![logo](${item.url})`);
    const created = await http.expect<{ id: number }>(201, 'POST', `${VENDOR}/pages`, acme.headers, withImage);
    const html = (await http.expect<{ html: string }>(200, 'GET', `${shop(acme.code)}/pages/gallery`)).html;
    assert.match(html, new RegExp(`<img src="${item.url}" alt="logo">`));

    const refused = await http.call('DELETE', `${VENDOR}/media/${item.id}`, acme.headers);
    assert.equal(refused.status, 409);
    assert.match(((await refused.json()) as { detail: string }).detail, /gallery/);

    await http.expect(200, 'PUT', `${VENDOR}/pages/${created.id}`, acme.headers, page('gallery', 'Gallery', 'None.'));
    const before = readdirSync(folderOf(acme.id)).length;
    await http.expect(204, 'DELETE', `${VENDOR}/media/${item.id}`, acme.headers);
    assert.equal(readdirSync(folderOf(acme.id)).length, before - 1);
    assert.equal((await kernel.request(`/vendors/${acme.code}/shop${item.url}`)).status, 404);
  });

  it('lets a viewer list the library but not upload or delete', async () => {
    const viewer = await createTestTeamMember(kernel, acme, 'viewer');
    await http.expect(200, 'GET', `${VENDOR}/media`, viewer.headers);
    assert.equal((await upload(viewer, PNG, 'image/png')).status, 403);
  });
});
