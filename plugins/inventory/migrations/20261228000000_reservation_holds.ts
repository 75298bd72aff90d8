import type { Knex } from '@orion/sdk';

/**
 * Holds: a reservation with an `expires_at` is a time-limited hold (a shopper's checkout, keyed by cart: `cart:<id>`),
 * null for an order's reservation. Expired open holds are released by the sweep, or by the next reservation that
 * touches their stock; the partial index finds them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('inventory__reservations', (t) => {
    t.timestamp('expires_at', { useTz: true });
  });
  await knex.raw(
    "create index inventory__reservations_expiring on inventory__reservations (expires_at) where status = 'reserved' and expires_at is not null",
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists inventory__reservations_expiring');
  await knex.schema.alterTable('inventory__reservations', (t) => {
    t.dropColumn('expires_at');
  });
}
