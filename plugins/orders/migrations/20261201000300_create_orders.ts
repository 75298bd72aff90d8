import { enableTenantRls, type Knex } from '@orion/sdk';

const TENANT_TABLES = [
  'orders__counters',
  'orders__orders',
  'orders__lines',
  'orders__status_history',
  'orders__idempotency_keys',
] as const;

/**
 * Orders per vendor. Lines and the customer and addresses are snapshots taken when the order is placed: a product
 * renamed or repriced later leaves past orders as they were. `ref` is the order's reference towards inventory's
 * reservations and payments (opaque to them). Amounts are integer minor units in the order's currency.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('orders__counters', (t) => {
    t.bigInteger('vendor_id').primary();
    t.integer('last_number').notNullable();
  });

  await knex.schema.createTable('orders__orders', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('platform_id').notNullable();
    t.integer('number').notNullable();
    t.text('ref').notNullable();
    t.text('channel').notNullable().defaultTo('direct');
    t.text('status').notNullable().defaultTo('pending');
    t.text('currency').notNullable();
    t.bigInteger('customer_id');
    t.text('email').notNullable();
    t.jsonb('customer').notNullable();
    t.jsonb('shipping_address').notNullable();
    t.jsonb('billing_address').notNullable();
    t.bigInteger('subtotal_minor').notNullable();
    t.bigInteger('shipping_minor').notNullable();
    t.bigInteger('tax_minor').notNullable();
    t.bigInteger('discount_minor').notNullable();
    t.bigInteger('total_minor').notNullable();
    t.bigInteger('refunded_minor').notNullable().defaultTo(0);
    t.boolean('prices_include_tax').notNullable();
    t.text('payment_provider').notNullable();
    t.text('tracking_number');
    t.text('carrier');
    t.text('note');
    t.timestamp('placed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_id', 'number'], { indexName: 'orders__orders_vendor_number' });
    t.unique(['vendor_id', 'ref'], { indexName: 'orders__orders_vendor_ref' });
    t.unique(['vendor_id', 'id'], { indexName: 'orders__orders_vendor_id' });
    t.index(['vendor_id', 'status', 'placed_at'], 'orders__orders_status');
    t.index(['vendor_id', 'placed_at'], 'orders__orders_placed');
    t.index(['vendor_id', 'email'], 'orders__orders_email');
  });
  await knex.raw(
    `alter table orders__orders add constraint orders__orders_status_check
     check (status in ('pending', 'paid', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded'))`,
  );
  await knex.raw(
    'alter table orders__orders add constraint orders__orders_refund_check check (refunded_minor >= 0 and refunded_minor <= total_minor)',
  );

  await knex.schema.createTable('orders__lines', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('order_id').notNullable();
    t.integer('position').notNullable();
    t.bigInteger('variant_id').notNullable();
    t.bigInteger('product_id').notNullable();
    t.text('title').notNullable();
    t.jsonb('option_values').notNullable();
    t.text('sku').notNullable();
    t.text('gtin');
    t.integer('quantity').notNullable();
    t.bigInteger('unit_price_minor').notNullable();
    t.integer('tax_rate_bp').notNullable();
    t.bigInteger('line_total_minor').notNullable();
    t.bigInteger('discount_minor').notNullable();
    t.bigInteger('tax_minor').notNullable();
    t.foreign(['vendor_id', 'order_id'], 'orders__lines_order')
      .references(['vendor_id', 'id'])
      .inTable('orders__orders');
    t.index(['vendor_id', 'order_id'], 'orders__lines_by_order');
  });

  await knex.schema.createTable('orders__status_history', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('order_id').notNullable();
    t.text('from_status');
    t.text('to_status').notNullable();
    t.text('actor').notNullable();
    t.text('note');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.foreign(['vendor_id', 'order_id'], 'orders__history_order')
      .references(['vendor_id', 'id'])
      .inTable('orders__orders');
    t.index(['vendor_id', 'order_id', 'id'], 'orders__history_by_order');
  });

  await knex.schema.createTable('orders__idempotency_keys', (t) => {
    t.bigInteger('vendor_id').notNullable();
    t.text('key').notNullable();
    t.text('request_hash').notNullable();
    t.text('status').notNullable().defaultTo('in_flight');
    t.bigInteger('order_id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['vendor_id', 'key'], { constraintName: 'orders__idempotency_keys_pk' });
  });

  for (const table of TENANT_TABLES) await enableTenantRls(knex, table);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [...TENANT_TABLES].reverse()) await knex.schema.dropTable(table);
}
