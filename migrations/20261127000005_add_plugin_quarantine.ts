import type { Knex } from 'knex';

/** A plugin that keeps failing on a platform is disabled there with the reason; an admin re-enables it. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('platform_plugins', (t) => {
    t.timestamp('quarantined_at', { useTz: true });
    t.text('quarantine_reason');
  });
  await knex.raw('alter table plugin_transitions drop constraint plugin_transitions_action_check');
  await knex.raw(
    "alter table plugin_transitions add constraint plugin_transitions_action_check check (action in ('install', 'upgrade', 'uninstall', 'enable', 'disable', 'quarantine'))",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex('plugin_transitions').where({ action: 'quarantine' }).delete();
  await knex.raw('alter table plugin_transitions drop constraint plugin_transitions_action_check');
  await knex.raw(
    "alter table plugin_transitions add constraint plugin_transitions_action_check check (action in ('install', 'upgrade', 'uninstall', 'enable', 'disable'))",
  );
  await knex.schema.alterTable('platform_plugins', (t) => {
    t.dropColumn('quarantined_at');
    t.dropColumn('quarantine_reason');
  });
}
