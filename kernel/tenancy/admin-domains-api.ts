import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { DbAccess } from '../auth/db-access.js';
import type { AdminPrincipal } from '../auth/principal.js';
import { KernelErrors } from '../errors/codes.js';
import { jsonBody, jsonResponse } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';
import {
  addVendorDomain,
  findVendorDomain,
  HOSTNAME,
  listVendorDomains,
  makeDomainPrimary,
  removeVendorDomain,
  setDomainVerified,
  type VendorDomainRow,
  verifyVendorDomain,
} from './domain-service.js';
import { type DomainVerifier, verificationRecordName } from './domain-verifier.js';
import type { PlatformRegistry } from './platforms.js';

const Domain = z
  .object({
    id: z.number().int(),
    domain: z.string(),
    platform: z.string(),
    isPrimary: z.boolean(),
    verifiedAt: z.string().nullable(),
    verificationRecord: z.object({ type: z.literal('TXT'), name: z.string(), value: z.string() }),
  })
  .openapi('VendorDomain');

const params = z.object({ code: z.string(), id: z.coerce.number().int().positive() });

export interface AdminDomainsApiDeps {
  db: DbAccess;
  platforms: PlatformRegistry;
  verifier: () => DomainVerifier;
  changed: () => Promise<void>;
}

/**
 * A vendor's custom domains: add (with a verification token to publish as a DNS TXT record), verify (looks the
 * record up), mark verified (an administrator's decision), make primary, remove. A domain serves the shop only
 * once verified.
 */
export function adminDomainsApi(deps: AdminDomainsApiDeps): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });

  const vendorFor = async (c: Context, code: string) => {
    const principal = c.get('principal') as AdminPrincipal;
    const vendor = await deps.db.asSystem('admin: domains', (db) =>
      db('vendors as v')
        .whereRaw('lower(v.code) = ?', [code.toLowerCase()])
        .whereNull('v.deleted_at')
        .first<{ id: number; platform_ids: number[] } | undefined>(
          'v.id',
          db.raw('array(select platform_id from vendor_platforms vp where vp.vendor_id = v.id) as platform_ids'),
        ),
    );
    const ids = principal.platformIds;
    if (!vendor || (ids !== 'all' && !vendor.platform_ids.some((p) => ids.includes(Number(p))))) {
      throw KernelErrors.NotFound({ path: c.req.path });
    }
    return vendor;
  };
  const domainOf = async (c: Context, vendorId: number, id: number) => {
    const row = await findVendorDomain(deps.db, vendorId, id);
    if (!row) throw KernelErrors.NotFound({ path: c.req.path });
    return row;
  };
  const present = (r: VendorDomainRow) => ({
    id: Number(r.id),
    domain: r.domain,
    platform: deps.platforms.get(Number(r.platform_id))?.code ?? '',
    isPrimary: r.is_primary,
    verifiedAt: r.verified_at ? r.verified_at.toISOString() : null,
    verificationRecord: {
      type: 'TXT' as const,
      name: verificationRecordName(r.domain),
      value: r.verification_token,
    },
  });
  const route = (method: 'get' | 'post' | 'delete', path: string, description: string) =>
    createRoute({
      method,
      path: `/api/v1/admin/vendors/{code}/domains${path}`,
      tags: ['vendors'],
      request: { params: path ? params : z.object({ code: z.string() }) },
      responses: { 200: jsonResponse(Domain, description), 404: { description: 'No such vendor or domain here' } },
    });

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/vendors/{code}/domains',
      tags: ['vendors'],
      request: { params: z.object({ code: z.string() }) },
      responses: { 200: jsonResponse(z.object({ domains: z.array(Domain) }), "The vendor's custom domains") },
    }),
    async (c) => {
      const vendor = await vendorFor(c, c.req.valid('param').code);
      const rows = await listVendorDomains(deps.db, vendor.id);
      return c.json({ domains: rows.map(present) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/admin/vendors/{code}/domains',
      tags: ['vendors'],
      request: {
        params: z.object({ code: z.string() }),
        ...jsonBody(
          z.object({
            domain: z
              .string()
              .trim()
              .toLowerCase()
              .transform((d) => d.replace(/^www\./, ''))
              .refine((d) => HOSTNAME.test(d), 'must be a domain name such as shop.example.com'),
            platform: z.string(),
          }),
        ),
      },
      responses: {
        201: jsonResponse(Domain, 'Added, not verified yet: publish the TXT record, then verify'),
        409: { description: 'Taken' },
      },
    }),
    async (c) => {
      const vendor = await vendorFor(c, c.req.valid('param').code);
      const { domain, platform: code } = c.req.valid('json');
      const platform = deps.platforms.findByCode(code);
      if (!platform || !vendor.platform_ids.map(Number).includes(platform.id)) {
        throw KernelErrors.ValidationFailed(
          { summary: 'platform: the vendor is not on it' },
          { fields: { platform: 'the vendor is not on this platform' } },
        );
      }
      const row = await addVendorDomain(deps, c, { vendorId: vendor.id, platformId: platform.id, domain });
      return c.json(present(row), 201);
    },
  );

  api.openapi(route('post', '/{id}/verify', 'Verified: the TXT record was found'), async (c) => {
    const { code, id } = c.req.valid('param') as { code: string; id: number };
    const vendor = await vendorFor(c, code);
    const row = await domainOf(c, vendor.id, id);
    const verified = await verifyVendorDomain({ db: deps.db, verifier: deps.verifier() }, c, row);
    await deps.changed();
    return c.json(present(verified), 200);
  });

  api.openapi(route('post', '/{id}/mark-verified', 'Marked verified by an administrator'), async (c) => {
    const { code, id } = c.req.valid('param') as { code: string; id: number };
    const vendor = await vendorFor(c, code);
    const row = await domainOf(c, vendor.id, id);
    const verified = await setDomainVerified(deps.db, c, row, 'tenancy.domain.marked_verified');
    await deps.changed();
    return c.json(present(verified), 200);
  });

  api.openapi(route('post', '/{id}/primary', 'Now the primary domain'), async (c) => {
    const { code, id } = c.req.valid('param') as { code: string; id: number };
    const vendor = await vendorFor(c, code);
    const row = await makeDomainPrimary(deps.db, c, await domainOf(c, vendor.id, id));
    await deps.changed();
    return c.json(present(row), 200);
  });

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/admin/vendors/{code}/domains/{id}',
      tags: ['vendors'],
      request: { params },
      responses: { 204: { description: 'Removed: the domain no longer serves the shop' } },
    }),
    async (c) => {
      const { code, id } = c.req.valid('param');
      const vendor = await vendorFor(c, code);
      await removeVendorDomain(deps.db, c, await domainOf(c, vendor.id, id));
      await deps.changed();
      return c.body(null, 204);
    },
  );

  return api;
}
