import type { Knex } from 'knex';

/**
 * Platforms: the business offerings one deployment hosts, each with its own domain and set of enabled plugins.
 * Minimal here (the tenancy work adds branding, companies and vendors). One platform is the default: it answers
 * hosts that match no platform's domain, so a fresh install works on localhost.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('platforms', (t) => {
    t.bigIncrements('id');
    t.text('code').notNullable();
    t.text('name').notNullable();
    t.text('domain');
    t.boolean('is_default').notNullable().defaultTo(false);
    t.boolean('is_active').notNullable().defaultTo(true);
    t.jsonb('settings').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create unique index platforms_code_unique on platforms (lower(code))');
  await knex.raw('create unique index platforms_domain_unique on platforms (lower(domain)) where domain is not null');
  await knex.raw('create unique index platforms_one_default on platforms (is_default) where is_default');
  await knex('platforms').insert({ code: 'main', name: 'Orion', domain: 'localhost', is_default: true });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('platforms');
}
