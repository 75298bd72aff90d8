import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  adminHeaders,
  createTestCustomer,
  createTestVendor,
  enablePlugins,
  pluginPackageDir,
  startTestKernel,
  type TestKernel,
} from '@orion/sdk/testing';
import { address, call, shopApi } from './helpers.js';

describe('customer-profiles migrations', () => {
  let kernel: TestKernel;
  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
  });
  after(() => kernel.stop());

  it('run up with data, then down, and leave the kernel customers in place', async () => {
    await enablePlugins(kernel, ['customer-profiles']);
    const shop = await createTestVendor(kernel);
    const customer = await createTestCustomer(kernel, shop.id);
    const created = await call(
      kernel,
      'POST',
      `${shopApi(shop.code)}/addresses`,
      customer.headers,
      address('shipping'),
    );
    assert.equal(created.status, 201);

    const headers = await adminHeaders(kernel);
    const res = await call(kernel, 'POST', '/api/v1/admin/plugins/customer-profiles/uninstall', headers, {
      keepData: false,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    for (const table of [
      'customer_profiles__profiles',
      'customer_profiles__addresses',
      'customer_profiles__migrations',
    ]) {
      assert.equal(await kernel.db.knex.schema.hasTable(table), false, `${table} is gone`);
    }
    assert.equal(await kernel.db.knex.schema.hasTable('customers'), true);
  });
});
