import { pino } from 'pino';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';
import { startBaselines } from '../lib/baselines.js';
import { measureRounds, pairedRatio } from '../lib/load.js';

/**
 * What the kernel's own HTTP stack costs. The same tiny JSON handler is served three ways, one after the other in
 * this run, under autocannon on loopback:
 * - kernel: the full kernel (request id, JSON access log, metrics, error handling, security headers, body limit,
 *   platform resolution, plugin snapshot);
 * - bare: a Hono app with only request id, JSON access log and metrics, what any production Hono app pays;
 * - naked: a Hono app with no middleware.
 */
const handler = (c: { json: (v: unknown) => Response }) => c.json({ id: 1, name: 'Lamp', priceMinor: 1999 });

export async function run(): Promise<Record<string, number>> {
  const devNull = pino.destination({ dest: '/dev/null', sync: false });
  const baselines = await startBaselines('/bench', handler, devNull);
  const kernel = await startTestKernel({ listen: true, logDestination: devNull });
  kernel.app.get('/bench', handler);
  try {
    const rps = await measureRounds([
      { label: 'naked', url: `${baselines.naked.url}/bench` },
      { label: 'bare', url: `${baselines.bare.url}/bench` },
      { label: 'kernel', url: `${kernel.server?.url}/bench` },
    ]);
    const [nakedRps = 0, bareRps = 0, kernelRps = 0] = [rps.naked, rps.bare, rps.kernel];
    return {
      kernel_rps: kernelRps,
      bare_rps: bareRps,
      naked_rps: nakedRps,
      ratio: pairedRatio(rps.samples, 'kernel', 'bare'),
      ratio_naked: pairedRatio(rps.samples, 'kernel', 'naked'),
    };
  } finally {
    await baselines.close();
    await kernel.stop('bench done');
  }
}
