import type { Context, MiddlewareHandler } from 'hono';
import { KernelErrors } from '../errors/codes.js';
import type { RouteArea } from './definition.js';
import type { PluginPaths } from './plugin-paths.js';
import type { PluginSnapshot } from './snapshot.js';

export interface DispatchOptions {
  /** Which plugin owns a path (shared with the app's router, which asked first for the same request). */
  paths: PluginPaths;
  /**
   * Authentication the kernel enforces for an API area, whatever the plugin does (the admin API needs an admin).
   * Page areas are authenticated by `mountPlugins` instead, after their page middleware.
   */
  areaAuth: Partial<Record<RouteArea, MiddlewareHandler>>;
  /** Every answer of a plugin's route, for the quarantine's error rate. */
  onAnswer(platformId: number, pluginId: string, failed: boolean): void;
}

/** Runs with the request context: `proceed` is the rest of the request (body limit, routing, handlers). */
export type PluginDispatch = (c: Context, proceed: () => Promise<unknown>) => unknown;

/**
 * The plugin part of the kernel's request-context step, run once per request before routing reaches a handler:
 * a request under `<area prefix>/<plugin id>` of a plugin that serves that area gets a 404 unless the plugin is
 * enabled on the request's platform in the snapshot the request started with, then passes the area's
 * authentication (API areas), and its answer is counted for the quarantine.
 *
 * One check here, rather than a guard middleware on each plugin's prefix, saves every plugin request a middleware
 * layer and keeps per-plugin entries out of the kernel's router. A plugin owns the paths under its prefix: the
 * kernel's own path segments are reserved ids (`RESERVED_PLUGIN_IDS`).
 */
export function pluginDispatch(options: DispatchOptions): PluginDispatch {
  return function pluginDispatch(c, proceed) {
    const owner = options.paths.owner(c.req.path);
    if (!owner) return proceed();
    const { area, id } = owner;
    const platform = c.get('platform');
    const snapshot: PluginSnapshot | undefined = c.get('pluginSnapshot');
    if (!platform || !snapshot?.isEnabled(platform.id, id)) throw KernelErrors.NotFound({ path: c.req.path });
    c.set('pluginId', id);
    const auth = options.areaAuth[area];
    const answered = auth ? auth(c, proceed as () => Promise<void>) : proceed();
    return answered.then((res) => {
      options.onAnswer(platform.id, id, c.res.status >= 500);
      return res;
    });
  };
}
