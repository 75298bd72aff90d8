import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { ORION_VERSION } from '../version.js';

/** A JSON response of an OpenAPI route. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body of an OpenAPI route. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

/** A router whose `createRoute` routes belong in the OpenAPI document, and the prefix it is mounted at. */
export interface DocumentedRouter {
  prefix: string;
  // biome-ignore lint/suspicious/noExplicitAny: routers of any context variables (the kernel's, plugins')
  router: OpenAPIHono<any>;
}

/**
 * Serves `GET /api/v1/openapi.json`: one OpenAPI 3.1 document for every JSON route declared with `createRoute`, the
 * kernel's and the installed plugins'. Built on the first request after the routers change, then kept.
 */
export function serveOpenApiDocument(app: Hono, routers: () => readonly DocumentedRouter[]): void {
  let cached: { for: readonly DocumentedRouter[]; document: unknown } | undefined;
  app.get('/api/v1/openapi.json', (c) => {
    const current = routers();
    const same = cached?.for.length === current.length && current.every((r, i) => cached?.for[i]?.router === r.router);
    if (!cached || !same) {
      const all = new OpenAPIHono();
      for (const { prefix, router } of current) all.route(prefix, router);
      const document = all.getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: 'Orion API', version: ORION_VERSION },
      });
      cached = { for: current, document };
    }
    return c.json((cached as { document: object }).document);
  });
}
