import { pino } from 'pino';
import { withTenant } from '../../kernel/db/tenant-scope.js';
import { ROOT } from '../../kernel/paths.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestVendor } from '../../kernel/testing/tenants.js';
import { refreshSearch } from '../../plugins/catalog/src/rows.js';
import { autocannon, DURATION_S } from '../lib/load.js';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const WORDS = ['linen', 'wool', 'cotton', 'shirt', 'jacket', 'trousers', 'lamp', 'mug', 'cable', 'speaker', 'case'];
const COLOURS = ['blue', 'red', 'green', 'black', 'white', 'grey', 'navy', 'olive'];

/**
 * A shop's full-text product search with filters (category with subcategories, price range), sorted by relevance,
 * 20 per page, through the whole kernel, over one vendor with 10,000 products (20,000 variants, 20 categories).
 * The catalog is filled with set-based SQL, then its search documents are computed by the catalog's own function.
 * Run it on PostgreSQL (`DATABASE_URL`) for figures that mean something; PGlite serves one query at a time.
 * JSON: `search_rps` and `p99_ms` under 50 connections, `serial_ms` (one request at a time), `products`, `matches`.
 */
export async function run(): Promise<Record<string, number>> {
  const devNull = pino.destination({ dest: '/dev/null', sync: false });
  const kernel = await startTestKernel({
    listen: true,
    logDestination: devNull,
    plugins: { roots: [], extraDirs: [`${ROOT}/plugins/catalog`] },
  });
  try {
    await enablePlugins(kernel, ['catalog']);
    const shop = await createTestVendor(kernel);
    const started = Date.now();
    const category = await withTenant(kernel.db.knex, { vendorId: shop.id }, async (trx) => {
      const [top] = await trx('catalog__categories')
        .insert({ vendor_id: shop.id, name: 'All', slug: 'all' })
        .returning('id');
      await trx.raw(
        `insert into catalog__categories (vendor_id, parent_id, name, slug)
         select ?, ?, 'Category ' || g, 'category-' || g from generate_series(1, 19) g`,
        [shop.id, top.id],
      );
      await trx.raw(
        `insert into catalog__products (vendor_id, title, slug, description_md, status, brand)
         select ?, initcap((array[${WORDS.map(() => '?').join(',')}])[1 + g % ${WORDS.length}]) || ' ' ||
                  (array[${COLOURS.map(() => '?').join(',')}])[1 + (g / 7) % ${COLOURS.length}] || ' ' || g,
                'product-' || g,
                'A fine product number ' || g || ' made of ' || (array[${WORDS.map(() => '?').join(',')}])[1 + (g / 3) % ${WORDS.length}],
                case when g % 10 = 0 then 'draft' else 'active' end,
                'Brand ' || (g % 40)
         from generate_series(1, ?) g`,
        [shop.id, ...WORDS, ...COLOURS, ...WORDS, PRODUCTS],
      );
      await trx.raw(
        `insert into catalog__variants (vendor_id, product_id, sku, option_values, price_minor, currency, is_default, position)
         select p.vendor_id, p.id, 'SKU-' || p.id || '-' || s, jsonb_build_object('Size', s), 500 + (p.id * 37 % 30000) + s * 100, 'EUR', false, s
         from catalog__products p cross join generate_series(1, 2) s where p.vendor_id = ?`,
        [shop.id],
      );
      await trx.raw(
        `insert into catalog__product_categories (vendor_id, product_id, category_id)
         select p.vendor_id, p.id, c.id from catalog__products p
         join catalog__categories c on c.vendor_id = p.vendor_id and c.parent_id is not null
          and c.slug = 'category-' || (1 + p.id % 19)
         where p.vendor_id = ?`,
        [shop.id],
      );
      await refreshSearch(trx, shop.id);
      return Number(top.id);
    });
    await vacuumAnalyze(kernel, [
      'catalog__products',
      'catalog__variants',
      'catalog__product_categories',
      'catalog__search',
    ]);
    process.stdout.write(`seeded ${PRODUCTS} products in ${Date.now() - started} ms\n`);

    const url = `${kernel.server?.url}/vendors/${shop.code}/shop/api/v1/shop/catalog/products?${process.env.BENCH_QUERY ?? `q=linen%20bl&category=${category}&minPrice=1000&maxPrice=20000&pageSize=20`}`;
    // BENCH_EXPLAIN='select … where p.vendor_id = $VENDOR …' prints that query's plan as the vendor (diagnostics).
    if (process.env.BENCH_EXPLAIN) {
      const plan = await withTenant(kernel.db.knex, { vendorId: shop.id }, async (trx) => {
        const sql = String(process.env.BENCH_EXPLAIN).replaceAll('$VENDOR', String(shop.id));
        return trx.raw(`explain (analyze, buffers) ${sql}`);
      });
      process.stdout.write(`${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}\n`);
    }
    const t0 = performance.now();
    const probe = (await (await fetch(url)).json()) as { total: number };
    process.stdout.write(`query finds ${probe.total} products in ${Math.round(performance.now() - t0)} ms\n`);
    if (!probe.total) throw new Error('the benchmark query finds nothing: it measures nothing');
    const s0 = performance.now();
    for (let i = 0; i < 20; i++) await (await fetch(url)).arrayBuffer();
    const serialMs = Math.round((performance.now() - s0) / 20);
    process.stdout.write(`one at a time: ${serialMs} ms per search\n`);
    await autocannon(url, 1, {});
    const result = await autocannon(url, DURATION_S, {});
    const bad = result.errors + result.timeouts + result.non2xx;
    const figures = {
      search_rps: Math.round(result.requests.average),
      p99_ms: result.latency.p99,
      serial_ms: serialMs,
      products: PRODUCTS,
      matches: probe.total,
    };
    process.stdout.write(`search ${figures.search_rps} req/s  p99 ${figures.p99_ms} ms  bad ${bad}\n`);
    if (bad) throw new Error(`${bad} failed requests`);
    await new Promise((r) => setTimeout(r, 1000)); // let requests still queued for a connection finish
    return figures;
  } finally {
    await kernel.stop('bench done');
  }
}

/**
 * What autovacuum does a little after a bulk load, at once: statistics for the planner and the visibility map for
 * index-only scans. Only the tables' owner may vacuum them, and not inside a transaction: one pooled connection
 * switches back to its session user (the owner) for it, then to the app role again.
 */
async function vacuumAnalyze(kernel: TestKernel, tables: string[]): Promise<void> {
  const client = kernel.db.knex.client as {
    acquireConnection(): Promise<{ query(sql: string): Promise<unknown> }>;
    releaseConnection(conn: unknown): Promise<void>;
  };
  const conn = await client.acquireConnection();
  try {
    await conn.query('reset role');
    for (const table of tables) await conn.query(`vacuum analyze ${table}`);
  } finally {
    await conn.query(`set role ${kernel.db.appRole}`);
    await client.releaseConnection(conn);
  }
}
