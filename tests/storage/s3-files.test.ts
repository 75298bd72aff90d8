import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import S3rver from 's3rver';
import { ROOT } from '../../kernel/paths.js';
import { s3FileStore } from '../../kernel/storage/s3.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestVendor } from '../../kernel/testing/tenants.js';

/**
 * Plugins' files in an S3-compatible bucket (FILES_S3_URL), against s3rver: an S3 server in Node, with a bucket
 * kept in a temporary folder. s3rver does not check signatures; aws4fetch signs the requests.
 */
describe('plugin files in an S3-compatible bucket', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'orion-s3-'));
  let server: S3rver;
  let bucket: string;
  const credentials = { region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

  before(async () => {
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      directory: folder,
      silent: true,
      configureBuckets: [{ name: 'orion', configs: [] }],
    });
    const { port } = await server.run();
    bucket = `http://127.0.0.1:${port}/orion`;
  });
  after(async () => {
    await server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('stores, reads and deletes objects under the plugin prefix, and answers undefined for a missing key', async () => {
    const store = s3FileStore({ url: bucket, ...credentials }, 'catalog');
    const key = await store.put(7, new Uint8Array([1, 2, 3]));
    assert.match(key, /^7\/[0-9a-f-]{36}$/);
    assert.deepEqual([...((await store.get(key)) ?? [])], [1, 2, 3]);
    assert.equal(await s3FileStore({ url: bucket, ...credentials }, 'cms').get(key), undefined, 'another prefix');
    await store.delete(key);
    assert.equal(await store.get(key), undefined);
    await store.delete(key); // already gone: not an error
    await assert.rejects(store.get('../secret'), /not a file key/);
  });

  it('says which request failed when the bucket refuses it', async () => {
    const store = s3FileStore({ url: `${bucket}-missing`, ...credentials }, 'cms');
    await assert.rejects(store.put(1, new Uint8Array([1])), /S3 PUT answered 404/);
  });

  describe('with FILES_S3_URL set', () => {
    let kernel: TestKernel;

    before(async () => {
      kernel = await startTestKernel({
        settings: {
          FILES_S3_URL: bucket,
          FILES_S3_ACCESS_KEY_ID: credentials.accessKeyId,
          FILES_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        },
        plugins: { roots: [], extraDirs: [path.join(ROOT, 'plugins', 'cms')] },
      });
    });
    after(() => kernel?.stop());

    it("keeps a plugin's uploads in the bucket, not on the server's disk, and serves them from there", async () => {
      const vendor = await createTestVendor(kernel);
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7]);
      const form = new FormData();
      form.append('file', new Blob([png], { type: 'image/png' }), 'dot.png');
      const res = await kernel.request('/api/v1/vendor/cms/media', {
        method: 'POST',
        headers: { authorization: vendor.headers.authorization ?? '' },
        body: form,
      });
      assert.equal(res.status, 201, await res.clone().text());
      const { url } = (await res.json()) as { url: string };
      const served = await kernel.request(`/vendors/${vendor.code}/shop${url}`);
      assert.equal(served.status, 200);
      assert.deepEqual([...new Uint8Array(await served.arrayBuffer())], [...png]);
      assert.ok(!fs.existsSync(path.join(kernel.config.dataDir, 'files')), 'nothing on the local disk');
      const objects = fs.readdirSync(path.join(folder, 'orion'), { recursive: true }).map(String);
      assert.ok(
        objects.some((o) => o.startsWith(`cms/${vendor.id}/`)),
        `an object under cms/${vendor.id}/: ${objects}`,
      );
    });
  });
});
