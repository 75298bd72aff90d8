import type { Knex } from 'knex';
import { enableTenantRls } from '../kernel/db/tenant-scope.js';

/**
 * Tenancy: a platform hosts companies (the legal owners) and their vendors (the shops). A vendor joins one or more
 * platforms (vendor_platforms, each with its own subdomain and status) and may serve its shop on verified custom
 * domains (vendor_domains). Platform administrators manage only the platforms listed in admin_platforms.
 * Codes, subdomains and domains are unique case-insensitively (expression indexes: PGlite has no citext).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('platforms', (t) => {
    t.jsonb('branding').notNullable().defaultTo('{}');
    t.text('default_language').notNullable().defaultTo('en');
  });

  await knex.schema.alterTable('users', (t) => {
    t.timestamp('password_changed_at', { useTz: true });
    t.timestamp('deleted_at', { useTz: true });
  });

  await knex.schema.createTable('admin_platforms', (t) => {
    t.bigInteger('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.bigInteger('platform_id').notNullable().references('platforms.id').onDelete('CASCADE');
    t.primary(['user_id', 'platform_id']);
  });

  await knex.schema.createTable('companies', (t) => {
    t.bigIncrements('id');
    t.text('name').notNullable();
    t.bigInteger('owner_user_id').references('users.id').onDelete('SET NULL');
    t.text('contact_email');
    t.text('contact_phone');
    t.text('website');
    t.jsonb('address').notNullable().defaultTo('{}');
    t.text('tax_number');
    t.boolean('is_active').notNullable().defaultTo(true);
    t.boolean('is_verified').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('deleted_at', { useTz: true });
  });

  await knex.schema.createTable('vendors', (t) => {
    t.bigIncrements('id');
    t.text('code').notNullable();
    t.text('name').notNullable();
    t.bigInteger('company_id').notNullable().references('companies.id');
    t.text('status').notNullable().defaultTo('active').checkIn(['active', 'suspended']);
    t.text('default_language').notNullable().defaultTo('en');
    t.specificType('languages', 'text[]').notNullable().defaultTo(knex.raw("'{en}'"));
    t.jsonb('theme').notNullable().defaultTo('{}');
    t.jsonb('settings').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('deleted_at', { useTz: true });
  });
  await knex.raw('create unique index vendors_code_unique on vendors (lower(code))');

  await knex.schema.createTable('vendor_platforms', (t) => {
    t.bigInteger('vendor_id').notNullable().references('vendors.id').onDelete('CASCADE');
    t.bigInteger('platform_id').notNullable().references('platforms.id').onDelete('CASCADE');
    t.text('subdomain').notNullable();
    t.text('status').notNullable().defaultTo('active').checkIn(['active', 'suspended']);
    t.jsonb('settings').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['vendor_id', 'platform_id']);
  });
  await knex.raw(
    'create unique index vendor_platforms_subdomain_unique on vendor_platforms (platform_id, lower(subdomain))',
  );

  await knex.schema.createTable('vendor_domains', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable().references('vendors.id').onDelete('CASCADE');
    t.bigInteger('platform_id').notNullable().references('platforms.id').onDelete('CASCADE');
    t.text('domain').notNullable();
    t.boolean('is_primary').notNullable().defaultTo(false);
    t.text('verification_token').notNullable();
    t.timestamp('verified_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create unique index vendor_domains_domain_unique on vendor_domains (lower(domain))');
  await knex.raw('create unique index vendor_domains_one_primary on vendor_domains (vendor_id) where is_primary');
  // Rows of one vendor: row-level security keeps them from every other vendor's transactions.
  for (const table of ['vendor_platforms', 'vendor_domains']) await enableTenantRls(knex, table);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['vendor_domains', 'vendor_platforms', 'vendors', 'companies', 'admin_platforms']) {
    await knex.schema.dropTable(table);
  }
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('password_changed_at');
    t.dropColumn('deleted_at');
  });
  await knex.schema.alterTable('platforms', (t) => {
    t.dropColumn('branding');
    t.dropColumn('default_language');
  });
}
