import fs from 'node:fs';
import { pino } from 'pino';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';
import { autocannon, DURATION_S, type Result } from '../lib/load.js';
import { writeBenchPlugins } from '../lib/plugins.js';

const TOGGLES = 100;

/** Answers other than the expected ones, errors and time-outs included. */
function failed(result: Result, expected: number[]): number {
  const ok = expected.reduce((sum, code) => sum + (result.statusCodeStats[String(code)]?.count ?? 0), 0);
  return result.requests.total - ok + result.errors + result.timeouts;
}

/**
 * A plugin is disabled and enabled again TOGGLES times on platform `main` while load runs against it there (where
 * 200 and 404 are both expected) and on platform `other` (where it stays enabled: only 200 is expected). Target:
 * failed = 0, i.e. no request fails or sees a half-applied change.
 */
export async function run(): Promise<Record<string, number>> {
  const root = writeBenchPlugins(1);
  const devNull = pino.destination({ dest: '/dev/null', sync: false });
  const kernel = await startTestKernel({ listen: true, logDestination: devNull, plugins: { roots: [root] } });
  try {
    await kernel.db.knex('platforms').insert({ code: 'other', name: 'Other', domain: 'other.bench.test' });
    await kernel.platforms.refresh();
    const actor = 'bench';
    await kernel.plugins.install('bench-00', { actor });
    for (const code of ['main', 'other']) await kernel.plugins.enable(code, 'bench-00', { actor });

    const url = `${kernel.server?.url}/api/v1/shop/bench-00/item`;
    const seconds = Math.max(DURATION_S, 5);
    const loads = [autocannon(url, seconds, {}), autocannon(url, seconds, { host: 'other.bench.test' })];
    let toggles = 0;
    const pause = (seconds * 1000 * 0.8) / (TOGGLES * 2);
    for (let i = 0; i < TOGGLES; i++) {
      await kernel.plugins.disable('main', 'bench-00', { actor });
      await new Promise((r) => setTimeout(r, pause));
      await kernel.plugins.enable('main', 'bench-00', { actor });
      await new Promise((r) => setTimeout(r, pause));
      toggles++;
    }
    const [main, other] = (await Promise.all(loads)) as [Result, Result];
    const figures = {
      toggles,
      requests: main.requests.total + other.requests.total,
      failed: failed(main, [200, 404]) + failed(other, [200]),
      main_404: main.statusCodeStats['404']?.count ?? 0,
    };
    process.stdout.write(
      `${toggles} toggles; main: ${main.requests.total} requests (${figures.main_404} answered 404 while disabled); other: ${other.requests.total}; failed ${figures.failed}\n`,
    );
    return figures;
  } finally {
    await kernel.stop('bench done');
    fs.rmSync(root, { recursive: true, force: true });
  }
}
