import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import type { Router } from 'hono/router';
import type { H, RouterRoute } from 'hono/types';
import type { Logger } from 'pino';
import type { HealthRegistry } from '../observability/health.js';
import type { Metrics } from '../observability/metrics.js';
import type { ErrorReporter } from '../observability/sentry.js';
import { healthRoutes, metricsRoutes } from './health-routes.js';
import { accessLog } from './middleware/access-log/index.js';
import { bodyLimit } from './middleware/body-limit/index.js';
import { errorHandler, type HtmlErrorPage, notFoundHandler } from './middleware/error-handler/index.js';

export interface AppOptions {
  logger: Logger;
  metrics: Metrics;
  health: HealthRegistry;
  reporter: ErrorReporter;
  bodyLimitBytes: number;
  /**
   * Sets what every request needs to know before its route runs (platform, plugin snapshot), in order. They run
   * inside one middleware with the body limit: each Hono layer costs a few percent of a small route's throughput.
   */
  context?: Array<(c: Context) => void>;
  /**
   * Runs after the context setters and wraps the rest of the request (`proceed`): the plugin host's check that the
   * plugin a request is addressed to is enabled, with its area's authentication.
   */
  dispatch?: (c: Context, proceed: () => Promise<unknown>) => unknown;
  /** The path routers match on, computed from the raw request (tenancy maps every shop mode to one set of routes). */
  getPath?: (req: Request) => string;
  /** An area's own error pages for browsers (the storefront's themed 404 and "shop closed"). */
  htmlErrorPage?: HtmlErrorPage;
  /** The app's router (the plugin host gives each plugin's routes a router of their own); Hono's default else. */
  router?: Router<[H, RouterRoute]>;
}

/**
 * The kernel's Hono app. Middleware runs in this order for every request:
 * 1. request id (taken from a valid incoming `X-Request-Id`, else generated; echoed in the response),
 * 2. access log and request metrics (they see the final status, errors included),
 * 3. error handling (`onError`: Hono converts a thrown error into a response at the layer that threw it, so the
 *    layers above, the access log included, see a normal response),
 * 4. request context: the context setters (platform by host, plugin snapshot), the plugin dispatch check (a
 *    plugin's routes answer only where it is enabled), then the body size limit.
 * Security headers (CSP and the rest of helmet's set) are added by the server itself (`http/server.ts`), on every
 * response, before any of this runs.
 */
function requestContext(
  bodyLimitBytes: number,
  setters: Array<(c: Context) => void>,
  dispatch: AppOptions['dispatch'],
): MiddlewareHandler {
  const limit = bodyLimit(bodyLimitBytes);
  return function requestContext(c, next) {
    for (const set of setters) set(c);
    if (!dispatch) return limit(c, next);
    return dispatch(c, () => limit(c, next)) as Promise<Response | undefined>;
  };
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono({
    ...(options.getPath ? { getPath: options.getPath } : {}),
    ...(options.router ? { router: options.router } : {}),
  });
  app.use(requestId());
  app.use(accessLog({ logger: options.logger, metrics: options.metrics }));
  const { logger, reporter, htmlErrorPage } = options;
  app.onError(errorHandler({ logger, reporter, ...(htmlErrorPage ? { htmlErrorPage } : {}) }));
  app.notFound(notFoundHandler(htmlErrorPage));
  app.use(requestContext(options.bodyLimitBytes, options.context ?? [], options.dispatch));
  app.route('/', healthRoutes(options.health));
  app.route('/', metricsRoutes(options.metrics));
  return app;
}
