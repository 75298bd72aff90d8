import { enableTenantRls, type Knex } from '@orion/sdk';

const TENANT_TABLES = [
  'catalog__categories',
  'catalog__products',
  'catalog__variants',
  'catalog__product_categories',
] as const;

/**
 * Products, variants and categories per vendor. Every table is a tenant table with row-level security. Links between
 * tables are composite foreign keys on (vendor_id, id), so a row can never point at another vendor's row, even by a
 * bug: foreign keys ignore the policy, the vendor column in the key does not.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('catalog__categories', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('parent_id');
    t.text('name').notNullable();
    t.text('slug').notNullable();
    t.integer('position').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_id', 'id'], { indexName: 'catalog__categories_vendor_id' });
    t.unique(['vendor_id', 'slug'], { indexName: 'catalog__categories_vendor_slug' });
    t.foreign(['vendor_id', 'parent_id'], 'catalog__categories_parent')
      .references(['vendor_id', 'id'])
      .inTable('catalog__categories')
      .onDelete('RESTRICT');
  });

  await knex.schema.createTable('catalog__products', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.text('title').notNullable();
    t.text('slug').notNullable();
    t.text('description_md').notNullable().defaultTo('');
    t.text('status').notNullable().defaultTo('draft');
    t.text('brand');
    t.text('gtin');
    t.text('gtin_type');
    t.integer('tax_rate_bp');
    t.boolean('featured').notNullable().defaultTo(false);
    t.text('seo_title');
    t.text('seo_description');
    t.jsonb('attributes').notNullable().defaultTo('{}');
    t.jsonb('options').notNullable().defaultTo('[]');
    t.specificType('search', 'tsvector').notNullable().defaultTo(knex.raw("''::tsvector"));
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('deleted_at', { useTz: true });
    t.unique(['vendor_id', 'id'], { indexName: 'catalog__products_vendor_id' });
    t.unique(['vendor_id', 'slug'], { indexName: 'catalog__products_vendor_slug' });
  });
  await knex.raw(
    "alter table catalog__products add constraint catalog__products_status check (status in ('draft', 'active', 'archived'))",
  );
  await knex.raw('create index catalog__products_search on catalog__products using gin (search)');
  await knex.raw(
    'create index catalog__products_listing on catalog__products (vendor_id, status, created_at desc, id desc) where deleted_at is null',
  );

  await knex.schema.createTable('catalog__variants', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('product_id').notNullable();
    t.text('sku').notNullable();
    t.jsonb('option_values').notNullable().defaultTo('{}');
    t.bigInteger('price_minor').notNullable();
    t.specificType('currency', 'char(3)').notNullable();
    t.bigInteger('compare_at_minor');
    t.integer('weight_grams');
    t.text('gtin');
    t.text('gtin_type');
    t.boolean('is_default').notNullable().defaultTo(false);
    t.integer('position').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_id', 'id'], { indexName: 'catalog__variants_vendor_id' });
    t.unique(['vendor_id', 'sku'], { indexName: 'catalog__variants_vendor_sku' });
    t.index(['vendor_id', 'product_id', 'price_minor'], 'catalog__variants_product_price');
    t.foreign(['vendor_id', 'product_id'], 'catalog__variants_product')
      .references(['vendor_id', 'id'])
      .inTable('catalog__products')
      .onDelete('CASCADE');
  });

  await knex.schema.createTable('catalog__product_categories', (t) => {
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('product_id').notNullable();
    t.bigInteger('category_id').notNullable();
    t.primary(['vendor_id', 'product_id', 'category_id']);
    t.index(['vendor_id', 'category_id', 'product_id'], 'catalog__product_categories_category');
    t.foreign(['vendor_id', 'product_id'], 'catalog__product_categories_product')
      .references(['vendor_id', 'id'])
      .inTable('catalog__products')
      .onDelete('CASCADE');
    t.foreign(['vendor_id', 'category_id'], 'catalog__product_categories_category_fk')
      .references(['vendor_id', 'id'])
      .inTable('catalog__categories')
      .onDelete('CASCADE');
  });

  for (const table of TENANT_TABLES) await enableTenantRls(knex, table);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [...TENANT_TABLES].reverse()) await knex.schema.dropTable(table);
}
