import fs from 'node:fs';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { pino } from 'pino';
import { accessLog } from '../../kernel/http/middleware/access-log/index.js';
import { listen } from '../../kernel/http/server.js';
import { createMetrics } from '../../kernel/observability/metrics.js';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';
import { measureRounds, ratio } from '../lib/load.js';
import { ITEM, writeBenchPlugins } from '../lib/plugins.js';

const PLUGINS = 20;
const PLATFORMS = 10;
const body = ITEM;

/**
 * A plugin's JSON route through the whole kernel (20 plugins installed and enabled on 10 platforms, JSON access log
 * and metrics on), against the same handler on a Hono app with only request id, access log and metrics (`bare`) and
 * with no middleware (`naked`). Target: ratio = plugin_rps / bare_rps ≥ 0.85.
 */
export async function run(): Promise<Record<string, number>> {
  const root = writeBenchPlugins(PLUGINS);
  const devNull = pino.destination({ dest: '/dev/null', sync: false });
  const kernel = await startTestKernel({ listen: true, logDestination: devNull, plugins: { roots: [root] } });
  const handler = (c: { json: (v: unknown) => Response }) => c.json(body);
  const naked = new Hono();
  naked.get('/item', handler);
  const bare = new Hono();
  bare.use(requestId());
  bare.use(accessLog({ logger: pino({ level: 'info' }, devNull), metrics: createMetrics() }));
  bare.get('/item', handler);
  const servers = [
    await listen(naked, { host: '127.0.0.1', port: 0 }),
    await listen(bare, { host: '127.0.0.1', port: 0 }),
  ];
  try {
    for (let p = 1; p < PLATFORMS; p++) {
      await kernel.db.knex('platforms').insert({ code: `p${p}`, name: `Platform ${p}`, domain: `p${p}.bench.test` });
    }
    await kernel.platforms.refresh();
    const actor = 'bench';
    for (const id of kernel.plugins.loaded.keys()) await kernel.plugins.install(id, { actor });
    for (const platform of kernel.platforms.all()) {
      for (const id of kernel.plugins.loaded.keys()) await kernel.plugins.enable(platform.code, id, { actor });
    }
    process.stdout.write(
      `${kernel.plugins.loaded.size} plugins enabled on ${kernel.platforms.all().length} platforms\n`,
    );
    const rps = await measureRounds([
      { label: 'naked', url: `${servers[0]?.url}/item` },
      { label: 'bare', url: `${servers[1]?.url}/item` },
      { label: 'plugin', url: `${kernel.server?.url}/api/v1/shop/bench-13/item`, headers: { host: 'p7.bench.test' } },
    ]);
    const [nakedRps = 0, bareRps = 0, pluginRps = 0] = [rps.naked, rps.bare, rps.plugin];
    return { plugin_rps: pluginRps, bare_rps: bareRps, naked_rps: nakedRps, ratio: ratio(pluginRps, bareRps) };
  } finally {
    for (const s of servers) await s.close(1000);
    await kernel.stop('bench done');
    fs.rmSync(root, { recursive: true, force: true });
  }
}
