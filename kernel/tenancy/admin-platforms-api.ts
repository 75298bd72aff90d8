import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { Knex } from 'knex';
import { audit } from '../audit/audit.js';
import type { DbAccess } from '../auth/db-access.js';
import { requireSuperAdmin } from '../auth/login-api.js';
import type { AdminPrincipal } from '../auth/principal.js';
import { uniqueViolation } from '../db/unique-violation.js';
import { KernelErrors } from '../errors/codes.js';
import { jsonBody, jsonResponse } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';
import { TenancyErrors } from './errors.js';
import { SUPPORTED_LANGUAGES } from './language.js';

const Platform = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    domain: z.string().nullable(),
    isDefault: z.boolean(),
    isActive: z.boolean(),
    defaultLanguage: z.string(),
    branding: z.record(z.string(), z.unknown()),
    settings: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .openapi('Platform');

/** A host name such as `oms.example.com`, or a single label such as `localhost`; lowercase, without `www.`. */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^www\./, ''))
  .refine((d) => HOST.test(d), 'must be a host name such as oms.example.com');
const json = z.record(z.string(), z.unknown());
const PlatformPatch = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120).optional(),
  domain: domain.nullable().optional(),
  branding: json.optional(),
  defaultLanguage: z.enum(SUPPORTED_LANGUAGES).optional(),
  settings: json.optional(),
});
const NewPlatform = PlatformPatch.extend({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .refine((c) => /^[a-z][a-z0-9-]{0,39}$/.test(c), 'must be 1 to 40 lowercase letters, digits or dashes'),
  name: z.string().trim().min(1, 'must not be empty').max(120),
});
const codeParam = z.object({ code: z.string().max(60) });

interface PlatformRow {
  id: number;
  code: string;
  name: string;
  domain: string | null;
  is_default: boolean;
  is_active: boolean;
  default_language: string;
  branding: Record<string, unknown>;
  settings: Record<string, unknown>;
  created_at: Date;
}

const present = (p: PlatformRow) => ({
  id: Number(p.id),
  code: p.code,
  name: p.name,
  domain: p.domain,
  isDefault: p.is_default,
  isActive: p.is_active,
  defaultLanguage: p.default_language,
  branding: p.branding,
  settings: p.settings,
  createdAt: p.created_at.toISOString(),
});

const columns = (patch: z.infer<typeof PlatformPatch>) => ({
  ...(patch.name !== undefined ? { name: patch.name } : {}),
  ...(patch.domain !== undefined ? { domain: patch.domain } : {}),
  ...(patch.branding !== undefined ? { branding: JSON.stringify(patch.branding) } : {}),
  ...(patch.defaultLanguage !== undefined ? { default_language: patch.defaultLanguage } : {}),
  ...(patch.settings !== undefined ? { settings: JSON.stringify(patch.settings) } : {}),
});

export interface AdminPlatformsApiDeps {
  db: DbAccess;
  /** Authenticates an administrator, whatever the host's platform. */
  admin: MiddlewareHandler;
  /** Reloads the platform registry here and in every other process. */
  changed: () => Promise<void>;
}

/**
 * Platforms for administrators (`/api/v1/admin/platforms`): a super administrator lists, creates, changes,
 * deactivates and reactivates them; a platform administrator sees and changes only its own (others are a 404), and
 * cannot create or deactivate one. An inactive platform answers 404 on all its hosts. Every change is audit-logged.
 */
