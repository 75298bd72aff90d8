import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../kernel/paths.js';
import type { CustomerDirectory } from '../../kernel/sdk/index.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestCustomer, createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'plugins-tenant');

describe('ctx.customers: the customer directory plugins read shop customers through', () => {
  let kernel: TestKernel;
  let directory: CustomerDirectory;
  let a: TestVendor;
  let b: TestVendor;
  let ada: number;
  let gone: number;
  let bea: number;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [FIXTURES] } });
    await kernel.plugins.install('vendor-notes', { actor: 'test' });
    directory = kernel.plugins.loaded.get('vendor-notes')?.context.customers as CustomerDirectory;
    a = await createTestVendor(kernel);
    b = await createTestVendor(kernel);
    ada = (await createTestCustomer(kernel, a.id, `ada-${process.pid}@example.com`)).id;
    gone = (await createTestCustomer(kernel, a.id)).id;
    bea = (await createTestCustomer(kernel, b.id, `bea-${process.pid}@example.com`)).id;
    await asSystem(kernel, async (db) => {
      await db('customers').where({ id: ada }).update({ first_name: 'Ada', last_name: 'Lovelace', phone: '+352 1' });
      await db('customers').where({ id: bea }).update({ first_name: 'Ada', last_name: 'Byron' });
      await db('customers').where({ id: gone }).update({ deleted_at: db.fn.now() });
    });
  });
  after(() => kernel.stop());

  it("gets, lists and searches the vendor's live customers, without password data", async () => {
    const found = await directory.get(a.id, ada);
    assert.equal(found?.email, `ada-${process.pid}@example.com`);
    assert.equal(found?.phone, '+352 1');
    assert.ok(!('passwordHash' in (found ?? {})) && !('password_hash' in (found ?? {})));
    const page = await directory.list(a.id);
    assert.deepEqual(
      page.customers.map((c) => c.id),
      [ada],
      'a deleted customer is left out',
    );
    assert.equal(page.total, 1);
    assert.deepEqual(
      (await directory.search(a.id, 'lovelace')).map((c) => c.id),
      [ada],
    );
    assert.equal(await directory.get(a.id, gone), undefined);
  });

  it("never sees another vendor's customers, by id, list, search or many ids", async () => {
    assert.equal(await directory.get(a.id, bea), undefined);
    assert.deepEqual(
      (await directory.getMany(a.id, [ada, bea])).map((c) => c.id),
      [ada],
    );
    assert.deepEqual(
      (await directory.search(a.id, 'ada')).map((c) => c.id),
      [ada],
    );
    const listed = await directory.list(a.id, { search: 'byron', alsoIds: [bea] });
    assert.deepEqual(listed, { customers: [], total: 0 }, 'alsoIds cannot smuggle in another vendor’s customer');
  });

  it('reads nothing through a transaction scoped to another vendor: row-level security still applies', async () => {
    const ctx = kernel.plugins.loaded.get('vendor-notes')?.context;
    const seen = await ctx?.withTenant({ vendorId: b.id }, async (trx) => ({
      one: await directory.get(a.id, ada, { trx }),
      all: await directory.list(a.id, { trx }),
    }));
    assert.equal(seen?.one, undefined);
    assert.equal(seen?.all.total, 0);
  });

  it("changes a customer's names and phone, never the email, and never another vendor's or a deleted customer", async () => {
    const changed = await directory.update(a.id, ada, { firstName: '  Augusta ', phone: '+352 621 000 111' });
    assert.equal(changed?.firstName, 'Augusta');
    assert.equal(changed?.lastName, 'Lovelace', 'a field left out stays');
    assert.equal(changed?.phone, '+352 621 000 111');
    assert.equal(changed?.email, `ada-${process.pid}@example.com`);
    assert.equal((await directory.update(a.id, ada, { phone: '' }))?.phone, null, 'an empty phone clears it');
    assert.equal(await directory.update(a.id, bea, { firstName: 'Mine' }), undefined);
    assert.equal((await directory.get(b.id, bea))?.firstName, 'Ada');
    assert.equal(await directory.update(a.id, gone, { firstName: 'Back' }), undefined);
    await assert.rejects(
      directory.update(a.id, ada, { lastName: 'x'.repeat(101), phone: 'call me' }),
      (err: { code: string; fields: Record<string, string> }) =>
        err.code === 'ORN_HTTP_VALIDATION_FAILED' && Boolean(err.fields.lastName && err.fields.phone),
    );
    assert.equal((await directory.get(a.id, ada))?.lastName, 'Lovelace', 'a refused change changes nothing');
  });
});
