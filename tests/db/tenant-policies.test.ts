import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ownerTransaction } from '../../kernel/db/app-role.js';
import type { Database } from '../../kernel/db/database.js';
import { createMigrator } from '../../kernel/db/migrate.js';
import {
  assertTenantTablesHavePolicies,
  enableTenantRls,
  findTenantTablesWithoutPolicy,
} from '../../kernel/db/tenant-scope.js';
import { DIST, ROOT } from '../../kernel/paths.js';
import { discoverPlugins } from '../../kernel/plugins/discover.js';
import { applyPluginMigrations } from '../../kernel/plugins/plugin-migrations.js';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestDatabase } from '../../kernel/testing/test-database.js';

const backend = process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite';
/** Plugin folders whose migrations must leave every tenant table protected, in upgrade order. */
const PLUGIN_ROOTS = [
  'plugins',
  'tests/fixtures/plugins',
  'tests/fixtures/plugins-v2',
  'tests/fixtures/plugins-tenant',
];

describe(`every tenant table has row-level security (${backend})`, () => {
  let db: Database;
  before(async () => {
    db = await createTestDatabase(); // the kernel migrations
  });
  after(() => db.close());

  it('holds after the kernel migrations and the migrations of every plugin in the repository', async () => {
    await createMigrator(db.knex, {
      directory: path.join(DIST, 'tests', 'fixtures', 'migrations', 'tenant'),
      tableName: 'fixture_tenant_migrations',
    }).latest();
    let applied = 0;
    for (const root of PLUGIN_ROOTS) {
      const { found } = await discoverPlugins({ roots: [path.join(ROOT, root)] });
      for (const plugin of found) {
        const ran = await db.knex.transaction((trx) =>
          applyPluginMigrations(trx, plugin.manifest.id, plugin.migrationsDir),
        );
        applied += ran.length;
      }
    }
    assert.ok(applied >= 3, 'no plugin migration ran: the test checks nothing');
    await assertTenantTablesHavePolicies(db.knex);
    const protectedTables = await db.knex.raw(
      "select relname from pg_class where relname in ('tenant_notes', 'vendor_notes__notes') and relforcerowsecurity",
    );
    assert.equal(protectedTables.rows.length, 2);
  });

  it('names each table that lacks the policy, RLS, FORCE, or has a policy that widens access', async () => {
    const bad = ['bad_no_rls', 'bad_not_forced', 'bad_open_door', 'bad_wrong_policy', 'bad_view', 'good_table'];
    await ownerTransaction(db.knex, async (trx) => {
      for (const table of bad.filter((t) => t.startsWith('bad_') && t !== 'bad_view').concat('good_table')) {
        await trx.schema.createTable(table, (t) => {
          t.bigInteger('vendor_id');
        });
      }
      await enableTenantRls(trx, 'good_table');
      await trx.raw('alter table bad_not_forced enable row level security');
      await trx.raw(
        "create policy tenant_isolation on bad_not_forced using (vendor_id = current_setting('orion.vendor_id', true)::bigint)",
      );
      await enableTenantRls(trx, 'bad_open_door');
      await trx.raw('create policy open_door on bad_open_door for select using (true)');
      await trx.raw('alter table bad_wrong_policy enable row level security, force row level security');
      await trx.raw('create policy tenant_isolation on bad_wrong_policy using (true)');
      await trx.raw('create view bad_view as select * from good_table');
      await trx.raw('create view good_view with (security_invoker = true) as select * from good_table');
    });
    try {
      assert.deepEqual(await findTenantTablesWithoutPolicy(db.knex), [
        {
          table: 'bad_no_rls',
          problems: [
            'row-level security is not enabled',
            'row-level security is not forced',
            'no tenant_isolation policy',
          ],
        },
        {
          table: 'bad_not_forced',
          problems: [
            'row-level security is not forced',
            'tenant_isolation does not check orion.vendor_id for every command and role, on read and write',
          ],
        },
        { table: 'bad_open_door', problems: ['permissive policy open_door widens access'] },
        { table: 'bad_view', problems: ['a view without security_invoker = true reads past row-level security'] },
        {
          table: 'bad_wrong_policy',
          problems: ['tenant_isolation does not check orion.vendor_id for every command and role, on read and write'],
        },
      ]);
      await assert.rejects(
        assertTenantTablesHavePolicies(db.knex),
        /tenant tables without row-level security: bad_no_rls \(row-level security is not enabled; .*bad_wrong_policy/,
      );
    } finally {
      await ownerTransaction(db.knex, async (trx) => {
        await trx.raw('drop view bad_view, good_view');
        for (const table of bad.filter((t) => t !== 'bad_view')) await trx.schema.dropTable(table);
      });
    }
    await assertTenantTablesHavePolicies(db.knex);
  });

  it('warns at kernel start-up outside production, naming the table, and starts anyway', async () => {
    await ownerTransaction(db.knex, (trx) => trx.raw('create table forgot_policy (id int, vendor_id bigint)'));
    const kernel = await startTestKernel({ database: db, keepDatabaseOpen: true });
    try {
      const warning = kernel.logs.find((l) => String(l.msg).startsWith('tenant tables without row-level security'));
      assert.equal(warning?.level, 'warn');
      assert.deepEqual(warning?.tables, ['forgot_policy']);
      assert.equal((await kernel.request('/health/ready')).status, 200);
    } finally {
      await kernel.stop();
      await ownerTransaction(db.knex, (trx) => trx.raw('drop table forgot_policy'));
    }
  });
});
