import { createTenantSearchIndex, dropTenantSearchIndex, type Knex } from '@orion/sdk';

/**
 * Moves the products' search documents into a tenant search index (`catalog__search`, see `createTenantSearchIndex`
 * in the plugin guide): under the products' forced row-level security PostgreSQL could not use their GIN index, so
 * every search tested each of the vendor's products. The index's own function can.
 */
export async function up(knex: Knex): Promise<void> {
  await createTenantSearchIndex(knex, 'catalog__search', { documents: 'catalog__products' });
  await knex.raw(
    'insert into catalog__search (vendor_id, doc_id, document) select vendor_id, id, search from catalog__products',
  );
  await knex.raw('drop index if exists catalog__products_search');
  await knex.schema.alterTable('catalog__products', (t) => t.dropColumn('search'));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('catalog__products', (t) => {
    t.specificType('search', 'tsvector').notNullable().defaultTo(knex.raw("''::tsvector"));
  });
  await knex.raw(
    'update catalog__products p set search = s.document from catalog__search s where s.vendor_id = p.vendor_id and s.doc_id = p.id',
  );
  await knex.raw('create index catalog__products_search on catalog__products using gin (search)');
  await dropTenantSearchIndex(knex, 'catalog__search');
}
