import type { Knex } from 'knex';
import { enableTenantRls } from '../kernel/db/tenant-scope.js';

/**
 * The theme editor: a vendor's draft theme settings (previewed, not shown to shoppers until published into `theme`)
 * and the images its settings name (logo, favicon), stored by content hash so that their URLs can be cached forever.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('vendors', (t) => {
    t.jsonb('theme_draft');
  });
  await knex.schema.createTable('vendor_theme_assets', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable().references('vendors.id').onDelete('CASCADE');
    /** sha256 of the bytes, base64url, first 22 characters; the file name is `<hash>.<ext>`. */
    t.text('hash').notNullable();
    t.text('content_type').notNullable();
    t.binary('bytes').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_id', 'hash']);
  });
  await enableTenantRls(knex, 'vendor_theme_assets');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('vendor_theme_assets');
  await knex.schema.alterTable('vendors', (t) => {
    t.dropColumn('theme_draft');
  });
}
