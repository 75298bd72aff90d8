import type { Knex } from 'knex';
import { enableTenantRls, TENANT_SETTINGS } from './tenant-scope.js';

/**
 * Full-text search over tenant rows that a GIN index can serve.
 *
 * Under row-level security PostgreSQL evaluates a query's own conditions after the policy's, unless their functions
 * are leakproof, and an index condition is such an early evaluation: `@@` (ts_match_vq) is not leakproof, so on a
 * forced-RLS table a full-text query reads every row of the vendor and tests each one, however good its GIN index
 * (about 5 ms per 10,000 products here, CPU the database spends on every search). Marking functions leakproof needs
 * a superuser.
 *
 * A search index keeps the documents in a table of their own, with RLS enabled and the tenant policy, but not
 * forced: the app role is bound by the policy as on every tenant table, while the table's owner is not. Reads go
 * through a `SECURITY DEFINER` function owned by the owner (`<table>_match`), which applies the same rule as the
 * policy itself (the transaction's vendor, or the bypass) and can use the index. The policy check accepts such a
 * table unforced because the migration marks it with `SEARCH_INDEX_MARK`.
 */

/** The table comment that marks a search index (see `tenant-policy-check.ts`). */
export const SEARCH_INDEX_MARK = 'orion:tenant-search-index';

export interface TenantSearchIndexOptions {
  /**
   * The tenant table the documents describe: `doc_id` then references its `(vendor_id, id)` (which must be unique)
   * and a row's document goes when the row is deleted.
   */
  documents?: string;
}

/** The matching function of a search index. */
export const searchFunctionOf = (table: string) => `${table}_match`;

/**
 * In a migration: creates the search index `table` (`vendor_id`, `doc_id`, `document tsvector`, one document per
 * row of the vendor), its GIN index, its tenant policy, and `<table>_match(vendor, tsquery)`, which returns the
 * vendor's matching `doc_id`s with their `ts_rank`. Write documents with plain SQL as the app role (the policy
 * checks the vendor); read them with `tenantSearch`.
 */
export async function createTenantSearchIndex(
  knex: Knex,
  table: string,
  options: TenantSearchIndexOptions = {},
): Promise<void> {
  await knex.schema.createTable(table, (t) => {
    t.bigInteger('vendor_id').notNullable();
    t.bigInteger('doc_id').notNullable();
    t.specificType('document', 'tsvector').notNullable();
    t.primary(['vendor_id', 'doc_id']);
    if (options.documents) {
      t.foreign(['vendor_id', 'doc_id']).references(['vendor_id', 'id']).inTable(options.documents).onDelete('CASCADE');
    }
  });
  await knex.raw('create index ?? on ?? using gin (document)', [`${table}_document`, table]);
  await enableTenantRls(knex, table);
  await knex.raw('alter table ?? no force row level security', [table]);
  await knex.raw(`comment on table ?? is '${SEARCH_INDEX_MARK}'`, [table]);
  const { rows } = (await knex.raw('select current_schema() as schema')) as { rows: [{ schema: string }] };
  // A definer function must not let the caller's search_path pick the tables it reads. `rows 100`: a search's
  // typical matches, so the planner joins them by key instead of hashing the vendor's whole table (its default
  // guess for a function, 1000 rows, did that).
  await knex.raw(
    `create function ?? (p_vendor bigint, p_query tsquery) returns table (doc_id bigint, rank real)
     language sql stable security definer set search_path = pg_catalog, ??, pg_temp rows 100
     as $$
       select s.doc_id, ts_rank(s.document, p_query) from ?? s
       where s.vendor_id = p_vendor and s.document @@ p_query
         and (current_setting('${TENANT_SETTINGS.bypass}', true) = 'on'
              or p_vendor = nullif(current_setting('${TENANT_SETTINGS.vendor}', true), '')::bigint)
     $$`,
    [searchFunctionOf(table), rows[0].schema, table],
  );
}

/** In a down migration: drops the search index and its function. */
export async function dropTenantSearchIndex(knex: Knex, table: string): Promise<void> {
  await knex.raw('drop function if exists ?? (bigint, tsquery)', [searchFunctionOf(table)]);
  await knex.schema.dropTableIfExists(table);
}

/**
 * The vendor's documents in `table` matching `query` (a tsquery expression, e.g. `knex.raw("to_tsquery('simple',
 * ?)", [q])`), as a relation of `doc_id` and `rank` to join: the caller's transaction must be scoped to that vendor
 * (`withTenant`), or bypass, else it matches nothing.
 */
export function tenantSearch(knex: Knex, table: string, vendorId: number, query: Knex.Raw): Knex.Raw {
  return knex.raw('??(?::bigint, ?)', [searchFunctionOf(table), vendorId, query]);
}
