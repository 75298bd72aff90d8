import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Knex } from 'knex';
import { audit } from '../audit/audit.js';
import { requirePermission } from '../auth/authorize.js';
import type { DbAccess } from '../auth/db-access.js';
import type { SessionStore } from '../auth/sessions.js';
import { KernelErrors } from '../errors/codes.js';
import { jsonResponse } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';
import { idParam, vendorOf } from './vendor-api.js';

const Customer = z
  .object({
    id: z.number().int(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    language: z.string().nullable(),
    marketingConsent: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    deletedAt: z.string().nullable(),
  })
  .openapi('Customer');

const ListQuery = z.object({
  search: z.string().trim().max(100).optional().openapi({ description: 'Part of the email or name' }),
  deleted: z
    .enum(['exclude', 'include', 'only'])
    .default('exclude')
    .openapi({ description: 'Whether deleted customers are listed' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

interface CustomerRow {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  language: string | null;
  marketing_consent: boolean;
  last_login_at: Date | null;
  created_at: Date;
  deleted_at: Date | null;
}

const present = (r: CustomerRow) => ({
  id: Number(r.id),
  email: r.email,
  firstName: r.first_name,
  lastName: r.last_name,
  language: r.language,
  marketingConsent: r.marketing_consent,
  lastLoginAt: r.last_login_at ? r.last_login_at.toISOString() : null,
  createdAt: r.created_at.toISOString(),
  deletedAt: r.deleted_at ? r.deleted_at.toISOString() : null,
});

const COLUMNS = [
  'id',
  'email',
  'first_name',
  'last_name',
  'language',
  'marketing_consent',
  'last_login_at',
  'created_at',
  'deleted_at',
];

/**
 * The vendor's shop customers (`/api/v1/vendor/customers`): list and search, soft delete and restore. A deleted
 * customer is signed out and cannot sign in, reset its password or register again with the same email (the
 * account keeps it, so that a restore never clashes); its orders and data stay. Another vendor's customer is a 404.
 */
export function customersApi(deps: { db: DbAccess; sessions: SessionStore }): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  api.use('/api/v1/vendor/customers', requirePermission('customers.view'));
  api.use('/api/v1/vendor/customers/*', async (c, next) =>
    requirePermission(c.req.method === 'GET' ? 'customers.view' : 'customers.edit')(c, next),
  );

  const load = async (c: Context, db: Knex, vendorId: number): Promise<CustomerRow> => {
    const row = await db('customers')
      .where({ id: c.req.param('id'), vendor_id: vendorId })
      .first<CustomerRow | undefined>(COLUMNS);
    if (!row) throw KernelErrors.NotFound({ path: c.req.path });
    return row;
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/vendor/customers',
      tags: ['customers'],
      request: { query: ListQuery },
      responses: {
        200: jsonResponse(
          z.object({
            customers: z.array(Customer),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
          "The shop's customers, newest first",
        ),
      },
    }),
    async (c) => {
      const vendorId = vendorOf(c);
      const q = c.req.valid('query');
      const filter = (db: Knex) => {
        const query = db('customers').where({ vendor_id: vendorId });
        if (q.deleted === 'exclude') query.whereNull('deleted_at');
        if (q.deleted === 'only') query.whereNotNull('deleted_at');
        if (q.search) {
          const like = `%${q.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
          query.where((w) =>
            w
              .whereRaw('lower(email) like ?', [like])
              .orWhereRaw("lower(first_name || ' ' || last_name) like ?", [like]),
          );
        }
        return query;
      };
      const { rows, total } = await deps.db.asVendor(vendorId, async (db) => {
        const rows = await filter(db)
          .orderBy('id', 'desc')
          .limit(q.limit)
          .offset(q.offset)
          .select<CustomerRow[]>(COLUMNS);
        const counted = await filter(db).count<{ count: number | string }[]>('* as count').first();
        return { rows, total: Number(counted?.count ?? 0) };
      });
      return c.json({ customers: rows.map(present), total, limit: q.limit, offset: q.offset }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/vendor/customers/{id}',
      tags: ['customers'],
      request: { params: idParam },
      responses: { 200: jsonResponse(Customer, 'The customer'), 404: { description: 'No such customer here' } },
    }),
    async (c) => {
      const vendorId = vendorOf(c);
      return c.json(present(await deps.db.asVendor(vendorId, (db) => load(c, db, vendorId))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/vendor/customers/{id}',
      tags: ['customers'],
      request: { params: idParam },
      responses: {
        204: { description: 'Deleted (restorable): signed out, and cannot sign in' },
        404: { description: 'No such customer here, or already deleted' },
      },
    }),
    async (c) => {
      const vendorId = vendorOf(c);
      await deps.db.asVendor(vendorId, async (db) => {
        const customer = await load(c, db, vendorId);
        if (customer.deleted_at) throw KernelErrors.NotFound({ path: c.req.path });
        await db('customers').where({ id: customer.id }).update({ deleted_at: db.fn.now(), updated_at: db.fn.now() });
        await deps.sessions.revokeAll(db, { customerId: Number(customer.id) }, 'customer deleted');
        await audit(db, c, {
          action: 'customer.deleted',
          targetType: 'customer',
          targetId: customer.id,
          vendorId,
          before: { email: customer.email, deletedAt: null },
          after: { deleted: true },
        });
      });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/vendor/customers/{id}/restore',
      tags: ['customers'],
      request: { params: idParam },
      responses: {
        200: jsonResponse(Customer, 'The customer, who can sign in again'),
        404: { description: 'No such deleted customer here' },
      },
    }),
    async (c) => {
      const vendorId = vendorOf(c);
      const restored = await deps.db.asVendor(vendorId, async (db) => {
        const customer = await load(c, db, vendorId);
        if (!customer.deleted_at) throw KernelErrors.NotFound({ path: c.req.path });
        await db('customers').where({ id: customer.id }).update({ deleted_at: null, updated_at: db.fn.now() });
        await audit(db, c, {
          action: 'customer.restored',
          targetType: 'customer',
          targetId: customer.id,
          vendorId,
          before: { deletedAt: customer.deleted_at.toISOString() },
          after: { deletedAt: null },
        });
        return { ...customer, deleted_at: null };
      });
      return c.json(present(restored), 200);
    },
  );
  return api;
}
