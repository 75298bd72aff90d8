import { enableTenantRls, type Knex } from '@orion/sdk';

/**
 * Product images: one row per uploaded image, its bytes and thumbnails in the media storage (`storage_key`,
 * `thumbs`). A composite foreign key on (vendor_id, product_id) keeps an image with its own vendor's product.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('catalog__product_images', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('product_id').notNullable();
    t.text('storage_key').notNullable();
    t.text('content_type').notNullable();
    t.integer('width').notNullable();
    t.integer('height').notNullable();
    t.integer('size_bytes').notNullable();
    t.text('alt').notNullable().defaultTo('');
    t.integer('position').notNullable().defaultTo(0);
    // [{ width, height, key }] of each resized copy (webp).
    t.jsonb('thumbs').notNullable().defaultTo('[]');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_id', 'id'], { indexName: 'catalog__product_images_vendor_id' });
    t.index(['vendor_id', 'product_id', 'position'], 'catalog__product_images_product');
    t.foreign(['vendor_id', 'product_id'], 'catalog__product_images_product_fk')
      .references(['vendor_id', 'id'])
      .inTable('catalog__products')
      .onDelete('CASCADE');
  });
  await enableTenantRls(knex, 'catalog__product_images');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('catalog__product_images');
}
