import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { type DestinationStream, pino } from 'pino';
import { accessLog } from '../../kernel/http/middleware/access-log/index.js';
import { listen, type RunningServer } from '../../kernel/http/server.js';
import { createMetrics } from '../../kernel/observability/metrics.js';

/**
 * The two baselines the kernel is compared with, serving `handler` at `path`:
 * - bare: a Hono app with only request id, JSON access log and metrics, what any production Hono app pays;
 * - naked: a Hono app with no middleware.
 */
export async function startBaselines(
  path: string,
  handler: (c: { json: (v: unknown) => Response }) => Response,
  logs: DestinationStream,
): Promise<{ naked: RunningServer; bare: RunningServer; close(): Promise<void> }> {
  const nakedApp = new Hono();
  nakedApp.get(path, handler);
  const bareApp = new Hono();
  bareApp.use(requestId());
  bareApp.use(accessLog({ logger: pino({ level: 'info' }, logs), metrics: createMetrics() }));
  bareApp.get(path, handler);
  const naked = await listen(nakedApp, { host: '127.0.0.1', port: 0 });
  const bare = await listen(bareApp, { host: '127.0.0.1', port: 0 });
  return {
    naked,
    bare,
    close: async () => {
      await naked.close(1000);
      await bare.close(1000);
    },
  };
}
