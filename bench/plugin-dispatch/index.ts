import fs from 'node:fs';
import { pino } from 'pino';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';
import { startBaselines } from '../lib/baselines.js';
import { measureRounds, pairedRatio } from '../lib/load.js';
import { ITEM, writeBenchPlugins } from '../lib/plugins.js';

const PLUGINS = 20;
const PLATFORMS = 10;
const body = ITEM;

/**
 * A plugin's JSON route through the whole kernel (20 plugins installed and enabled on 10 platforms, JSON access log
 * and metrics on), against the same handler on a Hono app with only request id, access log and metrics (`bare`) and
 * with no middleware (`naked`). Target: ratio = plugin_rps / bare_rps ≥ 0.85, taken as the median over rounds of the
 * ratio within each round (the figures in `*_rps` are each target's median).
 */
export async function run(): Promise<Record<string, number>> {
  const root = writeBenchPlugins(PLUGINS);
  const devNull = pino.destination({ dest: '/dev/null', sync: false });
  const kernel = await startTestKernel({ listen: true, logDestination: devNull, plugins: { roots: [root] } });
  const handler = (c: { json: (v: unknown) => Response }) => c.json(body);
  const baselines = await startBaselines('/item', handler, devNull);
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
      { label: 'naked', url: `${baselines.naked.url}/item` },
      { label: 'bare', url: `${baselines.bare.url}/item` },
      { label: 'plugin', url: `${kernel.server?.url}/api/v1/shop/bench-13/item`, headers: { host: 'p7.bench.test' } },
    ]);
    const [nakedRps = 0, bareRps = 0, pluginRps = 0] = [rps.naked, rps.bare, rps.plugin];
    return {
      plugin_rps: pluginRps,
      bare_rps: bareRps,
      naked_rps: nakedRps,
      ratio: pairedRatio(rps.samples, 'plugin', 'bare'),
    };
  } finally {
    await baselines.close();
    await kernel.stop('bench done');
    fs.rmSync(root, { recursive: true, force: true });
  }
}
