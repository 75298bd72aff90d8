import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { Metrics } from '../../../observability/metrics.js';

export interface AccessLogOptions {
  logger: Logger;
  metrics: Metrics;
}

/**
 * One log line and one histogram observation per request. The route label is the matched pattern
 * (`/api/v1/products/:id`), read after the handler ran; unmatched paths share one label so that scanners cannot
 * blow up the series count.
 */
export function accessLog({ logger, metrics }: AccessLogOptions): MiddlewareHandler {
  return async function accessLog(c, next) {
    const start = performance.now();
    await next();
    const seconds = (performance.now() - start) / 1000;
    const status = c.res.status;
    const matched = c.req.routePath;
    const route = matched === '/*' || matched === '*' ? 'unmatched' : matched;
    const platform = c.get('platformCode') ?? '';
    const plugin = c.get('pluginId') ?? '';
    metrics.httpDuration.observe({ method: c.req.method, route, status: String(status), platform, plugin }, seconds);
    const line = {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      route,
      status,
      durationMs: Math.round(seconds * 100_000) / 100,
      ...(c.get('errorId') ? { errorId: c.get('errorId') } : {}),
    };
    if (status >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request');
  };
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by tenancy resolution; empty until then. */
    platformCode?: string;
    /** Set by plugin dispatch for a plugin's route. */
    pluginId?: string;
    /** Set by the error handler when a request failed unexpectedly. */
    errorId?: string;
  }
}
