import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requirePermission } from '../auth/authorize.js';
import type { DbAccess } from '../auth/db-access.js';
import type { AdminPrincipal } from '../auth/principal.js';
import { KernelErrors } from '../errors/codes.js';
import { jsonResponse } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';

const Entry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    vendorId: z.number().int().nullable(),
    platformId: z.number().int().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

const Query = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(320).optional(),
  vendorId: z.coerce.number().int().optional(),
  before: z.coerce.number().int().optional().openapi({ description: 'Entries with a smaller id (paging)' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit log: everything for super administrators, a platform's entries for its administrators, a vendor's own. */
export function auditApi(deps: { db: DbAccess }): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  const list = async (
    c: Context,
    q: z.infer<typeof Query>,
    scope: { vendorId?: number; platformIds?: readonly number[] },
  ) => {
    const rows = await deps.db.asSystem('audit log', (db) => {
      const query = db('audit_log').orderBy('id', 'desc').limit(q.limit);
      if (q.action) query.where('action', 'like', `${q.action.replace(/[\\%_]/g, '\\$&')}%`);
      if (q.actor) query.whereRaw('lower(actor_label) = ?', [q.actor.toLowerCase()]);
      if (q.before) query.where('id', '<', q.before);
      const vendorId = scope.vendorId ?? q.vendorId;
      if (vendorId !== undefined) query.where('vendor_id', vendorId);
      if (scope.platformIds) query.whereIn('platform_id', [...scope.platformIds]);
      return query;
    });
    const entries = rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor_label,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      vendorId: r.vendor_id,
      platformId: r.platform_id,
      before: r.before,
      after: r.after,
      ip: r.ip,
      userAgent: r.user_agent,
      requestId: r.request_id,
    }));
    return c.json({ entries }, 200);
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/audit-log',
      tags: ['audit'],
      request: { query: Query },
      responses: { 200: jsonResponse(z.object({ entries: z.array(Entry) }), 'Newest first') },
    }),
    async (c) => {
      const principal = c.get('principal') as AdminPrincipal;
      const platformIds = principal.platformIds === 'all' ? undefined : principal.platformIds;
      return list(c, c.req.valid('query'), { platformIds });
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/vendor/audit-log',
      tags: ['audit'],
      middleware: [requirePermission('audit.view')] as const,
      request: { query: Query.omit({ vendorId: true }) },
      responses: { 200: jsonResponse(z.object({ entries: z.array(Entry) }), "The vendor's own entries, newest first") },
    }),
    async (c) => {
      const vendor = c.get('vendor');
      if (!vendor) throw KernelErrors.NotFound({ path: c.req.path });
      return list(c, { ...c.req.valid('query'), vendorId: undefined }, { vendorId: vendor.id });
    },
  );
  return api;
}
