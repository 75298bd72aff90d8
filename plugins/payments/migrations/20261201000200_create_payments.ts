import { enableTenantRls, type Knex } from '@orion/sdk';

const TENANT_TABLES = ['payments__payments', 'payments__transactions', 'payments__webhook_events'] as const;

/**
 * Payments per vendor: one row per payment (an order's authorization and what became of it), its transactions
 * (authorize, capture, refund, void, each with the provider's answer), and the webhook events already handled, so a
 * replayed callback changes nothing. Order references are opaque text: payments does not know the orders plugin.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('payments__payments', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.text('order_ref').notNullable();
    t.text('provider').notNullable();
    t.text('provider_ref').notNullable();
    t.text('status').notNullable();
    t.text('currency').notNullable();
    t.bigInteger('amount_minor').notNullable();
    t.bigInteger('captured_minor').notNullable().defaultTo(0);
    t.bigInteger('refunded_minor').notNullable().defaultTo(0);
    t.text('card_last4');
    t.text('message');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_id', 'provider', 'provider_ref'], { indexName: 'payments__payments_provider_ref' });
    t.index(['vendor_id', 'order_ref'], 'payments__payments_order');
  });
  await knex.raw(
    `alter table payments__payments add constraint payments__payments_amounts
     check (amount_minor >= 0 and captured_minor >= 0 and refunded_minor >= 0 and refunded_minor <= captured_minor)`,
  );

  await knex.schema.createTable('payments__transactions', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('payment_id').notNullable().references('payments__payments.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.text('status').notNullable();
    t.bigInteger('amount_minor').notNullable();
    t.text('actor').notNullable();
    t.text('message');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['vendor_id', 'payment_id', 'id'], 'payments__transactions_payment');
  });

  await knex.schema.createTable('payments__webhook_events', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.text('provider').notNullable();
    t.text('event_id').notNullable();
    t.bigInteger('payment_id');
    t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_id', 'provider', 'event_id'], { indexName: 'payments__webhook_events_once' });
  });

  for (const table of TENANT_TABLES) await enableTenantRls(knex, table);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [...TENANT_TABLES].reverse()) await knex.schema.dropTable(table);
}
