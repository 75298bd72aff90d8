import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { pino } from 'pino';
import { accessLog } from '../../kernel/http/middleware/access-log/index.js';
import { listen } from '../../kernel/http/server.js';
import { createMetrics } from '../../kernel/observability/metrics.js';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';
import { measureRounds, ratio } from '../lib/load.js';

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
  const naked = new Hono();
  naked.get('/bench', handler);
  const bare = new Hono();
  bare.use(requestId());
  bare.use(accessLog({ logger: pino({ level: 'info' }, devNull), metrics: createMetrics() }));
  bare.get('/bench', handler);
  const kernel = await startTestKernel({ listen: true, logDestination: devNull });
  kernel.app.get('/bench', handler);

  const servers = [
    await listen(naked, { host: '127.0.0.1', port: 0 }),
    await listen(bare, { host: '127.0.0.1', port: 0 }),
  ];
  try {
    const rps = await measureRounds([
      { label: 'naked', url: `${servers[0]?.url}/bench` },
      { label: 'bare', url: `${servers[1]?.url}/bench` },
      { label: 'kernel', url: `${kernel.server?.url}/bench` },
    ]);
    const [nakedRps = 0, bareRps = 0, kernelRps = 0] = [rps.naked, rps.bare, rps.kernel];
    return {
      kernel_rps: kernelRps,
      bare_rps: bareRps,
      naked_rps: nakedRps,
      ratio: ratio(kernelRps, bareRps),
      ratio_naked: ratio(kernelRps, nakedRps),
    };
  } finally {
    for (const s of servers) await s.close(1000);
    await kernel.stop('bench done');
  }
}
