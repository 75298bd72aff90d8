import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { Knex } from 'knex';
import { AuthErrors } from '../auth/errors.js';
import { requireSuperAdmin } from '../auth/login-api.js';
import type { OrionConfig } from '../config/schema.js';
import { validationHook } from '../http/validation.js';
import type { PluginHost } from './host.js';
import type { TransitionAudit } from './lifecycle.js';
import { LifecycleErrors } from './lifecycle-errors.js';
import { listPlugins } from './listing.js';
import { auditTransitions } from './transition-audit.js';

const PluginInfo = z
  .object({
    id: z.string(),
    displayName: z.string(),
    description: z.string(),
    category: z.enum(['core', 'optional', 'internal']),
    version: z.string().openapi({ description: 'The version on disk' }),
    installedVersion: z.string().nullable(),
    state: z.enum(['discovered', 'installed', 'excluded']),
    dependencies: z.record(z.string(), z.string()),
    dependents: z.array(z.string()),
    lastError: z.string().nullable(),
    enabled: z.boolean().optional().openapi({ description: 'On the platform asked for (platform listing only)' }),
    quarantine: z
      .object({ at: z.string(), reason: z.string() })
      .nullable()
      .optional()
      .openapi({ description: 'Why the plugin was disabled there for failing (platform listing only)' }),
  })
  .openapi('PluginInfo');

const Plan = z
  .object({
    action: z.enum(['install', 'upgrade', 'uninstall', 'enable', 'disable']),
    plugin: z.string(),
    platform: z.string().optional(),
    plugins: z.array(z.string()),
    migrations: z.array(z.string()),
    dependents: z.array(z.string()),
    dryRun: z.boolean(),
  })
  .openapi('PluginPlan');

const ToggleBody = z.object({ dryRun: z.boolean().default(false), cascade: z.boolean().default(false) });
const InstallBody = z.object({ dryRun: z.boolean().default(false) });
const UninstallBody = z.object({ dryRun: z.boolean().default(false), keepData: z.boolean().default(true) });
type Actor = { actor: string; audit: TransitionAudit };
const IdParam = z.object({ id: z.string().min(1).max(60) });
const PlatformParam = IdParam.extend({ platform: z.string().min(1).max(60) });

/**
 * The validator skips a request without a JSON body and hands over `{}` as is; parse it again so that the schema's
 * defaults always apply (an uninstall without a body must keep the data, as documented).
 */
function withDefaults<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  return schema.parse(value ?? {});
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: false },
});
const problems = {
  401: { description: 'No valid administrator token' },
  404: { description: 'No such plugin or platform' },
  409: { description: 'Refused: the problem names the plugins and the reason' },
  422: { description: 'Invalid input, or the transition failed and was rolled back' },
};

/**
 * The plugin management API (`/api/v1/admin/...`), used by the admin console and the CLI. Every route needs an
 * administrator's bearer token; installing, upgrading and uninstalling (global changes) need a super admin.
 */
