import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { withTenant } from '../../kernel/db/tenant-scope.js';
import type { DemoLogin } from '../../kernel/seed/demo.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';

describe('demo data', () => {
  let kernel: TestKernel;
  let logins: DemoLogin[];

  before(async () => {
    kernel = await startTestKernel({ settings: { SEED_DEMO: 'true' } });
    logins = (await kernel.ready).demoLogins;
  });
  after(() => kernel.stop());

  it('has two platforms and three vendors, one of them on both', async () => {
    assert.deepEqual(
      kernel.platforms
        .all()
        .map((p) => p.code)
        .sort(),
      ['main', 'oms'],
    );
    const onBoth = kernel.vendors.findByCode('tech-store');
    assert.ok(onBoth);
    assert.equal(kernel.vendors.platformsOf(onBoth.id).length, 2);
  });

  it('prints sign-ins that work, every one of them', async () => {
    assert.ok(logins.length >= 10);
    for (const login of logins) {
      const url = login.where.replace(/^POST /, '');
      const res = await kernel.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: login.email, password: login.password }),
      });
      assert.equal(res.status, 200, `${login.area}: ${login.email} at ${url}`);
    }
  });

  it('gives the same customer email two accounts in two shops', async () => {
    const alice = await asSystem(kernel, (db) =>
      db('customers').where({ email: 'alice@example.com' }).pluck('vendor_id'),
    );
    assert.equal(new Set(alice).size, 2);
  });

  it('lets a query that forgets its vendor see nothing, and one scoped to a vendor only that vendor', async () => {
    const fashion = kernel.vendors.findByCode('fashion-hub')?.id as number;
    // As the application connects: no scope set, no rows, whatever the WHERE clause says.
    assert.deepEqual(await kernel.db.knex('customers').select('id'), []);
    const scoped = await withTenant(kernel.db.knex, { vendorId: fashion }, (db) => db('customers').pluck('vendor_id'));
    assert.ok(scoped.length === 2 && scoped.every((v) => v === fashion));
    await assert.rejects(
      withTenant(kernel.db.knex, { vendorId: fashion }, (db) =>
        db('customers').insert({ vendor_id: fashion + 1, email: 'sneaky@example.com' }),
      ),
      /row-level security/,
    );
  });
});
