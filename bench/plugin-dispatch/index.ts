import { startBaselines } from '../lib/baselines.js';
import { startChildServer } from '../lib/child-server.js';
import { measureRounds, pairedRatio } from '../lib/load.js';
import { ITEM } from '../lib/plugins.js';

const PLUGINS = 20;
const PLATFORMS = 10;

/**
 * A plugin's JSON route through the whole kernel (20 plugins installed and enabled on 10 platforms, JSON access log
 * and metrics on), against the same handler on a Hono app with only request id, access log and metrics (`bare`) and
 * with no middleware (`naked`). Each runs in a process of its own, started like `npm start` (`SERVER_NODE_FLAGS`).
 * Target: ratio = plugin_rps / bare_rps ≥ 0.85, taken as the median over rounds of the ratio within each round (the
 * figures in `*_rps` are each target's median).
 */
export async function run(): Promise<Record<string, number>> {
  const kernel = await startChildServer('plugin-dispatch/server.js', [String(PLUGINS), String(PLATFORMS)]);
  const baselines = await startBaselines('/item', ITEM);
  try {
    const rps = await measureRounds([
      { label: 'naked', url: `${baselines.naked.url}/item` },
      { label: 'bare', url: `${baselines.bare.url}/item` },
      { label: 'plugin', url: `${kernel.url}/api/v1/shop/bench-13/item`, headers: { host: 'p7.bench.test' } },
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
    await kernel.close();
  }
}
