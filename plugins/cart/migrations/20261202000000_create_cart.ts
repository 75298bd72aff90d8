import { enableTenantRls, type Knex } from '@orion/sdk';

/**
 * Carts and their lines, per vendor (tenant tables with row-level security), and the plugin's cookie signing key
 * (one row, no vendor). Lines point at their cart by (vendor_id, cart_id), so a line can never sit in another
 * vendor's cart.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cart__carts', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('platform_id').notNullable();
    t.text('token_hash');
    t.bigInteger('customer_id');
    t.text('status').notNullable().defaultTo('open');
    t.text('currency');
    t.text('order_ref');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true });
    t.unique(['vendor_id', 'id'], { indexName: 'cart__carts_vendor_id' });
    t.unique(['vendor_id', 'token_hash'], { indexName: 'cart__carts_vendor_token' });
    t.index(['vendor_id', 'customer_id', 'status'], 'cart__carts_vendor_customer');
    t.index(['vendor_id', 'expires_at'], 'cart__carts_vendor_expiry');
  });
  await knex.raw(
    "create unique index cart__carts_one_open_per_customer on cart__carts (vendor_id, customer_id) where status = 'open' and customer_id is not null",
  );
  await knex.schema.createTable('cart__lines', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('cart_id').notNullable();
    t.bigInteger('variant_id').notNullable();
    t.integer('quantity').notNullable();
    t.bigInteger('unit_price_minor').notNullable();
    t.text('currency').notNullable();
    t.text('title').notNullable();
    t.text('sku').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['cart_id', 'variant_id'], { indexName: 'cart__lines_cart_variant' });
    t.foreign(['vendor_id', 'cart_id'], 'cart__lines_cart')
      .references(['vendor_id', 'id'])
      .inTable('cart__carts')
      .onDelete('CASCADE');
  });
  await knex.raw('alter table cart__lines add constraint cart__lines_quantity_positive check (quantity > 0)');
  await enableTenantRls(knex, 'cart__carts');
  await enableTenantRls(knex, 'cart__lines');
  await knex.schema.createTable('cart__keys', (t) => {
    t.increments('id');
    t.text('secret').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('cart__lines');
  await knex.schema.dropTable('cart__carts');
  await knex.schema.dropTable('cart__keys');
}
