import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/audit.js';
import { createApiKey } from '../auth/api-keys.js';
import { requirePermission } from '../auth/authorize.js';
import type { DbAccess } from '../auth/db-access.js';
import { KernelErrors } from '../errors/codes.js';
import { jsonBody, jsonResponse } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';
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
      const vendorId = vendorOf(c);
      const rows = await deps.db.asVendor(vendorId, (db) =>
        db('api_keys')
          .where({ vendor_id: vendorId })
          .orderBy('id')
          .select('id', 'name', 'prefix', 'permissions', 'created_at', 'last_used_at', 'revoked_at'),
      );
      const keys = rows.map((r) => ({
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        permissions: r.permissions,
        createdAt: r.created_at.toISOString(),
        lastUsedAt: iso(r.last_used_at),
        revokedAt: iso(r.revoked_at),
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
      const vendorId = vendorOf(c);
      const { name, permissions } = c.req.valid('json');
      const principal = c.get('principal');
      const created = await deps.db.asVendor(vendorId, (db) =>
        db.transaction(async (trx) => {
          const key = await createApiKey(trx, {
            vendorId,
            name,
            permissions,
            createdBy: principal?.kind === 'vendorUser' ? principal.userId : undefined,
          });
          await audit(trx, c, {
            action: 'api_key.created',
            targetType: 'api_key',
            targetId: key.id,
            vendorId,
            after: { name, permissions },
          });
          return key;
        }),
      );
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
      const vendorId = vendorOf(c);
      const { id } = c.req.valid('param');
      await deps.db.asVendor(vendorId, (db) =>
        db.transaction(async (trx) => {
          const n = await trx('api_keys')
            .where({ id, vendor_id: vendorId })
            .whereNull('revoked_at')
            .update({ revoked_at: trx.fn.now() });
          if (!n) throw KernelErrors.NotFound({ path: c.req.path });
          await audit(trx, c, { action: 'api_key.revoked', targetType: 'api_key', targetId: id, vendorId });
        }),
      );
      return c.body(null, 204);
    },
  );

  return api;
}
