import { startBaselines } from '../lib/baselines.js';
import { startChildServer } from '../lib/child-server.js';
import { measureRounds, pairedRatio } from '../lib/load.js';
import { BODY } from './body.js';

/**
 * What the kernel's own HTTP stack costs. The same tiny JSON answer is served three ways, each in a process of its
 * own started like `npm start`, one after the other in this run, under autocannon on loopback:
 * - kernel: the full kernel (request id, JSON access log, metrics, error handling, security headers, body limit,
 *   platform resolution, plugin snapshot);
 * - bare: a Hono app with only request id, JSON access log and metrics, what any production Hono app pays;
 * - naked: a Hono app with no middleware.
 */
export async function run(): Promise<Record<string, number>> {
  const kernel = await startChildServer('http-stack/server.js');
  const baselines = await startBaselines('/bench', BODY);
  try {
    const rps = await measureRounds([
      { label: 'naked', url: `${baselines.naked.url}/bench` },
      { label: 'bare', url: `${baselines.bare.url}/bench` },
      { label: 'kernel', url: `${kernel.url}/bench` },
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
    await kernel.close();
  }
}
