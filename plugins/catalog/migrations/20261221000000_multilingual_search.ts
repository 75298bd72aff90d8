import type { Knex } from '@orion/sdk';
import { SEARCH_DOCUMENT_SQL } from '../src/rows.js';

/**
 * Recomputes every product's search document with the stems of English, French and German beside the words as
 * written (`SEARCH_DOCUMENT_SQL`), so that a search also matches other forms of its words.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `insert into catalog__search (vendor_id, doc_id, document)
     select p.vendor_id, p.id, ${SEARCH_DOCUMENT_SQL} from catalog__products p
     on conflict (vendor_id, doc_id) do update set document = excluded.document`,
  );
}

/** Back to the words as written only (version 1.2.0's documents). */
export async function down(knex: Knex): Promise<void> {
  await knex.raw(
    `update catalog__search s set document =
       setweight(to_tsvector('simple', p.title), 'A') ||
       setweight(to_tsvector('simple', coalesce(p.brand, '') || ' ' || coalesce(
         (select string_agg(v.sku, ' ') from catalog__variants v where v.vendor_id = p.vendor_id and v.product_id = p.id),
         '')), 'B') ||
       setweight(to_tsvector('simple', p.description_md), 'C')
     from catalog__products p where p.vendor_id = s.vendor_id and p.id = s.doc_id`,
  );
}
