import { enableTenantRls, type Knex } from '@orion/sdk';

/**
 * Shipping methods per vendor, and checkout sessions (one per cart: the steps filled in so far, the fingerprint of
 * the reviewed cart, and the order once placed). Both are tenant tables with row-level security.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('checkout__shipping_methods', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.text('name').notNullable();
    t.text('kind').notNullable();
    t.bigInteger('amount_minor').notNullable().defaultTo(0);
    t.bigInteger('free_above_minor');
    t.text('currency').notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('position').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['vendor_id', 'active', 'position'], 'checkout__shipping_methods_vendor');
  });
  await knex.raw(
    "alter table checkout__shipping_methods add constraint checkout__shipping_methods_kind check (kind in ('flat', 'free_above', 'pickup'))",
  );
  await knex.raw(
    'alter table checkout__shipping_methods add constraint checkout__shipping_methods_amounts check (amount_minor >= 0 and (free_above_minor is null or free_above_minor >= 0))',
  );
  await knex.schema.createTable('checkout__sessions', (t) => {
    t.text('id').primary();
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('platform_id').notNullable();
    t.bigInteger('cart_id').notNullable();
    t.bigInteger('customer_id');
    t.jsonb('contact');
    t.jsonb('shipping_address');
    t.bigInteger('shipping_method_id');
    t.text('payment_provider');
    t.text('reviewed_hash');
    t.bigInteger('order_id');
    t.integer('order_number');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['vendor_id', 'cart_id'], 'checkout__sessions_vendor_cart');
  });
  await enableTenantRls(knex, 'checkout__shipping_methods');
  await enableTenantRls(knex, 'checkout__sessions');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('checkout__sessions');
  await knex.schema.dropTable('checkout__shipping_methods');
}
