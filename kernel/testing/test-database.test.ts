import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createKernelMigrator } from '../db/migrate.js';
import { createTestDatabase } from './test-database.js';

describe('createTestDatabase', () => {
  it('gives each caller its own database with the kernel migrations applied', async () => {
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    try {
      assert.deepEqual(await createKernelMigrator(a.knex).pending(), []);
      assert.ok(await a.knex.schema.hasTable('users'));
      await a.knex('users').insert({ email: 'only-in-a@example.com', role: 'super_admin' });
      assert.equal(await b.knex('users').where({ email: 'only-in-a@example.com' }).first(), undefined);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('gives an empty database when asked not to migrate', async () => {
    const db = await createTestDatabase({ migrate: false });
    try {
      assert.equal(await db.knex.schema.hasTable('users'), false);
    } finally {
      await db.close();
    }
  });
});
