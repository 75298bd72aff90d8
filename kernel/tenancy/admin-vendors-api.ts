import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { audit } from '../audit/audit.js';
import type { DbAccess } from '../auth/db-access.js';
import type { AdminPrincipal } from '../auth/principal.js';
import { KernelErrors } from '../errors/codes.js';
import { jsonBody, jsonResponse } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';
import { SUPPORTED_LANGUAGES } from './language.js';
import type { PlatformRegistry } from './platforms.js';
import {
  changeVendor,
  listQuery,
  softDeleteVendor,
  VENDOR_TRANSITIONS as transitions,
  type VendorRow,
  type VendorTransition,
  vendorTransition,
} from './vendor-admin-service.js';
import { createVendor } from './vendor-service.js';

const Vendor = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    companyId: z.number().int(),
    companyName: z.string(),
    status: z.enum(['active', 'suspended']),
    defaultLanguage: z.string(),
    languages: z.array(z.string()),
    platforms: z.array(z.object({ code: z.string(), subdomain: z.string(), status: z.string() })),
    deletedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Vendor');

const language = z.enum(SUPPORTED_LANGUAGES);
const NewVendor = z.object({
  code: z.string().trim().toLowerCase(),
  name: z.string().trim().min(1, 'must not be empty').max(120),
  companyName: z.string().trim().min(1).max(200).optional(),
  companyId: z.number().int().optional(),
  ownerEmail: z.string().trim().email('must be an email address'),
  ownerName: z.string().trim().max(120).optional(),
  platforms: z.array(z.string()).min(1, 'must name at least one platform'),
  defaultLanguage: language.default('en'),
  languages: z.array(language).min(1).optional(),
});
const VendorPatch = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  defaultLanguage: language.optional(),
  languages: z.array(language).min(1).optional(),
});
const codeParam = z.object({ code: z.string() });

export interface AdminVendorsApiDeps {
  db: DbAccess;
  platforms: PlatformRegistry;
  /** Reload the registries here and in every other process. */
  changed: () => Promise<void>;
  /** Mails the owner an invitation to set a password. */
  invite?: (c: Context, input: { userId: number; vendorId: number }) => Promise<void>;
}

/**
 * Vendors for administrators: list, create (with the owner), change, suspend, reactivate, delete (soft) and
 * restore. A platform administrator sees and changes only vendors of the platforms it manages.
 */
