import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../kernel/db/database.js';
import { createKernelMigrator, createMigrator } from '../../kernel/db/migrate.js';
import { DIST } from '../../kernel/paths.js';
import { createTestDatabase } from '../../kernel/testing/test-database.js';

const fixtures = path.join(DIST, 'tests', 'fixtures', 'migrations');
const backend = process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite';

async function tableExists(db: Database, table: string): Promise<boolean> {
  return db.knex.schema.hasTable(table);
}

describe(`migrations on ${backend}`, () => {
  let db: Database;
  before(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  after(() => db.close());

  it('applies the kernel migrations, then rolls all of them back, then applies them again', async () => {
    const migrator = createKernelMigrator(db.knex);
    const pending = await migrator.pending();
    assert.ok(pending.includes('20261127000001_create_users'));
    assert.deepEqual(await migrator.latest(), pending);
    assert.ok(await tableExists(db, 'users'));
    assert.ok(await tableExists(db, 'audit_log'));
    assert.deepEqual(await migrator.pending(), []);

    assert.deepEqual((await migrator.rollback(true)).sort(), [...pending].sort());
    assert.equal(await tableExists(db, 'users'), false);
    assert.equal(await tableExists(db, 'audit_log'), false);

    await migrator.latest();
    assert.ok(await tableExists(db, 'users'));
  });

  it('keeps rows through an additive migration, and rolling it back removes only its column', async () => {
    const migrator = createMigrator(db.knex, {
      directory: path.join(fixtures, 'ok'),
      tableName: 'fixture_ok_migrations',
    });
    assert.equal(await migrator.up(), '20260101000001_create_widgets');
    await db.knex('widgets').insert({ name: 'Lamp', price_minor: 1999 });
    assert.equal(await migrator.up(), '20260101000002_add_widget_currency');
    assert.deepEqual(await db.knex('widgets').select('name', 'price_minor', 'currency'), [
      { name: 'Lamp', price_minor: 1999, currency: 'EUR' },
    ]);
    assert.deepEqual(await migrator.rollback(), ['20260101000002_add_widget_currency']);
    assert.deepEqual(await db.knex('widgets').select('*'), [{ id: 1, name: 'Lamp', price_minor: 1999 }]);
    await migrator.rollback(true);
    assert.equal(await tableExists(db, 'widgets'), false);
  });

  it('rolls back a batch with a failing migration completely and records none of it', async () => {
    const migrator = createMigrator(db.knex, {
      directory: path.join(fixtures, 'failing'),
      tableName: 'fixture_failing_migrations',
    });
    await assert.rejects(migrator.latest(), /no_such_table/);
    assert.equal(await tableExists(db, 'gadgets'), false, 'the failed migration left its table behind');
    // One batch is one transaction: the migration before it is undone too, so a retry starts from a clean state.
    assert.equal(await tableExists(db, 'widgets'), false);
    assert.deepEqual(await migrator.applied(), []);
    assert.deepEqual(await migrator.pending(), [
      '20260101000001_create_widgets',
      '20260101000002_add_gadgets_then_fail',
    ]);
  });

  it('returns int8 values and counts as numbers', async () => {
    const row = await db.knex.raw('select count(*) as c, 9007199254740991::int8 as big');
    assert.deepEqual(row.rows[0], { c: 1, big: 9007199254740991 });
  });
});
