import { Hono } from 'hono';
import type { HealthRegistry } from '../observability/health.js';
import type { Metrics } from '../observability/metrics.js';

/**
 * `/health/live`: the process answers. `/health/ready`: migrations are done and the critical checks (the
 * database) pass, else 503, so a load balancer stops sending traffic. `/health`: the full report; 503 when down.
 */
export function healthRoutes(health: HealthRegistry): Hono {
  const app = new Hono();
  app.get('/health/live', (c) => c.json({ status: 'ok' }));
  app.get('/health/ready', async (c) => {
    const reason = health.notReady;
    if (reason) return c.json({ status: 'not-ready', reason }, 503);
    const report = await health.report((check) => check.critical);
    if (!report.ready) {
      const failed = Object.entries(report.checks).filter(([, r]) => r.status === 'fail');
      return c.json({ status: 'not-ready', reason: failed.map(([n, r]) => `${n}: ${r.error}`).join('; ') }, 503);
    }
    return c.json({ status: 'ready' });
  });
  app.get('/health', async (c) => {
    const report = await health.report();
    return c.json(report, report.status === 'down' ? 503 : 200);
  });
  return app;
}

export function metricsRoutes(metrics: Metrics): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) =>
    c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }),
  );
  return app;
}
