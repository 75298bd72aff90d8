import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pino } from 'pino';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';
import { writeBenchPlugins } from '../lib/plugins.js';

const RELOADS = 100;

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function rssMb(): number {
  gc();
  gc();
  return Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;
}

/**
 * Reloads one installed, enabled plugin RELOADS times with changed code, as a developer saving a file would, and
 * compares the process's resident memory before and after. Node cannot evict old module versions, so some growth
 * per reload is expected. Target: under 20%.
 */
export async function run(): Promise<Record<string, number>> {
  const root = writeBenchPlugins(1);
  const entry = path.join(root, 'bench-00', 'dist', 'index.js');
  const devNull = pino.destination({ dest: '/dev/null', sync: false });
  const kernel = await startTestKernel({ logDestination: devNull, plugins: { roots: [root] } });
  try {
    await kernel.plugins.install('bench-00', { actor: 'bench' });
    await kernel.plugins.enable('main', 'bench-00', { actor: 'bench' });
    const source = fs.readFileSync(entry, 'utf8');
    const reload = async (n: number) => {
      fs.writeFileSync(entry, `${source}\n// edit ${n}\n`);
      const { reloaded } = await kernel.plugins.rescan();
      if (reloaded[0] !== 'bench-00') throw new Error(`reload ${n} did not reload the plugin`);
    };
    for (let i = 0; i < 5; i++) await reload(i); // warm up: first imports of the hooks and the kernel paths
    const before = rssMb();
    const started = performance.now();
    for (let i = 0; i < RELOADS; i++) await reload(100 + i);
    const ms = (performance.now() - started) / RELOADS;
    const res = await kernel.request('/api/v1/shop/bench-00/item');
    if (res.status !== 200) throw new Error(`the plugin answers ${res.status} after the reloads`);
    const after = rssMb();
    const growth = Math.round(((after - before) / before) * 1000) / 10;
    process.stdout.write(
      `${RELOADS} reloads, ${ms.toFixed(1)} ms each; RSS ${before} MB -> ${after} MB (+${growth}%)\n`,
    );
    return {
      reloads: RELOADS,
      rss_before_mb: before,
      rss_after_mb: after,
      growth_pct: growth,
      ms_per_reload: Math.round(ms * 10) / 10,
    };
  } finally {
    await kernel.stop('bench done');
    fs.rmSync(root, { recursive: true, force: true });
  }
}
