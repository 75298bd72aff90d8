import { enableTenantRls, type Knex } from '@orion/sdk';

const TENANT_TABLES = [
  'inventory__locations',
  'inventory__stock',
  'inventory__adjustments',
  'inventory__reservations',
] as const;

/**
 * Locations, stock levels, the adjustment history and reservations, per vendor. Variant ids are the catalog's; the
 * catalog's tables are not referenced (they belong to another plugin), so inventory checks variants through the
 * `catalog.variants` service. The checks on stock make overselling impossible at the database level too:
 * `0 <= reserved <= on_hand`.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('inventory__locations', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.text('name').notNullable();
    t.boolean('is_default').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_id', 'id'], { indexName: 'inventory__locations_vendor_id' });
    t.unique(['vendor_id', 'name'], { indexName: 'inventory__locations_vendor_name' });
  });
  await knex.raw(
    'create unique index inventory__locations_one_default on inventory__locations (vendor_id) where is_default',
  );

  await knex.schema.createTable('inventory__stock', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('variant_id').notNullable();
    t.bigInteger('location_id').notNullable();
    t.integer('on_hand').notNullable().defaultTo(0);
    t.integer('reserved').notNullable().defaultTo(0);
    t.integer('low_stock_threshold');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_id', 'variant_id', 'location_id'], { indexName: 'inventory__stock_vendor_variant_location' });
    t.foreign(['vendor_id', 'location_id'], 'inventory__stock_location')
      .references(['vendor_id', 'id'])
      .inTable('inventory__locations')
      .onDelete('RESTRICT');
  });
  await knex.raw(
    'alter table inventory__stock add constraint inventory__stock_never_oversold check (reserved >= 0 and on_hand >= reserved)',
  );

  await knex.schema.createTable('inventory__adjustments', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('variant_id').notNullable();
    t.bigInteger('location_id').notNullable();
    t.integer('delta').notNullable();
    t.integer('on_hand_after').notNullable();
    t.text('reason').notNullable();
    t.text('note');
    t.text('actor').notNullable();
    t.text('order_ref');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['vendor_id', 'variant_id', 'id'], 'inventory__adjustments_variant');
  });

  await knex.schema.createTable('inventory__reservations', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.text('order_ref').notNullable();
    t.bigInteger('variant_id').notNullable();
    t.bigInteger('location_id').notNullable();
    t.integer('quantity').notNullable();
    t.text('status').notNullable().defaultTo('reserved');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['vendor_id', 'order_ref'], 'inventory__reservations_order');
  });
  await knex.raw(
    "alter table inventory__reservations add constraint inventory__reservations_status check (status in ('reserved', 'released', 'committed'))",
  );

  for (const table of TENANT_TABLES) await enableTenantRls(knex, table);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [...TENANT_TABLES].reverse()) await knex.schema.dropTable(table);
}
