import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ownerTransaction } from '../../kernel/db/app-role.js';
import type { Database } from '../../kernel/db/database.js';
import { createMigrator } from '../../kernel/db/migrate.js';
import { type TenantScope, withTenant } from '../../kernel/db/tenant-scope.js';
import { DIST } from '../../kernel/paths.js';
import { createTestDatabase } from '../../kernel/testing/test-database.js';

const TENANT_FIXTURES = path.join(DIST, 'tests', 'fixtures', 'migrations', 'tenant');
const backend = process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite';
const RLS_REFUSED = /row-level security policy/;

describe(`row-level security on tenant tables (${backend})`, () => {
  let db: Database;
  const notes = (knex = db.knex) => knex('tenant_notes').orderBy('id').pluck('body');

  before(async () => {
    db = await createTestDatabase();
    await createMigrator(db.knex, { directory: TENANT_FIXTURES, tableName: 'fixture_tenant_migrations' }).latest();
    await withTenant(db.knex, { bypass: true, reason: 'test seed' }, (trx) =>
      trx('tenant_notes').insert([
        { vendor_id: 1, body: 'v1 a' },
        { vendor_id: 2, body: 'v2 a' },
        { vendor_id: 1, body: 'v1 b' },
      ]),
    );
  });
  after(() => db.close());

  it('runs application queries as the app role: no superuser, no BYPASSRLS, not the owner', async () => {
    const { rows } = await db.knex.raw(
      `select current_user as role, r.rolsuper, r.rolbypassrls, t.tableowner
         from pg_roles r, pg_tables t where r.rolname = current_user and t.tablename = 'tenant_notes'`,
    );
    assert.equal(rows[0].role, db.appRole);
    assert.equal(rows[0].rolsuper, false);
    assert.equal(rows[0].rolbypassrls, false);
    assert.notEqual(rows[0].tableowner, db.appRole);
  });

  it('returns no rows to a query without scope, even one without a WHERE clause', async () => {
    assert.deepEqual(await notes(), []);
    assert.deepEqual((await db.knex.raw('select count(*) as n from tenant_notes')).rows, [{ n: 0 }]);
    assert.equal(await db.knex('tenant_notes').update({ body: 'hijacked' }), 0);
    assert.equal(await db.knex('tenant_notes').delete(), 0);
    await assert.rejects(db.knex('tenant_notes').insert({ vendor_id: 1, body: 'no scope' }), RLS_REFUSED);
  });

  it("shows one vendor's rows within withTenant({ vendorId })", async () => {
    assert.deepEqual(await withTenant(db.knex, { vendorId: 1 }, (trx) => notes(trx)), ['v1 a', 'v1 b']);
    assert.deepEqual(await withTenant(db.knex, { vendorId: 2 }, (trx) => notes(trx)), ['v2 a']);
    assert.deepEqual(await withTenant(db.knex, { vendorId: 3 }, (trx) => notes(trx)), []);
    // Updates and deletes reach only the scoped vendor's rows too.
    const touched = await withTenant(db.knex, { vendorId: 2 }, (trx) => trx('tenant_notes').update({ body: 'v2 a' }));
    assert.equal(touched, 1);
  });

  it("refuses to write another vendor's row while scoped (WITH CHECK)", async () => {
    await assert.rejects(
      withTenant(db.knex, { vendorId: 1 }, (trx) => trx('tenant_notes').insert({ vendor_id: 2, body: 'planted' })),
      RLS_REFUSED,
    );
    await assert.rejects(
      withTenant(db.knex, { vendorId: 1 }, (trx) =>
        trx('tenant_notes').where({ body: 'v1 a' }).update({ vendor_id: 2 }),
      ),
      RLS_REFUSED,
    );
    const id = await withTenant(db.knex, { vendorId: 1 }, async (trx) => {
      const [row] = await trx('tenant_notes').insert({ vendor_id: 1, body: 'v1 c' }).returning('id');
      return row.id as number;
    });
    await withTenant(db.knex, { vendorId: 1 }, (trx) => trx('tenant_notes').where({ id }).delete());
  });

  it('shows every vendor under an explicit bypass', async () => {
    const all = await withTenant(db.knex, { bypass: true, reason: 'test: platform report' }, async (trx) => {
      const { rows } = await trx.raw("select current_setting('orion.scope_reason') as reason");
      assert.equal(rows[0].reason, 'test: platform report');
      return notes(trx);
    });
    assert.deepEqual(all, ['v1 a', 'v2 a', 'v1 b']);
  });

  it('ends the scope with its transaction, on the same connection as well', async () => {
    for (let i = 0; i < 5; i++) {
      await withTenant(db.knex, { vendorId: 1 }, (trx) => notes(trx));
      await withTenant(db.knex, { bypass: true, reason: 'test' }, (trx) => notes(trx));
      assert.deepEqual(await notes(), []);
    }
    await assert.rejects(
      withTenant(db.knex, { vendorId: 1 }, async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.deepEqual(await notes(), []);
  });

  it('nests in an open transaction and gives the outer scope back afterwards', async () => {
    await db.knex.transaction(async (trx) => {
      assert.deepEqual(await notes(trx), []);
      await withTenant(trx, { vendorId: 1 }, async (v1) => {
        assert.deepEqual(await notes(v1), ['v1 a', 'v1 b']);
        assert.deepEqual(await withTenant(v1, { vendorId: 2 }, (v2) => notes(v2)), ['v2 a']);
        assert.deepEqual(await notes(v1), ['v1 a', 'v1 b'], 'the inner scope outlived its savepoint');
        // A failed inner scope rolls back to its savepoint, and its settings with it.
        await assert.rejects(
          withTenant(v1, { bypass: true, reason: 'test' }, async () => {
            throw new Error('inner failure');
          }),
          /inner failure/,
        );
        assert.deepEqual(await notes(v1), ['v1 a', 'v1 b']);
      });
      assert.deepEqual(await notes(trx), [], 'the scope outlived withTenant inside a transaction');
    });
  });

  it('refuses a scope that is not one positive vendor id or a bypass with a reason', async () => {
    const bad: unknown[] = [
      { vendorId: 0 },
      { vendorId: -1 },
      { vendorId: 1.5 },
      { vendorId: Number.NaN },
      { vendorId: '1' },
      { bypass: true },
      { bypass: true, reason: '  ' },
      { bypass: 'yes', reason: 'r' },
      { vendorId: 1, bypass: true, reason: 'both' },
      {},
      null,
    ];
    for (const scope of bad) {
      await assert.rejects(
        withTenant(db.knex, scope as TenantScope, () => notes()),
        (err: Error & { code?: string }) => err.code === 'ORN_DB_TENANT_SCOPE',
        JSON.stringify(scope),
      );
    }
  });

  it('does not let the app role alter, drop, truncate or unprotect a tenant table', async () => {
    for (const sql of [
      'alter table tenant_notes disable row level security',
      'alter table tenant_notes no force row level security',
      'drop policy tenant_isolation on tenant_notes',
      'create policy open_door on tenant_notes using (true)',
      'alter table tenant_notes add column leaked text',
      'drop table tenant_notes',
      'truncate tenant_notes',
      'create table planted (vendor_id bigint)',
    ]) {
      await assert.rejects(db.knex.raw(sql), /must be owner|permission denied/, sql);
    }
    assert.deepEqual(await withTenant(db.knex, { vendorId: 2 }, (trx) => notes(trx)), ['v2 a']);
  });

  it('switches to the owner for migrations only, and back after', async () => {
    const who = (knex = db.knex) => knex.raw('select current_user as u').then((r) => r.rows[0].u as string);
    await db.knex.transaction(async (trx) => {
      assert.equal(await who(trx), db.appRole);
      const { asOwner } = await import('../../kernel/db/app-role.js');
      const inside = await asOwner(trx, () => who(trx));
      assert.notEqual(inside, db.appRole);
      assert.equal(await who(trx), db.appRole);
    });
    const owner = await ownerTransaction(db.knex, (trx) => who(trx));
    assert.notEqual(owner, db.appRole);
    assert.equal(await who(), db.appRole);
  });
});
