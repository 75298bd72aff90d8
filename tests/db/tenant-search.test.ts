import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ownerTransaction } from '../../kernel/db/app-role.js';
import type { Database } from '../../kernel/db/database.js';
import { findTenantTablesWithoutPolicy, withTenant } from '../../kernel/db/tenant-scope.js';
import { createTenantSearchIndex, dropTenantSearchIndex, tenantSearch } from '../../kernel/db/tenant-search.js';
import { createTestDatabase } from '../../kernel/testing/test-database.js';

const backend = process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite';
const TABLE = 'fixture_search';

describe(`tenant search index (${backend})`, () => {
  let db: Database;
  const match = (trx: Database['knex'], vendorId: number, words: string) =>
    trx
      .select('doc_id', 'rank')
      .from(trx.raw('? as s', [tenantSearch(trx, TABLE, vendorId, trx.raw("to_tsquery('simple', ?)", [words]))]))
      .orderBy('rank', 'desc')
      .then((rows: { doc_id: string | number }[]) => rows.map((r) => Number(r.doc_id)));

  before(async () => {
    db = await createTestDatabase();
    await ownerTransaction(db.knex, (trx) => createTenantSearchIndex(trx, TABLE));
    const docs: Array<[number, number, string]> = [
      [1, 10, 'blue linen shirt'],
      [1, 11, 'red wool jacket'],
      [1, 12, 'blue mug'],
      [2, 20, 'blue linen shirt from another shop'],
    ];
    for (const [vendorId, docId, text] of docs) {
      // Written as the app role, in the vendor's scope: the policy checks the vendor as on any tenant table.
      await withTenant(db.knex, { vendorId }, (trx) =>
        trx.raw(`insert into ${TABLE} (vendor_id, doc_id, document) values (?, ?, to_tsvector('simple', ?))`, [
          vendorId,
          docId,
          text,
        ]),
      );
    }
  });
  after(async () => {
    await ownerTransaction(db.knex, (trx) => dropTenantSearchIndex(trx, TABLE));
    await db.close();
  });

  it("finds the scoped vendor's matching documents, best rank first, and no other vendor's", async () => {
    assert.deepEqual(
      (await withTenant(db.knex, { vendorId: 1 }, (trx) => match(trx, 1, 'blue:* & shi:*'))).sort(),
      [10],
    );
    assert.deepEqual((await withTenant(db.knex, { vendorId: 1 }, (trx) => match(trx, 1, 'blue'))).sort(), [10, 12]);
    assert.deepEqual(await withTenant(db.knex, { vendorId: 2 }, (trx) => match(trx, 2, 'blue')), [20]);
  });

  it("matches nothing for another vendor's id, or with no tenant scope", async () => {
    assert.deepEqual(await withTenant(db.knex, { vendorId: 1 }, (trx) => match(trx, 2, 'blue')), []);
    assert.deepEqual(await db.knex.transaction((trx) => match(trx, 1, 'blue')), []);
  });

  it('serves a transaction that bypasses with a reason, for the vendor it names', async () => {
    const found = await withTenant(db.knex, { bypass: true, reason: 'test' }, (trx) => match(trx, 2, 'shirt'));
    assert.deepEqual(found, [20]);
  });

  it('keeps the table itself behind the tenant policy for the app role, on reads and writes', async () => {
    const seen = await withTenant(db.knex, { vendorId: 1 }, (trx) => trx(TABLE).pluck('doc_id'));
    assert.deepEqual(seen.map(Number).sort(), [10, 11, 12]);
    await assert.rejects(
      withTenant(db.knex, { vendorId: 1 }, (trx) =>
        trx.raw(`insert into ${TABLE} (vendor_id, doc_id, document) values (2, 99, 'x'::tsvector)`),
      ),
      /row-level security/,
    );
  });

  it('passes the tenant policy check although its RLS is not forced; a plain unforced table does not', async () => {
    assert.deepEqual(
      (await findTenantTablesWithoutPolicy(db.knex)).map((t) => t.table),
      [],
    );
    await ownerTransaction(db.knex, (trx) => trx.raw(`comment on table ${TABLE} is null`));
    try {
      assert.deepEqual(await findTenantTablesWithoutPolicy(db.knex), [
        { table: TABLE, problems: ['row-level security is not forced'] },
      ]);
    } finally {
      await ownerTransaction(db.knex, (trx) => trx.raw(`comment on table ${TABLE} is 'orion:tenant-search-index'`));
    }
  });
});
