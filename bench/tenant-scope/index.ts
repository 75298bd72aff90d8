import type { Knex } from 'knex';
import { ownerTransaction } from '../../kernel/db/app-role.js';
import { enableTenantRls, withTenant } from '../../kernel/db/tenant-scope.js';
import { createTestDatabase } from '../../kernel/testing/test-database.js';
import { ratio } from '../lib/load.js';

const OPS = Number(process.env.BENCH_OPS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Operations per timed block; the variants' blocks alternate, so a load spike on a shared machine hits all four. */
const BLOCK = 50;
const VENDORS = 20;
const ROWS_PER_VENDOR = 500;

async function createTable(trx: Knex.Transaction, table: string, rls: boolean): Promise<void> {
  await trx.schema.createTable(table, (t) => {
    t.bigIncrements('id');
    t.bigInteger('vendor_id').notNullable();
    t.text('body').notNullable();
    t.index(['vendor_id', 'id']); // the index a tenant table's reads by vendor want
  });
  const rows = [];
  for (let v = 1; v <= VENDORS; v++) {
    for (let i = 0; i < ROWS_PER_VENDOR; i++) rows.push({ vendor_id: v, body: `vendor ${v} row ${i}` });
  }
  await trx.batchInsert(table, rows, 1000);
  if (rls) await enableTenantRls(trx, table);
  await trx.raw('analyze ??', [table]);
}

/** Runs `op` `count` times in sequence; returns microseconds per operation. */
async function time(op: (i: number) => Promise<unknown>, count: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await op(i);
  return Number(process.hrtime.bigint() - start) / 1000 / count;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * What tenant scoping costs a query, on the database the tests use (PGlite, or the server in DATABASE_URL), one
 * client, sequential. The same 20-row read by vendor, five ways; each round runs OPS of each, in alternating blocks
 * of BLOCK, and each figure is the median over every block of every round:
 * - plain: on a table without row-level security, no explicit transaction (the baseline);
 * - transaction: the same inside knex.transaction (BEGIN and COMMIT round trips);
 * - settings_only: withTenant on the table without the policy (the set_config round trip alone);
 * - scoped: on a table with the tenant policy, inside withTenant({ vendorId }) (transaction, set_config, policy);
 * - scoped_no_where: the same without `WHERE vendor_id = ?`, the policy alone choosing the rows.
 */
export async function run(): Promise<Record<string, number | string>> {
  const db = await createTestDatabase();
  try {
    await ownerTransaction(db.knex, async (trx) => {
      await createTable(trx, 'bench_plain', false);
      await createTable(trx, 'bench_tenant', true);
    });
    const vendor = (i: number) => (i % VENDORS) + 1;
    const read = (knex: Knex, table: string, v?: number) => {
      const q = knex(table).select('id', 'body').orderBy('id').limit(20);
      return v === undefined ? q : q.where({ vendor_id: v });
    };
    const ops: Record<string, (i: number) => Promise<unknown>> = {
      plain: (i) => read(db.knex, 'bench_plain', vendor(i)),
      transaction: (i) => db.knex.transaction((trx) => read(trx, 'bench_plain', vendor(i))),
      settings_only: (i) => withTenant(db.knex, { vendorId: vendor(i) }, (trx) => read(trx, 'bench_plain', vendor(i))),
      scoped: (i) => withTenant(db.knex, { vendorId: vendor(i) }, (trx) => read(trx, 'bench_tenant', vendor(i))),
      scoped_no_where: (i) => withTenant(db.knex, { vendorId: vendor(i) }, (trx) => read(trx, 'bench_tenant')),
    };
    // Same answers first: the scoped reads must see exactly one vendor's rows.
    const check = await withTenant(db.knex, { vendorId: 3 }, (trx) => read(trx, 'bench_tenant'));
    if (check.length !== 20 || check.some((r: { body: string }) => !r.body.startsWith('vendor 3 '))) {
      throw new Error('scoped read returned rows of another vendor');
    }
    for (const op of Object.values(ops)) await time(op, OPS); // warm-up
    const samples = new Map<string, number[]>(Object.keys(ops).map((k) => [k, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (let done = 0; done < OPS; done += BLOCK) {
        for (const [label, op] of Object.entries(ops)) samples.get(label)?.push(await time(op, BLOCK));
      }
      const line = Object.keys(ops).map(
        (label) => `${label} ${Math.round(median(samples.get(label)?.slice(-OPS / BLOCK) ?? []))}`,
      );
      process.stdout.write(`round ${round}/${ROUNDS} (µs/op): ${line.join(', ')}\n`);
    }
    const m = (label: string) => Math.round(median(samples.get(label) ?? []));
    const us = {
      plain: m('plain'),
      transaction: m('transaction'),
      settings: m('settings_only'),
      scoped: m('scoped'),
      noWhere: m('scoped_no_where'),
    };
    const figures = {
      backend: db.kind,
      ops: OPS,
      plain_us: us.plain,
      transaction_us: us.transaction,
      settings_only_us: us.settings,
      scoped_us: us.scoped,
      scoped_no_where_us: us.noWhere,
      ratio_scoped_plain: ratio(us.scoped, us.plain),
      ratio_scoped_transaction: ratio(us.scoped, us.transaction),
      ratio_settings_transaction: ratio(us.settings, us.transaction),
      ratio_no_where_scoped: ratio(us.noWhere, us.scoped),
    };
    process.stdout.write(
      `${db.kind}, ${OPS} reads per variant and round, medians of ${ROUNDS} rounds of ${BLOCK}-read blocks: plain ${us.plain} µs, transaction ${us.transaction} µs, settings only ${us.settings} µs, scoped ${us.scoped} µs (${figures.ratio_scoped_plain}× plain, ${figures.ratio_scoped_transaction}× transaction), scoped without WHERE ${us.noWhere} µs\n`,
    );
    return figures;
  } finally {
    await db.close();
  }
}
