import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { Router } from 'hono/router';
import type { H, RouterRoute } from 'hono/types';
import { validationHook } from '../http/validation.js';
import { type PluginContext, type PluginRouter, ROUTE_AREAS, type RouteArea } from './definition.js';
import type { PluginDispatch } from './dispatch.js';
import type { LoadedPlugin } from './loaded-plugin.js';
import type { PluginSnapshot } from './snapshot.js';

type RegisterRoutes = (router: PluginRouter, ctx: PluginContext) => void;

/**
 * Compiles the routes of the installed plugins into `app`, once per change of the installed set: no router is
 * rebuilt per request. Each plugin's routes sit under `<area prefix>/<plugin id>` (in a router of their own, see
 * `PluginAwareRouter`); whether the plugin is enabled on the request's platform is checked before routing, by
 * `pluginDispatch`. `pageAuth` authenticates the HTML areas' plugin routes, as their first middleware: after the
 * area's page middleware (CSRF, the page frame that sends an anonymous visitor to the sign-in page), which must wrap
 * it.
 */
export function mountPlugins(
  app: Hono,
  plugins: LoadedPlugin[],
  onRegisterError: (id: string, err: unknown) => void,
  pageAuth: Partial<Record<RouteArea, MiddlewareHandler>> = {},
): MountedRouter[] {
  const routers: MountedRouter[] = [];
  for (const plugin of plugins) {
    const { id } = plugin.discovered.manifest;
    const areas = Object.entries(plugin.definition.routes ?? {}) as [RouteArea, RegisterRoutes][];
    for (const [area, register] of areas) {
      const router: PluginRouter = new OpenAPIHono({ defaultHook: validationHook });
      try {
        register(router, plugin.context);
      } catch (err) {
        // A plugin whose route registration throws serves nothing in that area; the others are unaffected.
        onRegisterError(id, err);
        continue;
      }
      const prefix = `${ROUTE_AREAS[area]}/${id}`;
      const auth = pageAuth[area];
      if (auth) app.use(`${prefix}/*`, auth);
      app.route(prefix, router);
      routers.push({ prefix, router });
    }
  }
  return routers;
}

/** Per area, the plugins that declare routes there: their prefixes belong to them. */
export function routedAreas(plugins: LoadedPlugin[]): Map<RouteArea, Set<string>> {
  const routed = new Map<RouteArea, Set<string>>();
  for (const plugin of plugins) {
    for (const area of Object.keys(plugin.definition.routes ?? {}) as RouteArea[]) {
      const ids = routed.get(area) ?? new Set<string>();
      ids.add(plugin.discovered.manifest.id);
      routed.set(area, ids);
    }
  }
  return routed;
}

/** What the plugin host adds to each request of the kernel's app. */
export interface PluginRequestHooks {
  /** Per-request setters, run with the kernel's own (the plugin snapshot). */
  context: Array<(c: Context) => void>;
  /** Runs after the setters and guards the requests addressed to a plugin (see `pluginDispatch`). */
  dispatch: PluginDispatch;
  /** The app's router: plugin routes in routers of their own. */
  router: Router<[H, RouterRoute]>;
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
