import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { pino } from 'pino';
import { accessLog } from '../../kernel/http/middleware/access-log/index.js';
import { listen, type RunningServer } from '../../kernel/http/server.js';
import { createMetrics } from '../../kernel/observability/metrics.js';
import { startTestKernel } from '../../kernel/testing/start-test-kernel.js';

/**
 * What the kernel's own HTTP stack costs. The same tiny JSON handler is served three ways, one after the other in
 * this run, under autocannon on loopback:
 * - kernel: the full kernel (request id, JSON access log, metrics, error handling, secure headers, body limit);
 * - bare: a Hono app with only request id, JSON access log and metrics, what any production Hono app pays;
 * - naked: a Hono app with no middleware.
 * Figures: requests per second of each, and the ratios kernel/bare and kernel/naked.
 */
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = 50;

const handler = (c: { json: (v: unknown) => Response }) => c.json({ id: 1, name: 'Lamp', priceMinor: 1999 });

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

interface Result {
  requests: { average: number };
  latency: { p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** autocannon in its own process, so that the load generator does not take the server's CPU in this one. */
async function autocannon(url: string, seconds: number): Promise<Result> {
  const args = [AUTOCANNON, '-j', '-c', String(CONNECTIONS), '-d', String(seconds), url];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Result;
}

async function measure(label: string, url: string): Promise<number> {
  await autocannon(url, 1); // warm up the JIT and the connections
  const result = await autocannon(url, DURATION_S);
  const rps = Math.round(result.requests.average);
  const bad = result.errors + result.timeouts + result.non2xx;
  process.stdout.write(
    `${label.padEnd(8)} ${String(rps).padStart(7)} req/s  p99 ${result.latency.p99} ms  bad ${bad}\n`,
  );
  if (bad) throw new Error(`${label}: ${bad} failed requests`);
  return rps;
}

async function serve(app: Hono): Promise<RunningServer> {
  return listen(app, { host: '127.0.0.1', port: 0 });
}

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

  const servers = [await serve(naked), await serve(bare)];
  try {
    const nakedRps = await measure('naked', `${servers[0]?.url}/bench`);
    const bareRps = await measure('bare', `${servers[1]?.url}/bench`);
    const kernelRps = await measure('kernel', `${kernel.server?.url}/bench`);
    return {
      kernel_rps: kernelRps,
      bare_rps: bareRps,
      naked_rps: nakedRps,
      ratio: Math.round((kernelRps / bareRps) * 100) / 100,
      ratio_naked: Math.round((kernelRps / nakedRps) * 100) / 100,
    };
  } finally {
    for (const s of servers) await s.close(1000);
    await kernel.stop('bench done');
  }
}