export function adminPlatformsApi(deps: AdminPlatformsApiDeps): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  const superAdmin = requireSuperAdmin();
  const scope = (c: Context) => (c.get('principal') as AdminPrincipal).platformIds;
  const query = (db: Knex, c: Context) => {
    const q = db('platforms').orderBy('id');
    const ids = scope(c);
    if (ids !== 'all') q.whereIn('id', [...ids]);
    return q;
  };
  const load = async (c: Context, db: Knex, code: string): Promise<PlatformRow> => {
    const row = await query(db, c).whereRaw('lower(code) = ?', [code.toLowerCase()]).first<PlatformRow | undefined>();
    if (!row) throw KernelErrors.NotFound({ path: c.req.path });
    return row;
  };
  /** A platform's domain must not be another platform's, nor a vendor's custom domain (the indexes catch races). */
  const checkDomain = async (db: Knex, host: string | null | undefined, self?: number) => {
    if (!host) return;
    const platform = await db('platforms')
      .whereRaw('lower(domain) = ?', [host])
      .whereNot('id', self ?? -1)
      .first('id');
    const vendor = await db('vendor_domains').whereRaw('lower(domain) = ?', [host]).first('id');
    if (platform || vendor) throw TenancyErrors.DomainTaken({ domain: host });
  };
  /** The unique indexes catch what the checks above miss when two requests race: the same 409, never a 500. */
  const conflicts = (input: { code?: string; domain?: string | null }) => (err: unknown) => {
    const violation = uniqueViolation(err);
    if (!violation) throw err;
    if (/domain/.test(violation.constraint)) throw TenancyErrors.DomainTaken({ domain: input.domain ?? '' });
    throw TenancyErrors.PlatformCodeTaken({ code: input.code ?? '' });
  };
  const one = { 200: jsonResponse(Platform, 'The platform'), 404: { description: 'No such platform for you' } };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/platforms',
      tags: ['platforms'],
      middleware: [deps.admin] as const,
      responses: { 200: jsonResponse(z.object({ platforms: z.array(Platform) }), 'The platforms you manage') },
    }),
    async (c) => {
      const rows = await deps.db.asSystem('admin: platforms', (db) => query(db, c).select<PlatformRow[]>('*'));
      return c.json({ platforms: rows.map(present) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/platforms/{code}',
      tags: ['platforms'],
      middleware: [deps.admin] as const,
      request: { params: codeParam },
      responses: one,
    }),
    async (c) =>
      c.json(present(await deps.db.asSystem('admin: platforms', (db) => load(c, db, c.req.valid('param').code))), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/admin/platforms',
      tags: ['platforms'],
      description: 'Super administrators only.',
      middleware: [deps.admin, superAdmin] as const,
      request: jsonBody(NewPlatform),
      responses: {
        201: jsonResponse(Platform, 'The new platform, active at once'),
        409: { description: 'ORN_TENANCY_PLATFORM_CODE_TAKEN, ORN_TENANCY_DOMAIN_TAKEN' },
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const created = await deps.db
        .asSystem('admin: create platform', async (db) => {
          const taken = await db('platforms').whereRaw('lower(code) = ?', [input.code]).first('id');
          if (taken) throw TenancyErrors.PlatformCodeTaken({ code: input.code });
          await checkDomain(db, input.domain);
          const [row] = await db('platforms')
            .insert({ code: input.code, ...columns(input) })
            .returning<PlatformRow[]>('*');
          const platform = row as PlatformRow;
          await audit(db, c, {
            action: 'tenancy.platform.created',
            targetType: 'platform',
            targetId: platform.id,
            platformId: platform.id,
            after: input,
          });
          return platform;
        })
        .catch(conflicts(input));
      await deps.changed();
      return c.json(present(created), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/admin/platforms/{code}',
      tags: ['platforms'],
      middleware: [deps.admin] as const,
      request: { params: codeParam, ...jsonBody(PlatformPatch) },
      responses: { ...one, 409: { description: 'ORN_TENANCY_DOMAIN_TAKEN' } },
    }),
    async (c) => {
      const patch = c.req.valid('json');
      const changed = await deps.db
        .asSystem('admin: change platform', async (db) => {
          const before = await load(c, db, c.req.valid('param').code);
          if (!Object.keys(columns(patch)).length) return before;
          await checkDomain(db, patch.domain, Number(before.id));
          const [row] = await db('platforms')
            .where({ id: before.id })
            .update({ ...columns(patch), updated_at: db.fn.now() })
            .returning<PlatformRow[]>('*');
          const keys = Object.keys(patch) as (keyof typeof patch)[];
          const was = present(before) as Record<string, unknown>;
          await audit(db, c, {
            action: 'tenancy.platform.changed',
            targetType: 'platform',
            targetId: before.id,
            platformId: Number(before.id),
            before: Object.fromEntries(keys.map((k) => [k, was[k]])),
            after: patch,
          });
          return row as PlatformRow;
        })
        .catch(conflicts(patch));
      await deps.changed();
      return c.json(present(changed), 200);
    },
  );

  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/admin/platforms/{code}/${verb}`,
        tags: ['platforms'],
        description: active
          ? 'Super administrators only.'
          : 'Super administrators only. Every host of the platform answers 404 until it is reactivated.',
        middleware: [deps.admin, superAdmin] as const,
        request: { params: codeParam },
        responses: { ...one, 409: { description: 'ORN_TENANCY_DEFAULT_PLATFORM' } },
      }),
      async (c) => {
        const changed = await deps.db.asSystem(`admin: ${verb} platform`, async (db) => {
          const platform = await load(c, db, c.req.valid('param').code);
          if (!active && platform.is_default) throw TenancyErrors.DefaultPlatform({ code: platform.code });
          const [row] = await db('platforms')
            .where({ id: platform.id })
            .update({ is_active: active, updated_at: db.fn.now() })
            .returning<PlatformRow[]>('*');
          await audit(db, c, {
            action: `tenancy.platform.${verb}d`,
            targetType: 'platform',
            targetId: platform.id,
            platformId: Number(platform.id),
            before: { isActive: platform.is_active },
            after: { isActive: active },
          });
          return row as PlatformRow;
        });
        await deps.changed();
        return c.json(present(changed), 200);
      },
    );
  }
  return api;
}
