import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { KernelErrors } from '../errors/codes.js';
import { validationHook } from '../http/validation.js';
import { type PluginContext, type PluginRouter, ROUTE_AREAS, type RouteArea } from './definition.js';
import type { LoadedPlugin } from './loaded-plugin.js';
import type { PluginSnapshot } from './snapshot.js';

type RegisterRoutes = (router: PluginRouter, ctx: PluginContext) => void;

export interface MountHooks {
  /** A plugin's route registration threw: it serves nothing in that area. */
  onRegisterError(id: string, err: unknown): void;
  /** Every answer of a plugin's route, for the quarantine's error rate. */
  onAnswer(platformId: number, id: string, failed: boolean): void;
  /** Authentication the kernel enforces for an area, whatever the plugin does (admin areas need an admin). */
  areaAuth: Partial<Record<RouteArea, MiddlewareHandler>>;
}

/**
 * Compiles the routes of the installed plugins into `app`, once per change of the installed set: no router is
 * rebuilt per request. Each plugin is mounted under `<area prefix>/<plugin id>`, behind a guard that answers 404
 * unless the plugin is enabled on the request's platform in the snapshot the request started with.
 */
export function mountPlugins(app: Hono, plugins: LoadedPlugin[], hooks: MountHooks): MountedRouter[] {
  const mounted: MountedRouter[] = [];
  for (const plugin of plugins) {
    const { id } = plugin.discovered.manifest;
    const guard: MiddlewareHandler = async function pluginGuard(c, next) {
      const platform = c.get('platform');
      const snapshot = c.get('pluginSnapshot');
      if (!platform || !snapshot?.isEnabled(platform.id, id)) throw KernelErrors.NotFound({ path: c.req.path });
      c.set('pluginId', id);
      await next();
      hooks.onAnswer(platform.id, id, c.res.status >= 500);
    };
    const areas = Object.entries(plugin.definition.routes ?? {}) as [RouteArea, RegisterRoutes][];
    for (const [area, register] of areas) {
      const router: PluginRouter = new OpenAPIHono({ defaultHook: validationHook });
      try {
        register(router, plugin.context);
      } catch (err) {
        // A plugin whose route registration throws serves nothing in that area; the others are unaffected.
        hooks.onRegisterError(id, err);
        continue;
      }
      const prefix = `${ROUTE_AREAS[area]}/${id}`;
      const auth = hooks.areaAuth[area];
      for (const path of [prefix, `${prefix}/*`]) {
        app.use(path, guard);
        if (auth) app.use(path, auth);
      }
      app.route(prefix, router);
      mounted.push({ prefix, router });
    }
  }
  return mounted;
}

/** A plugin's router of one area and where it is mounted: the OpenAPI document lists its `createRoute` routes. */
export interface MountedRouter {
  prefix: string;
  router: PluginRouter;
}

/** Takes the plugin snapshot once at the start of each request (run by the kernel's request-context middleware). */
export function takeSnapshot(current: () => PluginSnapshot): (c: Context) => void {
  return function takeSnapshot(c) {
    c.set('pluginSnapshot', current());
  };
}

declare module 'hono' {
  interface ContextVariableMap {
    pluginSnapshot?: PluginSnapshot;
  }
}
