import type { Logger } from 'pino';

/** What the kernel needs from an error tracker; a no-op when SENTRY_DSN is unset. */
export interface ErrorReporter {
  capture(error: unknown, context: { requestId?: string; route?: string; plugin?: string; errorId?: string }): void;
  flush(timeoutMs: number): Promise<void>;
}

const noop: ErrorReporter = { capture() {}, async flush() {} };

/**
 * @sentry/node costs about 0.45 s and 40 MB to import, so it is loaded only when a DSN is configured; without one
 * nothing is imported and no network call is ever made.
 */
export async function createErrorReporter(
  options: { dsn?: string; environment: string; release: string },
  logger: Logger,
): Promise<ErrorReporter> {
  if (!options.dsn) return noop;
  const Sentry = await import('@sentry/node');
  Sentry.init({ dsn: options.dsn, environment: options.environment, release: options.release, tracesSampleRate: 0 });
  logger.info({ environment: options.environment }, 'sentry enabled');
  return {
    capture(error, context) {
      Sentry.withScope((scope) => {
        for (const [key, value] of Object.entries(context)) if (value) scope.setTag(key, value);
        Sentry.captureException(error);
      });
    },
    async flush(timeoutMs) {
      await Sentry.flush(timeoutMs);
    },
  };
}
