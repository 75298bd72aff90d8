import { pino } from 'pino';
import { withTenant } from '../../kernel/db/tenant-scope.js';
import { ROOT } from '../../kernel/paths.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestVendor } from '../../kernel/testing/tenants.js';

const SECONDS = Number(process.env.BENCH_ORDERS_S ?? 20);
const WORKERS = Number(process.env.BENCH_ORDERS_WORKERS ?? 16);
const VARIANTS = Number(process.env.BENCH_ORDERS_VARIANTS ?? 20);
const STOCK = Number(process.env.BENCH_ORDERS_STOCK ?? 10);
/** What a shopper sees when stock ran short: at the cart, at the review (the cart changed), or at placing. */
const OUT_OF_STOCK = new Set(['CART_OUT_OF_STOCK', 'CHECKOUT_CART_CHANGED', 'INVENTORY_OUT_OF_STOCK']);

/**
 * Orders placed concurrently through checkout for 20 s, through the whole kernel and a real port: each order is a new
 * guest who puts 1 or 2 random lines of 1 or 2 units from 20 variants with 10 units each in a cart, then goes
 * through the checkout steps (contact, address, flat-rate shipping, bank transfer, review) and places it, so stock
 * runs short at the hot variants and orders start to be refused as out of stock (in the cart, at the review or when
 * the order reserves its stock). Afterwards, per variant, the units
 * of the orders placed are compared with the stock: `oversold` counts units sold beyond what was on hand (target 0),
 * `stock_consistent` says every variant's reserved units equal its ordered units and on hand is untouched.
 * Run it on PostgreSQL (`DATABASE_URL`); PGlite serves one transaction at a time.
 * JSON: `orders_per_s`, `oversold`, `stock_consistent`, `placed`, `out_of_stock`, `failed`.
 */
