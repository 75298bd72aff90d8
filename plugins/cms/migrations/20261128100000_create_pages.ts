import type { Knex } from '@orion/sdk';
import { enableTenantRls } from '@orion/sdk';

/**
 * Two families of tables. Platform pages (marketing and defaults) have no vendor_id: they are platform rows, read by
 * every shop of the platform and filtered by platform_id in every query. Vendor pages carry vendor_id and the
 * tenant_isolation policy, like every tenant table. See the plugin README, "Row-level security".
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cms__platform_pages', (t) => {
    t.bigIncrements('id');
    t.bigInteger('platform_id').notNullable().references('platforms.id').onDelete('CASCADE');
    t.text('tier').notNullable(); // 'marketing' | 'default'
    t.text('slug').notNullable();
    t.boolean('show_in_header').notNullable().defaultTo(false);
    t.boolean('show_in_footer').notNullable().defaultTo(false);
    t.integer('nav_order').notNullable().defaultTo(0);
    t.timestamp('published_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['platform_id', 'tier', 'slug'], { indexName: 'cms__platform_pages_slug' });
  });
  await knex.raw(
    "alter table cms__platform_pages add constraint cms__platform_pages_tier check (tier in ('marketing', 'default'))",
  );
  await knex.schema.createTable('cms__platform_page_translations', (t) => {
    t.bigInteger('page_id').notNullable().references('cms__platform_pages.id').onDelete('CASCADE');
    t.text('language').notNullable();
    t.text('title').notNullable();
    t.text('content').notNullable();
    t.text('seo_title');
    t.text('seo_description');
    t.primary(['page_id', 'language']);
  });

  await knex.schema.createTable('cms__vendor_pages', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.text('slug').notNullable();
    t.boolean('show_in_header').notNullable().defaultTo(false);
    t.boolean('show_in_footer').notNullable().defaultTo(false);
    t.integer('nav_order').notNullable().defaultTo(0);
    t.timestamp('published_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_id', 'slug'], { indexName: 'cms__vendor_pages_slug' });
  });
  await enableTenantRls(knex, 'cms__vendor_pages');
  await knex.schema.createTable('cms__vendor_page_translations', (t) => {
    t.bigInteger('page_id').notNullable().references('cms__vendor_pages.id').onDelete('CASCADE');
    t.bigInteger('vendor_id').notNullable();
    t.text('language').notNullable();
    t.text('title').notNullable();
    t.text('content').notNullable();
    t.text('seo_title');
    t.text('seo_description');
    t.primary(['page_id', 'language']);
    t.index(['vendor_id', 'page_id'], 'cms__vendor_page_translations_vendor');
  });
  await enableTenantRls(knex, 'cms__vendor_page_translations');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('cms__vendor_page_translations');
  await knex.schema.dropTable('cms__vendor_pages');
  await knex.schema.dropTable('cms__platform_page_translations');
  await knex.schema.dropTable('cms__platform_pages');
}
