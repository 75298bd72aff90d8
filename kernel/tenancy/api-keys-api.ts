import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/authorize.js';
import type { DbAccess } from '../auth/db-access.js';
import { jsonBody, jsonResponse } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';
import { createVendorApiKey, listApiKeys, revokeVendorApiKey } from './api-keys-service.js';
import { idParam, RoleInput, vendorOf } from './vendor-api.js';

const ApiKey = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    permissions: z.array(z.string()),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The vendor's API keys (`/api/v1/vendor/api-keys`), for integrations: scoped to permissions, shown once, stored
 * hashed, revocable. Another vendor's key is a 404.
 */
export function apiKeysApi(deps: { db: DbAccess }): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  api.use('/api/v1/vendor/api-keys', requirePermission('api_keys.manage'));
  api.use('/api/v1/vendor/api-keys/*', requirePermission('api_keys.manage'));

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/vendor/api-keys',
      tags: ['api-keys'],
      responses: {
        200: jsonResponse(z.object({ keys: z.array(ApiKey) }), "The vendor's API keys (never the keys themselves)"),
      },
    }),
    async (c) => {
      const keys = (await listApiKeys(deps.db, vendorOf(c))).map((k) => ({
        ...k,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: iso(k.lastUsedAt),
        revokedAt: iso(k.revokedAt),
      }));
      return c.json({ keys }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/vendor/api-keys',
      tags: ['api-keys'],
      request: jsonBody(RoleInput),
      responses: {
        201: jsonResponse(
          z.object({
            id: z.number().int(),
            prefix: z.string(),
            key: z.string().openapi({ description: 'Shown once' }),
          }),
          'The new key: store it now, it is not shown again',
        ),
      },
    }),
    async (c) => {
      const created = await createVendorApiKey(deps.db, c, vendorOf(c), c.req.valid('json'));
      return c.json(created, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/vendor/api-keys/{id}',
      tags: ['api-keys'],
      request: { params: idParam },
      responses: {
        204: { description: 'Revoked: the key stops working at once' },
        404: { description: 'No such key' },
      },
    }),
    async (c) => {
      await revokeVendorApiKey(deps.db, c, vendorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return api;
}