export function adminVendorsApi(deps: AdminVendorsApiDeps): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  const admin = (c: Context) => c.get('principal') as AdminPrincipal;
  const visible = (c: Context, platformIds: number[]) => {
    const ids = admin(c).platformIds;
    return ids === 'all' || platformIds.some((id) => ids.includes(id));
  };

  const load = async (c: Context, code: string, withDeleted = true) => {
    const rows = await deps.db.asSystem('admin: vendors', (db) => listQuery(db, { code, withDeleted }));
    const vendor = rows[0];
    if (!vendor || !visible(c, vendor.platformIds)) throw KernelErrors.NotFound({ path: c.req.path });
    return vendor;
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/vendors',
      tags: ['vendors'],
      request: {
        query: z.object({
          search: z.string().max(100).optional(),
          status: z.enum(['active', 'suspended', 'deleted']).optional(),
          platform: z.string().optional(),
        }),
      },
      responses: { 200: jsonResponse(z.object({ vendors: z.array(Vendor) }), 'Vendors the administrator manages') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const platformId = q.platform ? (deps.platforms.findByCode(q.platform)?.id ?? -1) : undefined;
      const rows = await deps.db.asSystem('admin: vendors', (db) =>
        listQuery(db, { search: q.search, status: q.status, platformId, withDeleted: q.status === 'deleted' }),
      );
      return c.json(
        { vendors: rows.filter((v) => visible(c, v.platformIds)).map((v) => present(v, deps.platforms)) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/admin/vendors',
      tags: ['vendors'],
      request: jsonBody(NewVendor),
      responses: {
        201: jsonResponse(Vendor, 'The vendor; its owner was sent an invitation unless it already had a password'),
        409: { description: 'Code taken' },
        422: { description: 'Invalid input' },
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const platformIds = input.platforms.map((code) => {
        const platform = deps.platforms.findByCode(code);
        if (!platform) {
          throw KernelErrors.ValidationFailed(
            { summary: `platforms: no platform ${code}` },
            { fields: { platforms: `no platform ${code}` } },
          );
        }
        return platform.id;
      });
      if (!visible(c, platformIds)) throw KernelErrors.NotFound({ path: c.req.path });
      const created = await deps.db.asSystem('admin: create vendor', async (db) => {
        const result = await createVendor(db, {
          code: input.code,
          name: input.name,
          company: input.companyId ? { id: input.companyId } : { name: input.companyName ?? input.name },
          platformIds,
          owner: { email: input.ownerEmail, displayName: input.ownerName },
          defaultLanguage: input.defaultLanguage,
          languages: input.languages ?? [input.defaultLanguage],
        });
        await audit(db, c, {
          action: 'tenancy.vendor.created',
          targetType: 'vendor',
          targetId: result.vendorId,
          vendorId: result.vendorId,
          after: { code: input.code, name: input.name, owner: input.ownerEmail, platforms: input.platforms },
        });
        return result;
      });
      await deps.changed();
      if (!created.ownerActive) await deps.invite?.(c, { userId: created.ownerUserId, vendorId: created.vendorId });
      return c.json(present(await load(c, input.code), deps.platforms), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/vendors/{code}',
      tags: ['vendors'],
      request: { params: codeParam },
      responses: { 200: jsonResponse(Vendor, 'The vendor'), 404: { description: 'No such vendor here' } },
    }),
    async (c) => c.json(present(await load(c, c.req.valid('param').code), deps.platforms), 200),
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/admin/vendors/{code}',
      tags: ['vendors'],
      request: { params: codeParam, ...jsonBody(VendorPatch) },
      responses: { 200: jsonResponse(Vendor, 'The vendor') },
    }),
    async (c) => {
      const before = await load(c, c.req.valid('param').code, false);
      const patch = c.req.valid('json');
      const changed = await deps.db.asSystem('admin: change vendor', (db) => changeVendor(db, c, before, patch));
      if (changed) await deps.changed();
      return c.json(present(await load(c, before.code), deps.platforms), 200);
    },
  );

  for (const [verb, t] of Object.entries(transitions)) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/admin/vendors/{code}/${verb}`,
        tags: ['vendors'],
        request: { params: codeParam },
        responses: { 200: jsonResponse(Vendor, 'The vendor'), 404: { description: 'No such vendor here' } },
      }),
      async (c) => {
        const vendor = await load(c, c.req.valid('param').code);
        if (Boolean(vendor.deleted_at) !== t.deleted) throw KernelErrors.NotFound({ path: c.req.path });
        await deps.db.asSystem(`admin: ${verb} vendor`, (db) =>
          vendorTransition(db, c, vendor, verb as VendorTransition),
        );
        await deps.changed();
        return c.json(present(await load(c, vendor.code), deps.platforms), 200);
      },
    );
  }

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/admin/vendors/{code}',
      tags: ['vendors'],
      request: { params: codeParam },
      responses: { 204: { description: 'Deleted (restorable): its shop answers 404, its team is signed out' } },
    }),
    async (c) => {
      const vendor = await load(c, c.req.valid('param').code, false);
      await deps.db.asSystem('admin: delete vendor', (db) => softDeleteVendor(db, c, vendor));
      await deps.changed();
      return c.body(null, 204);
    },
  );

  return api;
}

function present(v: VendorRow, platforms: PlatformRegistry) {
  return {
    id: v.id,
    code: v.code,
    name: v.name,
    companyId: v.company_id,
    companyName: v.company_name,
    status: v.status,
    defaultLanguage: v.default_language,
    languages: v.languages,
    platforms: v.memberships.map((m) => ({
      code: platforms.get(Number(m.platform_id))?.code ?? String(m.platform_id),
      subdomain: m.subdomain,
      status: m.status,
    })),
    deletedAt: v.deleted_at ? v.deleted_at.toISOString() : null,
    createdAt: v.created_at.toISOString(),
  };
}