export async function run(): Promise<Record<string, number | boolean>> {
  const devNull = pino.destination({ dest: '/dev/null', sync: false });
  const kernel = await startTestKernel({
    listen: true,
    logDestination: devNull,
    plugins: {
      roots: [],
      extraDirs: ['catalog', 'inventory', 'payments', 'orders', 'cart', 'checkout'].map(
        (id) => `${ROOT}/plugins/${id}`,
      ),
    },
  });
  try {
    await enablePlugins(kernel, ['inventory', 'payments', 'orders', 'cart', 'checkout']);
    const shop = await createTestVendor(kernel);
    const base = kernel.server?.url as string;
    const post = (path: string, body: unknown, headers: Record<string, string> = shop.headers) =>
      fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const variants: number[] = [];
    for (let i = 0; i < VARIANTS; i++) {
      const res = await post('/api/v1/vendor/catalog/products', {
        title: `Bench item ${i}`,
        status: 'active',
        variants: [{ sku: `BENCH-${i}`, price: { amountMinor: 1000 + i * 10, currency: 'EUR' } }],
      });
      const id = ((await res.json()) as { variants: { id: number }[] }).variants[0]?.id as number;
      await (
        await post(`/api/v1/vendor/inventory/stock/${id}/adjustments`, { delta: STOCK, reason: 'received' })
      ).text();
      variants.push(id);
    }
    process.stdout.write(`seeded ${VARIANTS} variants with ${STOCK} units each\n`);

    const shipping = await post('/api/v1/vendor/checkout/shipping-methods', {
      name: 'Courier',
      kind: 'flat',
      amountMinor: 500,
      currency: 'EUR',
    });
    const methodId = ((await shipping.json()) as { id: number }).id;

    const shopApi = `/vendors/${shop.code}/shop/api/v1/shop`;
    const counts = { placed: 0, outOfStock: 0, failed: 0 };
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const lines = () => {
      const first = rand(VARIANTS);
      const picked = [{ variantId: variants[first] as number, quantity: 1 + rand(2) }];
      if (rand(2))
        picked.push({ variantId: variants[(first + 1 + rand(VARIANTS - 1)) % VARIANTS] as number, quantity: 1 });
      return picked;
    };
    /** One guest's cart and checkout: the cart and checkout cookies kept as a browser keeps them. */
    const order = async (): Promise<'placed' | 'outOfStock' | string> => {
      const jar = new Map<string, string>();
      const send = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${base}${shopApi}${path}`, {
          method,
          headers: { 'content-type': 'application/json', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        for (const cookie of res.headers.getSetCookie()) {
          const pair = cookie.split(';')[0] as string;
          jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
        }
        return { status: res.status, body: (await res.json()) as { code?: string; reviewToken?: string } };
      };
      const steps: [string, string, unknown?][] = [
        ...lines().map((line): [string, string, unknown] => ['POST', '/cart/lines', line]),
        ['POST', '/checkout/session'],
        ['PUT', '/checkout/contact', { email: 'bench@example.com', name: 'Bench' }],
        [
          'PUT',
          '/checkout/address',
          { name: 'Bench', line1: '1 Main St', postalCode: '1234', city: 'Luxembourg', country: 'LU' },
        ],
        ['PUT', '/checkout/shipping', { methodId }],
        ['PUT', '/checkout/payment', { provider: 'manual' }],
        ['POST', '/checkout/review'],
      ];
      let reviewToken = '';
      for (const [method, path, body] of steps) {
        const res = await send(method, path, body);
        if (res.status >= 300)
          return OUT_OF_STOCK.has(res.body.code ?? '') ? 'outOfStock' : `${path}: ${res.status} ${res.body.code}`;
        reviewToken = res.body.reviewToken ?? reviewToken;
      }
      const placed = await send('POST', '/checkout/place', { reviewToken });
      if (placed.status === 201) return 'placed';
      return OUT_OF_STOCK.has(placed.body.code ?? '') ? 'outOfStock' : `place: ${placed.status} ${placed.body.code}`;
    };
    const failures = new Map<string, number>();
    const until = Date.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (Date.now() < until) {
          const outcome = await order();
          if (outcome === 'placed') counts.placed++;
          else if (outcome === 'outOfStock') counts.outOfStock++;
          else {
            counts.failed++;
            failures.set(outcome, (failures.get(outcome) ?? 0) + 1);
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;

    const check = await withTenant(kernel.db.knex, { vendorId: shop.id }, async (trx) => {
      const ordered = await trx('orders__lines')
        .where({ vendor_id: shop.id })
        .groupBy('variant_id')
        .select('variant_id', trx.raw('sum(quantity)::int as units'));
      const stock = await trx('inventory__stock')
        .where({ vendor_id: shop.id })
        .select('variant_id', 'on_hand', 'reserved');
      const units = new Map(ordered.map((r: { variant_id: string; units: number }) => [Number(r.variant_id), r.units]));
      let oversold = 0;
      let consistent = true;
      for (const s of stock as { variant_id: string; on_hand: number; reserved: number }[]) {
        const sold = units.get(Number(s.variant_id)) ?? 0;
        oversold += Math.max(0, sold - STOCK);
        if (s.on_hand !== STOCK || s.reserved !== sold || s.reserved > s.on_hand) consistent = false;
      }
      return { oversold, consistent };
    });
    const figures = {
      orders_per_s: Math.round((counts.placed / elapsed) * 10) / 10,
      oversold: check.oversold,
      stock_consistent: check.consistent,
      placed: counts.placed,
      out_of_stock: counts.outOfStock,
      failed: counts.failed,
    };
    process.stdout.write(
      `placed ${counts.placed} orders in ${elapsed.toFixed(1)} s (${figures.orders_per_s}/s), ` +
        `${counts.outOfStock} out of stock, ${counts.failed} failed; oversold ${check.oversold}, consistent ${check.consistent}\n`,
    );
    if (counts.failed)
      throw new Error(`${counts.failed} orders failed for another reason than stock: ${[...failures]}`);
    return figures;
  } finally {
    await kernel.stop('bench done');
  }
}
