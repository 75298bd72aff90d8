import type { Knex } from 'knex';

/**
 * A vendor's published theme on one platform, when it differs from the shop's (`vendors.theme`). Null: the platform
 * shows the shop's theme.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('vendor_platforms', (t) => {
    t.jsonb('theme');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('vendor_platforms', (t) => {
    t.dropColumn('theme');
  });
}
