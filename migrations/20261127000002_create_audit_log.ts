import type { Knex } from 'knex';

/** Who did what to which target, when and from where. Append-only; written by the kernel and by plugins. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('actor_user_id').references('users.id').onDelete('SET NULL');
    t.text('actor_label').notNullable().defaultTo('system');
    t.text('action').notNullable();
    t.text('target_type');
    t.text('target_id');
    t.jsonb('details').notNullable().defaultTo('{}');
    t.text('ip');
    t.text('user_agent');
    t.text('request_id');
    t.index(['at']);
    t.index(['target_type', 'target_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log');
}
