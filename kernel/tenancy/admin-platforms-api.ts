import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { DbAccess } from '../auth/db-access.js';
import { requireSuperAdmin } from '../auth/login-api.js';
import type { AdminPrincipal } from '../auth/principal.js';
import { KernelErrors } from '../errors/codes.js';
import { jsonBody, jsonResponse } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';
import {
  changePlatform,
  createPlatform,
  findPlatform,
  NewPlatform,
  PlatformPatch,
  type PlatformRow,
  platformsQuery,
  presentPlatform,
  setPlatformActive,
} from './platform-service.js';

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

const codeParam = z.object({ code: z.string().max(60) });

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
  const found = (c: Context, row: PlatformRow | undefined): PlatformRow => {
    if (!row) throw KernelErrors.NotFound({ path: c.req.path });
    return row;
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
      const rows = await deps.db.asSystem('admin: platforms', (db) =>
        platformsQuery(db, scope(c)).select<PlatformRow[]>('*'),
      );
      return c.json({ platforms: rows.map(presentPlatform) }, 200);
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
    async (c) => {
      const { code } = c.req.valid('param');
      const row = await deps.db.asSystem('admin: platforms', (db) => findPlatform(db, scope(c), code));
      return c.json(presentPlatform(found(c, row)), 200);
    },
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
      const created = await createPlatform((fn) => deps.db.asSystem('admin: create platform', fn), c, input);
      await deps.changed();
      return c.json(presentPlatform(created), 201);
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
      const target = { scope: scope(c), code: c.req.valid('param').code };
      const changed = found(
        c,
        await changePlatform((fn) => deps.db.asSystem('admin: change platform', fn), c, target, patch),
      );
      await deps.changed();
      return c.json(presentPlatform(changed), 200);
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
        const target = { scope: scope(c), code: c.req.valid('param').code };
        const changed = found(
          c,
          await deps.db.asSystem(`admin: ${verb} platform`, (db) => setPlatformActive(db, c, target, active)),
        );
        await deps.changed();
        return c.json(presentPlatform(changed), 200);
      },
    );
  }
  return api;
}
