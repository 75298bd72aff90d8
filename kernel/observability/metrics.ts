import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * One registry per kernel (not prom-client's global one), so that two kernels in one test process do not share
 * or double-register series.
 */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status' | 'platform' | 'plugin'>;
  eventHandlerFailures: Counter<'event'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by route pattern (not raw path, to keep cardinality bounded).',
      labelNames: ['method', 'route', 'status', 'platform', 'plugin'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    eventHandlerFailures: new Counter({
      name: 'orion_event_handler_failures_total',
      help: 'Event handlers that threw or rejected, by event name.',
      labelNames: ['event'],
      registers: [registry],
    }),
  };
}
