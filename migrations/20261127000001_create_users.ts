import type { Knex } from 'knex';

/**
 * Platform administrators and vendor users. Kept minimal here; the auth work adds memberships and roles.
 * Emails are unique case-insensitively (an expression index, since PGlite has no citext without an extension).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.bigIncrements('id');
    t.text('email').notNullable();
    t.text('password_hash');
    t.text('display_name').notNullable().defaultTo('');
    t.text('role').notNullable().checkIn(['super_admin', 'platform_admin', 'vendor_user']);
    t.boolean('is_active').notNullable().defaultTo(true);
    t.timestamp('last_login_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create unique index users_email_unique on users (lower(email))');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('users');
}
