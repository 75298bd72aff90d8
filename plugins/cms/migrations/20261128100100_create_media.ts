import type { Knex } from '@orion/sdk';
import { enableTenantRls } from '@orion/sdk';

/** A vendor's media library: the files' metadata; the bytes live in the media storage (a folder by default). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cms__media', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.text('filename').notNullable();
    t.text('content_type').notNullable();
    t.integer('size_bytes').notNullable();
    t.text('storage_key').notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['vendor_id', 'id'], 'cms__media_vendor');
  });
  await enableTenantRls(knex, 'cms__media');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('cms__media');
}