export function managementApi(deps: {
  host: PluginHost;
  config: OrionConfig;
  knex: Knex;
  /** Authenticates an administrator (`authenticate(…, 'adminApi')`). */
  requireAdmin: MiddlewareHandler;
}): OpenAPIHono {
  const { host } = deps;
  const api = new OpenAPIHono({ defaultHook: validationHook });
  const admin = deps.requireAdmin;
  const onlySuperAdmins = requireSuperAdmin();
  const superAdmin: MiddlewareHandler = async (c, next) => {
    await deps.requireAdmin(c, async () => {
      await onlySuperAdmins(c, next);
    });
  };
  api.use('/api/v1/admin/plugins', admin);
  api.use('/api/v1/admin/plugins/*', admin);
  api.use('/api/v1/admin/platforms/*', admin);
  // A platform administrator manages only the platforms named in admin_platforms, whatever host the call came to.
  api.use('/api/v1/admin/platforms/:platform/*', async (c, next) => {
    const principal = c.get('principal');
    const platform = host.platforms.findByCode(c.req.param('platform'));
    if (principal?.kind === 'admin' && platform && principal.platformIds !== 'all') {
      if (!principal.platformIds.includes(platform.id)) throw AuthErrors.WrongPlatform({ platform: platform.code });
    }
    await next();
  });
  // Code-changing actions (install, upgrade, uninstall, reload, rescan) are for super administrators: declared on
  // each route, so the route's OpenAPI entry and its guard sit together.
  const actor = (c: Context) => {
    const principal = c.get('principal');
    return principal?.kind === 'admin' ? principal.email : 'unknown';
  };
  /** Each transition also goes to the audit log, in its own transaction. */
  const audited = (c: Context) => auditTransitions(host.platforms, c);

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/plugins',
      tags: ['plugins'],
      responses: { 200: json(z.object({ plugins: z.array(PluginInfo) }), 'Every discovered plugin'), ...problems },
    }),
    async (c) => c.json({ plugins: await listPlugins(host, deps.knex) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/platforms/{platform}/plugins',
      tags: ['plugins'],
      request: { params: z.object({ platform: z.string() }) },
      responses: {
        200: json(z.object({ plugins: z.array(PluginInfo) }), 'Plugins with their state there'),
        ...problems,
      },
    }),
    async (c) => {
      const code = c.req.valid('param').platform;
      const platform = host.platforms.findByCode(code);
      if (!platform) throw LifecycleErrors.UnknownPlatform({ code });
      return c.json({ plugins: await listPlugins(host, deps.knex, platform.id) }, 200);
    },
  );

  for (const action of ['enable', 'disable'] as const) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/admin/platforms/{platform}/plugins/{id}/${action}`,
        tags: ['plugins'],
        request: { params: PlatformParam, ...body(ToggleBody) },
        responses: { 200: json(Plan, 'What changed, or would change with dryRun'), ...problems },
      }),
      async (c) => {
        const { platform, id } = c.req.valid('param');
        const options = { ...withDefaults(ToggleBody, c.req.valid('json')), actor: actor(c), audit: audited(c) };
        const plan = await (action === 'enable' ? host.enable : host.disable)(platform, id, options);
        return c.json(plan, 200);
      },
    );
  }

  const ScanResult = z
    .object({ added: z.array(z.string()), reloaded: z.array(z.string()), excluded: z.array(z.string()) })
    .openapi('PluginScanResult');
  const scanned = async (result: z.infer<typeof ScanResult>) => {
    await host.announceCode(); // the other processes look at their disks too
    return result;
  };
  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/admin/plugins/rescan',
      tags: ['plugins'],
      middleware: superAdmin,
      responses: { 200: json(ScanResult, 'Plugins added, reloaded with new code, and left out'), ...problems },
    }),
    async (c) => c.json(await scanned(await host.rescan()), 200),
  );
  const global = [
    [
      'install',
      InstallBody,
      (id: string, b: z.infer<typeof InstallBody>, a: Actor) => host.install(id, { ...b, ...a }),
    ],
    [
      'upgrade',
      InstallBody,
      (id: string, b: z.infer<typeof InstallBody>, a: Actor) => host.upgrade(id, { ...b, ...a }),
    ],
    [
      'uninstall',
      UninstallBody,
      (id: string, b: z.infer<typeof UninstallBody>, a: Actor) => host.uninstall(id, { ...b, ...a }),
    ],
  ] as const;
  for (const [action, schema, run] of global) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/admin/plugins/{id}/${action}`,
        tags: ['plugins'],
        middleware: superAdmin,
        request: { params: IdParam, ...body(schema) },
        responses: { 200: json(Plan, 'What changed, or would change with dryRun'), ...problems },
      }),
      async (c) => {
        const plan = await (run as (id: string, b: unknown, a: Actor) => Promise<z.infer<typeof Plan>>)(
          c.req.valid('param').id,
          withDefaults(schema, c.req.valid('json')),
          { actor: actor(c), audit: audited(c) },
        );
        return c.json(plan, 200);
      },
    );
  }

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/admin/plugins/{id}/reload',
      tags: ['plugins'],
      middleware: superAdmin,
      request: { params: IdParam },
      responses: { 200: json(ScanResult, 'The plugin reloaded with fresh code'), ...problems },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!host.loaded.has(id)) throw LifecycleErrors.UnknownPlugin({ id });
      return c.json(await scanned(await host.rescan([id])), 200);
    },
  );

  return api;
}
