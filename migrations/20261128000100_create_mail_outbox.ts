import type { Knex } from 'knex';
import { enableTenantRls } from '../kernel/db/tenant-scope.js';

/**
 * Mail kept by the log transport (SMTP_URL unset): what Orion would have sent, for the admin pages and the tests.
 * No foreign keys: the outbox is a record, and must keep a mail even when its platform or vendor goes away.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('mail_outbox', (t) => {
    t.bigIncrements('id');
    t.text('to').notNullable();
    t.text('from').notNullable();
    t.text('subject').notNullable();
    t.text('text').notNullable();
    t.text('html');
    t.text('tag');
    t.bigInteger('platform_id');
    t.bigInteger('vendor_id');
    t.text('transport').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['created_at']);
  });
  await knex.raw('create index mail_outbox_to on mail_outbox (lower("to"), created_at)');
  // A vendor's mail (order confirmations, invitations) is its tenant data; the outbox is read system-scoped.
  await enableTenantRls(knex, 'mail_outbox');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('mail_outbox');
}
