import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';

/** Writes a plugin package as npm would ship it: package.json plus compiled ESM in dist/, with a nested module. */
function writePlugin(root: string, id: string, version: string, message: string, extra: Record<string, string> = {}) {
  const dir = path.join(root, id);
  fs.mkdirSync(path.join(dir, 'dist', 'lib'), { recursive: true });
  const manifest = { id, version, displayName: id, category: 'optional', kernel: '^1.0.0' };
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: id, version, type: 'module', orion: manifest }),
  );
  fs.writeFileSync(path.join(dir, 'dist', 'lib', 'message.js'), `export const message = ${JSON.stringify(message)};\n`);
  fs.writeFileSync(
    path.join(dir, 'dist', 'index.js'),
    `import { message } from './lib/message.js';
globalThis.__orionLive ??= { disposed: [] };
export default {
  routes: { shopApi: (r) => r.get('/message', (c) => c.json({ message })) },
  dispose: () => { globalThis.__orionLive.disposed.push(message); },
};
`,
  );
  for (const [file, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

describe('hot loading and reloading plugins without a restart', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'orion-hot-'));
  let kernel: TestKernel;
  let headers: Record<string, string>;
  const post = async (p: string) => {
    const res = await kernel.request(p, { method: 'POST', headers, body: '{}' });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const message = async () => {
    const res = await kernel.request('/api/v1/shop/live/message');
    return res.status === 200 ? ((await res.json()) as { message: string }).message : res.status;
  };
  const disposed = () => (globalThis as unknown as { __orionLive: { disposed: string[] } }).__orionLive.disposed;

  before(async () => {
    writePlugin(root, 'live', '1.0.0', 'one');
    kernel = await startTestKernel({ plugins: { roots: [root] } });
    headers = await adminHeaders(kernel);
    await post('/api/v1/admin/plugins/live/install');
    await post('/api/v1/admin/platforms/main/plugins/live/enable');
  });
  after(async () => {
    await kernel.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('picks up a plugin package dropped in after start', async () => {
    writePlugin(root, 'late', '1.0.0', 'late');
    const res = await post('/api/v1/admin/plugins/rescan');
    assert.deepEqual(res.body, { added: ['late'], reloaded: [], excluded: [] });
    assert.equal((await post('/api/v1/admin/plugins/late/install')).status, 200);
    assert.equal((await post('/api/v1/admin/platforms/main/plugins/late/enable')).status, 200);
    assert.deepEqual(await (await kernel.request('/api/v1/shop/late/message')).json(), { message: 'late' });
  });

  it('serves changed code after a rescan, nested modules included, and disposes the old instance', async () => {
    assert.equal(await message(), 'one');
    writePlugin(root, 'live', '1.0.0', 'two');
    const res = await post('/api/v1/admin/plugins/rescan');
    assert.deepEqual(res.body.reloaded, ['live']);
    assert.equal(await message(), 'two');
    assert.deepEqual(disposed(), ['one']);
    assert.deepEqual((await post('/api/v1/admin/plugins/rescan')).body.reloaded, [], 'reloaded unchanged code');
  });

  it('reloads on request, and upgrades a new version with its migration at once', async () => {
    const migration = `export async function up(knex) { await knex.schema.createTable('live__notes', (t) => { t.increments('id'); }); }
export async function down(knex) { await knex.schema.dropTable('live__notes'); }
`;
    writePlugin(root, 'live', '1.1.0', 'three', { 'dist/migrations/20261127120000_create_notes.js': migration });
    const res = await post('/api/v1/admin/plugins/live/reload');
    assert.deepEqual(res.body.reloaded, ['live']);
    assert.equal(await message(), 'three');
    assert.ok(await kernel.db.knex.schema.hasTable('live__notes'));
    assert.equal(
      await kernel.db
        .knex('plugins')
        .where({ id: 'live' })
        .first()
        .then((r) => r.version),
      '1.1.0',
    );
  });

  it('keeps serving the working code when the new code does not load', async () => {
    fs.writeFileSync(path.join(root, 'live', 'dist', 'lib', 'message.js'), 'export const message = ;\n');
    const res = await post('/api/v1/admin/plugins/rescan');
    assert.deepEqual(res.body.excluded, ['live']);
    assert.equal(await message(), 'three');
    const listed = (await (await kernel.request('/api/v1/admin/plugins', { headers })).json()) as {
      plugins: { id: string; lastError: string | null }[];
    };
    assert.match(
      String(listed.plugins.find((p) => p.id === 'live' && p.lastError)?.lastError),
      /ORN_PLUGIN_LOAD_FAILED/,
    );
  });
});
