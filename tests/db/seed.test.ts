import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyPassword } from '../../kernel/auth/passwords.js';
import type { Database } from '../../kernel/db/database.js';
import { withTenant } from '../../kernel/db/tenant-scope.js';
import { DEMO_ADMIN, seedDemo } from '../../kernel/seed/demo.js';
import { ensureAdmin } from '../../kernel/seed/ensure-admin.js';
import { createTestDatabase } from '../../kernel/testing/test-database.js';

describe('administrator and demo seeding', () => {
  let db: Database;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.close());

  const user = (email: string) => db.knex('users').whereRaw('lower(email) = ?', [email.toLowerCase()]).first();

  it('creates the ORION_ADMIN_* administrator once, then leaves it alone', async () => {
    const admin = { email: 'Root@Example.com', password: 'first password' };
    assert.equal(await ensureAdmin(db.knex, admin, 4), 'created');
    assert.equal(await ensureAdmin(db.knex, admin, 4), 'unchanged');
    const row = await user(admin.email);
    assert.equal(row.email, 'root@example.com');
    assert.equal(row.role, 'super_admin');
    assert.ok(await verifyPassword('first password', row.password_hash));
    const audit = await withTenant(db.knex, { bypass: true, reason: 'test' }, (trx) =>
      trx('audit_log')
        .where({ target_id: String(row.id) })
        .pluck('action'),
    );
    assert.deepEqual(audit, ['user.created']);
  });

  it('resets the password and reactivates the account when the environment says so', async () => {
    await db.knex('users').whereRaw('lower(email) = ?', ['root@example.com']).update({ is_active: false });
    assert.equal(await ensureAdmin(db.knex, { email: 'root@example.com', password: 'second password' }, 4), 'updated');
    const row = await user('root@example.com');
    assert.equal(row.is_active, true);
    assert.ok(await verifyPassword('second password', row.password_hash));
    assert.equal(await verifyPassword('first password', row.password_hash), false);
  });

  it('seeds the demo once, without overwriting a password someone changed', async () => {
    const logins = await seedDemo(db.knex, 4);
    assert.deepEqual(logins[0], { area: 'admin', ...DEMO_ADMIN, where: 'POST /api/v1/admin/auth/login' });
    const counts = async () =>
      Promise.all(
        ['users', 'platforms', 'vendors', 'vendor_memberships', 'customers'].map((t) =>
          withTenant(db.knex, { bypass: true, reason: 'test' }, (trx) =>
            trx(t)
              .count('* as n')
              .first()
              .then((r) => Number(r?.n)),
          ),
        ),
      );
    const first = await counts();
    assert.deepEqual(first.slice(1), [2, 3, 7, 5]);
    await db.knex('users').where({ email: DEMO_ADMIN.email }).update({ password_hash: 'changed' });
    assert.deepEqual(await seedDemo(db.knex, 4), logins);
    assert.equal((await user(DEMO_ADMIN.email)).password_hash, 'changed');
    assert.deepEqual(await counts(), first);
  });

  it('refuses two accounts whose emails differ only in case', async () => {
    await assert.rejects(
      db.knex('users').insert({ email: 'ROOT@example.com', role: 'platform_admin' }),
      /users_email_unique/,
    );
  });
});
