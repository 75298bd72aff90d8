import { enableTenantRls, type Knex } from '@orion/sdk';

/**
 * Profiles and addresses of the kernel's shop customers, per vendor (tenant tables with row-level security). A
 * customer has at most one default address of each kind, enforced by a partial unique index.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('customer_profiles__profiles', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('customer_id').notNullable().references('customers.id').onDelete('CASCADE');
    t.text('company');
    t.date('birth_date');
    t.text('vat_number');
    t.boolean('marketing_email').notNullable().defaultTo(false);
    t.boolean('marketing_sms').notNullable().defaultTo(false);
    t.timestamp('consent_updated_at', { useTz: true });
    t.text('notes').notNullable().defaultTo('');
    t.timestamp('notes_updated_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['vendor_id', 'customer_id'], { indexName: 'customer_profiles__profiles_customer' });
  });
  await knex.schema.createTable('customer_profiles__addresses', (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('customer_id').notNullable().references('customers.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.boolean('is_default').notNullable().defaultTo(false);
    t.text('full_name').notNullable();
    t.text('company');
    t.text('line1').notNullable();
    t.text('line2');
    t.text('postal_code');
    t.text('city').notNullable();
    t.text('region');
    t.specificType('country', 'char(2)').notNullable();
    t.text('phone');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['vendor_id', 'customer_id'], 'customer_profiles__addresses_customer');
  });
  await knex.raw(
    "alter table customer_profiles__addresses add constraint customer_profiles__addresses_kind check (kind in ('shipping', 'billing'))",
  );
  await knex.raw(
    'create unique index customer_profiles__addresses_one_default on customer_profiles__addresses (vendor_id, customer_id, kind) where is_default',
  );
  await enableTenantRls(knex, 'customer_profiles__profiles');
  await enableTenantRls(knex, 'customer_profiles__addresses');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('customer_profiles__addresses');
  await knex.schema.dropTable('customer_profiles__profiles');
}
