import type { Knex } from 'knex';
import { enableTenantRls } from '../kernel/db/tenant-scope.js';

/**
 * Vendor teams and shop customers. A vendor user (users.role = 'vendor_user') belongs to vendors through
 * memberships, each with a role: a named set of permission codes, per vendor (presets are copied in when a vendor
 * is created; vendors may add their own). Customers are accounts of one vendor's shop: the same email may be a
 * customer of two shops, with two passwords.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('vendor_roles', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable().references('vendors.id').onDelete('CASCADE');
    t.text('name').notNullable();
    /** The preset it was made from (owner, manager, staff, support, viewer); null for a custom role. */
    t.text('preset');
    t.specificType('permissions', 'text[]').notNullable().defaultTo(knex.raw("'{}'"));
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create unique index vendor_roles_name_unique on vendor_roles (vendor_id, lower(name))');

  await knex.schema.createTable('vendor_memberships', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable().references('vendors.id').onDelete('CASCADE');
    t.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.bigInteger('role_id').notNullable().references('vendor_roles.id');
    t.boolean('is_owner').notNullable().defaultTo(false);
    t.text('status').notNullable().defaultTo('invited').checkIn(['invited', 'active', 'disabled']);
    t.bigInteger('invited_by').references('users.id').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_id', 'user_id']);
    t.index(['user_id']);
  });

  await knex.schema.createTable('customers', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable().references('vendors.id').onDelete('CASCADE');
    t.text('email').notNullable();
    t.text('password_hash');
    t.text('first_name').notNullable().defaultTo('');
    t.text('last_name').notNullable().defaultTo('');
    t.text('phone');
    t.text('language');
    t.boolean('marketing_consent').notNullable().defaultTo(false);
    t.boolean('is_active').notNullable().defaultTo(true);
    t.timestamp('password_changed_at', { useTz: true });
    t.timestamp('last_login_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('deleted_at', { useTz: true });
  });
  await knex.raw('create unique index customers_email_unique on customers (vendor_id, lower(email))');
  for (const table of ['vendor_roles', 'vendor_memberships', 'customers']) await enableTenantRls(knex, table);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['customers', 'vendor_memberships', 'vendor_roles']) await knex.schema.dropTable(table);
}
