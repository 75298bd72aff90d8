import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { KernelErrors } from '../../../errors/codes.js';

/**
 * Hono's body limit, answering with the kernel's coded error (problem+json or an HTML page).
 *
 * GET, HEAD and OPTIONS requests that declare no body skip it: Hono's check reads `c.req.raw.body`, and on
 * @hono/node-server that turns the lightweight request into a full `Request`, which cost more than half the
 * throughput of a GET in `bench/http-stack`. Every other method is always checked.
 */
export function bodyLimit(maxSize: number): MiddlewareHandler {
  const limit = honoBodyLimit({
    maxSize,
    onError: () => {
      throw KernelErrors.BodyTooLarge({ limit: maxSize });
    },
  });
  return function bodyLimit(c, next) {
    const method = c.req.method;
    const bodiless = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
    if (bodiless && c.req.header('content-length') === undefined && c.req.header('transfer-encoding') === undefined) {
      return next();
    }
    return limit(c, next);
  };
}
