import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { pino } from 'pino';
import { accessLog } from '../../kernel/http/middleware/access-log/index.js';
import { listen } from '../../kernel/http/server.js';
import { createMetrics } from '../../kernel/observability/metrics.js';
import { announceReady } from './ready.js';

/** `baseline-server.js <naked|bare> <path> <JSON body>`: one baseline app (see `startBaselines`) on a free port. */
const [kind, path = '/', json = '{}'] = process.argv.slice(2);
const body = JSON.parse(json) as unknown;
const app = new Hono();
if (kind === 'bare') {
  app.use(requestId());
  app.use(
    accessLog({
      logger: pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false })),
      metrics: createMetrics(),
    }),
  );
}
app.get(path, (c) => c.json(body as object));
const server = await listen(app, { host: '127.0.0.1', port: 0 });
announceReady(server.url, async () => {
  await server.close(1000);
});
