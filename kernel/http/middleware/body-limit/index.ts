import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { KernelErrors } from '../../../errors/codes.js';

/** Hono's body limit, answering with the kernel's coded error (problem+json or an HTML page). */
export function bodyLimit(maxSize: number): MiddlewareHandler {
  return honoBodyLimit({
    maxSize,
    onError: () => {
      throw KernelErrors.BodyTooLarge({ limit: maxSize });
    },
  });
}
