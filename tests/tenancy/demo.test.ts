import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DemoLogin } from '../../kernel/seed/demo.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';

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
    const alice = await kernel.db.knex('customers').where({ email: 'alice@example.com' }).pluck('vendor_id');
    assert.equal(new Set(alice).size, 2);
  });
});
