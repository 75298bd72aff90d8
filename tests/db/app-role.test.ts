import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { provisionAppRole, type RawConnection } from '../../kernel/db/app-role.js';
import { createDatabase, type Database } from '../../kernel/db/database.js';
import { createTestDatabase } from '../../kernel/testing/test-database.js';

const backend = process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite';

describe(`the app role (${backend})`, () => {
  let db: Database;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.close());

  /** Pool connections as the owner they connected as, for `n` concurrent provisionings. */
  async function asOwnerConnections<T>(n: number, fn: (conns: RawConnection[]) => Promise<T>): Promise<T> {
    const client = db.knex.client as {
      acquireConnection(): Promise<RawConnection>;
      releaseConnection(c: unknown): Promise<void>;
    };
    const conns = await Promise.all(Array.from({ length: n }, () => client.acquireConnection()));
    try {
      for (const c of conns) await c.query('reset role');
      return await fn(conns);
    } finally {
      for (const c of conns) {
        await c.query(`set role ${c.escapeIdentifier(db.appRole)}`);
        await client.releaseConnection(c);
      }
    }
  }

  it('is created once however many processes provision it at the same time, and provisioning can run again', async () => {
    // Roles are cluster-wide on a server: use a name no other test shares, and remove it afterwards.
    const role = `orion_race_${crypto.randomBytes(4).toString('hex')}`;
    const n = db.kind === 'postgres' ? 4 : 1; // PGlite is one connection
    await asOwnerConnections(n, async (conns) => {
      try {
        await Promise.all(conns.map((c) => provisionAppRole(c, role)));
        await provisionAppRole(conns[0] as RawConnection, role);
        const { rows } = await (conns[0] as RawConnection).query(
          "select has_table_privilege($1, 'users', 'select, insert, update, delete') as dml, has_table_privilege($1, 'users', 'truncate') as truncate",
          [role],
        );
        assert.deepEqual(rows, [{ dml: true, truncate: false }]);
      } finally {
        const c = conns[0] as RawConnection;
        await c.query(`drop owned by ${c.escapeIdentifier(role)}`);
        await c.query(`drop role ${c.escapeIdentifier(role)}`);
      }
    });
  });

  it('refuses a superuser, the connecting user, or a name that is not a plain role name', async () => {
    await asOwnerConnections(1, async ([conn]) => {
      const c = conn as RawConnection;
      const { rows } = await c.query('select session_user as me');
      const me = String(rows[0]?.me);
      await assert.rejects(provisionAppRole(c, me), /must not be the user Orion connects as/);
      await assert.rejects(provisionAppRole(c, 'Orion-App'), /lower-case role name/);
      await assert.rejects(provisionAppRole(c, 'x"; drop table users; --'), /lower-case role name/);
    });
  });

  it('grants data access to tables created later by the owner, so new migrations need no grants', async () => {
    const { ownerTransaction } = await import('../../kernel/db/app-role.js');
    await ownerTransaction(db.knex, (trx) =>
      trx.schema.createTable('later_table', (t) => {
        t.increments('id');
        t.text('name');
      }),
    );
    await db.knex('later_table').insert({ name: 'written by the app role' });
    assert.deepEqual(await db.knex('later_table').pluck('name'), ['written by the app role']);
    await ownerTransaction(db.knex, (trx) => trx.schema.dropTable('later_table'));
  });

  it('stops the pool with ORN_DB_APP_ROLE when DATABASE_APP_ROLE names a superuser', async () => {
    if (db.kind !== 'postgres') return; // an embedded database is one process's own: the test database is enough
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${db.location.split('/').pop()}`;
    const other = await createDatabase({
      url: url.toString(),
      pgliteDir: 'memory://',
      appRole: 'postgres',
      poolMax: 1,
    });
    try {
      await assert.rejects(other.knex.raw('select 1'), /must not be the user Orion connects as|superuser/);
    } finally {
      await other.close();
    }
  });
});
