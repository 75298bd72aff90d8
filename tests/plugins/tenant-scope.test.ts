import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIST, ROOT } from '../../kernel/paths.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'plugins-tenant');
const TABLE = 'vendor_notes__notes';

describe('a plugin with a tenant table', () => {
  let kernel: TestKernel;
  const notes = async (p: string) =>
    ((await (await kernel.request(`/api/v1/shop/vendor-notes${p}`)).json()) as { notes: string[] }).notes;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [FIXTURES] }, settings: { LOG_LEVEL: 'debug' } });
    await kernel.plugins.install('vendor-notes', { actor: 'test' });
    await kernel.plugins.enable('main', 'vendor-notes', { actor: 'test' });
  });
  after(() => kernel.stop());

  it('creates the table as the owner, with row-level security, and seeds it through a bypass in its hook', async () => {
    const { rows } = await kernel.db.knex.raw('select tableowner, rowsecurity from pg_tables where tablename = ?', [
      TABLE,
    ]);
    assert.notEqual(rows[0].tableowner, kernel.db.appRole);
    assert.equal(rows[0].rowsecurity, true);
    const { seen } = await import(path.join(DIST, 'tests/fixtures/plugins-tenant/vendor-notes/src/index.js'));
    assert.equal(seen.unscopedInInstall, 0, 'the install hook saw rows without a scope');
    const bypass = kernel.logs.find((l) => l.msg === 'tenant scope bypassed');
    assert.equal(bypass?.plugin, 'vendor-notes');
    assert.equal(bypass?.reason, 'fixture: install seed');
  });

  it('serves each vendor only its own rows through ctx.withTenant, with no WHERE clause', async () => {
    assert.deepEqual(await notes('/notes/1'), ['v1 first', 'v1 second']);
    assert.deepEqual(await notes('/notes/2'), ['v2 first']);
    assert.deepEqual(await notes('/notes/3'), []);
    assert.deepEqual(await notes('/unscoped'), []);
    assert.deepEqual(await notes('/all'), ['v1 first', 'v2 first', 'v1 second']);
  });

  it('answers 500 (ORN_HTTP_INTERNAL) when a route passes a vendor id that is not one', async () => {
    const res = await kernel.request('/api/v1/shop/vendor-notes/notes/abc');
    assert.equal(res.status, 500);
    const failure = kernel.logs.find((l) => (l.err as { code?: string } | undefined)?.code === 'ORN_DB_TENANT_SCOPE');
    assert.ok(failure, 'the scope error was not logged with its code');
  });

  it('runs the down migrations as the owner on uninstall without keeping data', async () => {
    await kernel.plugins.uninstall('vendor-notes', { actor: 'test', keepData: false });
    assert.equal(await kernel.db.knex.schema.hasTable(TABLE), false);
    assert.equal(await kernel.db.knex.schema.hasTable('vendor_notes__migrations'), false);
  });
});
