import type { Knex } from 'knex';

/**
 * Plugin state, kept in the database so that it survives restarts and every process agrees on it:
 * - plugins: installed plugins (migrations applied) and the version installed;
 * - platform_plugins: which plugin is enabled on which platform, with its settings there;
 * - plugin_transitions: every install, upgrade, enable, disable and uninstall, with who, when and the outcome.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('plugins', (t) => {
    t.text('id').primary();
    t.text('version').notNullable();
    t.timestamp('installed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('last_error');
  });
  await knex.schema.createTable('platform_plugins', (t) => {
    t.bigInteger('platform_id').notNullable().references('platforms.id').onDelete('CASCADE');
    t.text('plugin_id').notNullable().references('plugins.id').onDelete('CASCADE');
    t.boolean('enabled').notNullable().defaultTo(false);
    t.jsonb('settings').notNullable().defaultTo('{}');
    t.text('changed_by');
    t.timestamp('changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['platform_id', 'plugin_id']);
  });
  await knex.schema.createTable('plugin_transitions', (t) => {
    t.bigIncrements('id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('plugin_id').notNullable();
    t.bigInteger('platform_id');
    t.text('action').notNullable().checkIn(['install', 'upgrade', 'uninstall', 'enable', 'disable']);
    t.text('from_state').notNullable();
    t.text('to_state').notNullable();
    t.text('version').notNullable();
    t.text('actor').notNullable();
    t.text('outcome').notNullable().checkIn(['ok', 'failed']);
    t.text('error');
    t.index(['plugin_id', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('plugin_transitions');
  await knex.schema.dropTable('platform_plugins');
  await knex.schema.dropTable('plugins');
}
