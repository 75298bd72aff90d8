import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import knexFactory, { type Knex } from 'knex';
import { ownerTransaction } from '../../kernel/db/app-role.js';
import { createDatabase, type Database } from '../../kernel/db/database.js';
import { createKernelMigrator } from '../../kernel/db/migrate.js';
import { enableTenantRls, withTenant } from '../../kernel/db/tenant-scope.js';

const serverUrl = process.env.DATABASE_URL;

/**
 * Production connects as the schema's owner, not as a superuser. Such an owner is bound by FORCE ROW LEVEL SECURITY,
 * needs membership to SET ROLE, and relies on the migrations' bypass to move rows.
 */
describe('Orion connecting as an owner that is not a superuser', {
  skip: serverUrl ? false : 'needs DATABASE_URL: the embedded database has only its superuser',
}, () => {
  const suffix = crypto.randomBytes(4).toString('hex');
  const owner = `orion_owner_${suffix}`;
  const dbName = `orion_test_owner_${suffix}`;
  let admin: Knex;
  let db: Database;

  before(async () => {
    admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
    await admin.raw('create role ?? login createrole', [owner]);
    await admin.raw('create database ?? owner ??', [dbName, owner]);
    const url = new URL(serverUrl as string);
    url.username = owner;
    url.pathname = `/${dbName}`;
    db = await createDatabase({ url: url.toString(), pgliteDir: 'memory://', poolMax: 2 });
  });
  after(async () => {
    await db?.close();
    await admin.raw('drop database if exists ?? with (force)', [dbName]);
    await admin.raw('drop role if exists ??', [owner]);
    await admin.destroy();
  });

  it('grants itself the app role, migrates as the owner, and runs queries as the app role', async () => {
    await createKernelMigrator(db.knex).latest();
    const { rows } = await db.knex.raw(
      "select current_user as role, session_user as owner, (select tableowner from pg_tables where tablename = 'users') as users_owner",
    );
    assert.deepEqual(rows, [{ role: db.appRole, owner, users_owner: owner }]);
  });

  it('binds the owner too (FORCE), except under the bypass that migrations run with', async () => {
    await ownerTransaction(db.knex, async (trx) => {
      await trx.schema.createTable('owner_notes', (t) => {
        t.bigIncrements('id');
        t.bigInteger('vendor_id').notNullable();
      });
      await enableTenantRls(trx, 'owner_notes');
      await trx('owner_notes').insert([{ vendor_id: 1 }, { vendor_id: 2 }]); // the migrations' bypass
      await trx.raw("select set_config('orion.bypass_rls', '', true)");
      assert.equal((await trx('owner_notes').pluck('id')).length, 0, 'the owner read past the forced policy');
    });
    assert.deepEqual(await withTenant(db.knex, { vendorId: 2 }, (trx) => trx('owner_notes').pluck('vendor_id')), [2]);
    assert.deepEqual(await db.knex('owner_notes').pluck('id'), []);
  });
});
