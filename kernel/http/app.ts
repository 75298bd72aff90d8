import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import type { HealthRegistry } from '../observability/health.js';
import type { Metrics } from '../observability/metrics.js';
import type { ErrorReporter } from '../observability/sentry.js';
import { type PlatformRegistry, resolvePlatform } from '../tenancy/platforms.js';
import { healthRoutes, metricsRoutes } from './health-routes.js';
import { accessLog } from './middleware/access-log/index.js';
import { bodyLimit } from './middleware/body-limit/index.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler/index.js';

export interface AppOptions {
  logger: Logger;
  metrics: Metrics;
  health: HealthRegistry;
  reporter: ErrorReporter;
  bodyLimitBytes: number;
  /** Resolves the request's platform from its host (once platforms are loaded). */
  platforms?: PlatformRegistry;
}

/**
 * The kernel's Hono app. Middleware runs in this order for every request:
 * 1. request id (taken from a valid incoming `X-Request-Id`, else generated; echoed in the response),
 * 2. access log and request metrics (they see the final status, errors included),
 * 3. error handling (`onError`: Hono converts a thrown error into a response at the layer that threw it, so the
 *    layers above, the access log included, see a normal response),
 * 4. body size limit,
 * 5. platform resolution (by host; the default platform otherwise).
 * Security headers (CSP and the rest of helmet's set) are added by the server itself (`http/server.ts`), on every
 * response, before any of this runs.
 */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use(requestId());
  app.use(accessLog({ logger: options.logger, metrics: options.metrics }));
  app.onError(errorHandler({ logger: options.logger, reporter: options.reporter }));
  app.notFound(notFoundHandler);
  app.use(bodyLimit(options.bodyLimitBytes));
  if (options.platforms) app.use(resolvePlatform(options.platforms));
  app.route('/', healthRoutes(options.health));
  app.route('/', metricsRoutes(options.metrics));
  return app;
}
