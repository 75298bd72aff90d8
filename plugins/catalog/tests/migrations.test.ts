import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Knex } from '@orion/sdk';
import {
  createTestVendor,
  enablePlugins,
  pluginPackageDir,
  startTestKernel,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import * as searchIndex from '../migrations/20261220000000_search_index.js';
import { call, createProduct, simpleProduct, VENDOR_API } from './helpers.js';

/** Runs a migration step as the plugin host does: the owner, with the tenant bypass, in one transaction. */
const asMigration = (kernel: TestKernel, step: (knex: Knex) => Promise<void>) =>
  kernel.db.knex.transaction(async (trx) => {
    await trx.raw('set local role none');
    await trx.raw("select set_config('orion.bypass_rls', 'on', true)");
    await step(trx);
  });

describe('catalog migrations', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  const found = async (q: string) => {
    const res = await call(kernel, 'GET', `${VENDOR_API}/products?q=${encodeURIComponent(q)}`, shop.headers);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return (res.body.items as { title: string }[]).map((p) => p.title);
  };

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['catalog']);
    shop = await createTestVendor(kernel);
    await createProduct(kernel, shop.headers, simpleProduct('Linen shirt', 4500, { brand: 'Moselle' }));
    await createProduct(kernel, shop.headers, simpleProduct('Wool coat', 19900));
  });
  after(() => kernel.stop());

  it('moves the search documents into the search index and back, keeping every product findable', async () => {
    assert.deepEqual(await found('moselle'), ['Linen shirt']);
    await asMigration(kernel, searchIndex.down);
    assert.equal(await kernel.db.knex.schema.hasTable('catalog__search'), false);
    const fn = await kernel.db.knex.raw("select 1 from pg_proc where proname = 'catalog__search_match'");
    assert.equal(fn.rows.length, 0, 'down drops the match function');
    const copied = await kernel.db.knex.transaction(async (trx) => {
      await trx.raw("select set_config('orion.bypass_rls', 'on', true)");
      return trx('catalog__products')
        .where({ vendor_id: shop.id })
        .whereRaw("search @@ 'moselle'::tsquery")
        .pluck('title');
    });
    assert.deepEqual(copied, ['Linen shirt'], 'down puts the documents back on the products');
    await asMigration(kernel, searchIndex.up);
    assert.deepEqual(await found('moselle'), ['Linen shirt']);
    assert.deepEqual(await found('coa'), ['Wool coat']);
  });
});
