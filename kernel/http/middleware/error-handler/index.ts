import crypto from 'node:crypto';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { KernelErrors } from '../../../errors/codes.js';
import { OrionError } from '../../../errors/define-error.js';
import type { ErrorReporter } from '../../../observability/sentry.js';
import { ErrorPage, renderDocument } from '../../pages.js';
import { problemResponse, wantsJson } from '../../problem.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** An area's own error page for browsers (the storefront's themed 404); undefined falls back to the plain one. */
    htmlErrorPage?: (c: Context, err: OrionError) => Response | undefined;
  }
}

export interface ErrorHandlerOptions {
  logger: Logger;
  reporter: ErrorReporter;
}

/**
 * The answer for a coded error: problem+json for API clients, an HTML page for browsers, with the error's
 * headers. Middleware that refuses a request without throwing (the CSRF guard) answers with it too.
 */
export function errorResponse(c: Context, err: OrionError, errorId?: string): Response {
  for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
  if (wantsJson(c)) {
    return problemResponse(c, {
      title: err.title,
      status: err.status,
      detail: err.message,
      code: err.code,
      errorId,
      requestId: c.get('requestId'),
      plugin: err.plugin,
      errors: err.fields,
    });
  }
  const custom = c.get('htmlErrorPage')?.(c, err);
  if (custom) return custom;
  const page = ErrorPage({ status: err.status, title: err.title, detail: err.message, errorId });
  return c.html(renderDocument(page), err.status as 400);
}

/**
 * Expected failures (a coded OrionError, Hono's HTTPException) become their own answer (4xx, or 503). Anything else is a 500 with an
 * error id that is logged with the stack, sent to Sentry, and shown to the user so that support can find it.
 */
export function errorHandler({ logger, reporter }: ErrorHandlerOptions): ErrorHandler {
  return function errorHandler(err, c) {
    if (err instanceof OrionError && err.category !== 'internal') return errorResponse(c, err);
    if (err instanceof HTTPException && err.status === 400) {
      // Hono's validators raise these, e.g. for a malformed JSON body.
      return errorResponse(c, KernelErrors.BadRequest({ reason: err.message || 'The request could not be read.' }));
    }
    if (err instanceof HTTPException && err.status < 500) return err.getResponse(); // e.g. 401 from an auth helper
    const errorId = crypto.randomUUID();
    c.set('errorId', errorId);
    const plugin = c.get('pluginId') || (err instanceof OrionError ? err.plugin : undefined);
    logger.error(
      { err, errorId, requestId: c.get('requestId'), route: c.req.routePath, plugin },
      'unhandled error while serving a request',
    );
    reporter.capture(err, { errorId, requestId: c.get('requestId'), route: c.req.routePath, plugin });
    const internal = KernelErrors.Internal();
    internal.plugin = plugin;
    return errorResponse(c, internal, errorId);
  };
}

export const notFoundHandler: NotFoundHandler = (c) => errorResponse(c, KernelErrors.NotFound({ path: c.req.path }));
