import type { Knex } from 'knex';
import { disableTenantRls, enableTenantRls } from '../kernel/db/tenant-scope.js';

/**
 * Refresh sessions, one-time tokens (invitations, password resets) and vendor API keys. Every secret is stored as
 * a SHA-256 hash: a database dump does not hand out sessions or keys.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('auth_sessions', (t) => {
    t.uuid('id').primary();
    /** Sessions of one login share a family: a rotated refresh token used again revokes the whole family. */
    t.uuid('family_id').notNullable();
    t.text('area').notNullable().checkIn(['admin', 'vendor', 'shop']);
    t.bigInteger('user_id').references('users.id').onDelete('CASCADE');
    t.bigInteger('customer_id').references('customers.id').onDelete('CASCADE');
    /** The vendor a vendor or customer session is bound to; null for administrators. */
    t.bigInteger('vendor_id').references('vendors.id').onDelete('CASCADE');
    t.text('refresh_hash').notNullable().unique();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('rotated_at', { useTz: true });
    /** The session its refresh token was rotated into. */
    t.uuid('replaced_by');
    t.timestamp('revoked_at', { useTz: true });
    t.text('revoked_reason');
    t.text('ip');
    t.text('user_agent');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['family_id']);
    t.index(['user_id']);
    t.index(['customer_id']);
  });

  await knex.schema.createTable('auth_tokens', (t) => {
    t.bigIncrements('id');
    t.text('purpose').notNullable().checkIn(['invitation', 'password_reset']);
    t.bigInteger('user_id').references('users.id').onDelete('CASCADE');
    t.bigInteger('customer_id').references('customers.id').onDelete('CASCADE');
    t.bigInteger('vendor_id').references('vendors.id').onDelete('CASCADE');
    t.text('token_hash').notNullable().unique();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('api_keys', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable().references('vendors.id').onDelete('CASCADE');
    t.text('name').notNullable();
    /** The first characters of the key, shown in lists so that a key can be recognised without being stored. */
    t.text('prefix').notNullable();
    t.text('key_hash').notNullable().unique();
    t.specificType('permissions', 'text[]').notNullable().defaultTo(knex.raw("'{}'"));
    t.bigInteger('created_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
  });

  await knex.schema.alterTable('audit_log', (t) => {
    t.bigInteger('platform_id');
    t.bigInteger('vendor_id');
    t.jsonb('before');
    t.jsonb('after');
    t.index(['vendor_id', 'at']);
  });
  // Sessions, tokens and audit entries of administrators have no vendor: only system-scoped work reaches them.
  for (const table of ['auth_sessions', 'auth_tokens', 'api_keys', 'audit_log']) await enableTenantRls(knex, table);
}

export async function down(knex: Knex): Promise<void> {
  await disableTenantRls(knex, 'audit_log');
  await knex.schema.alterTable('audit_log', (t) => {
    t.dropIndex(['vendor_id', 'at']);
    for (const c of ['platform_id', 'vendor_id', 'before', 'after']) t.dropColumn(c);
  });
  for (const table of ['api_keys', 'auth_tokens', 'auth_sessions']) await knex.schema.dropTable(table);
}
