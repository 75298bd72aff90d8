import type { Context, MiddlewareHandler } from 'hono';
import { KernelErrors } from '../errors/codes.js';
import { ROUTE_AREAS, type RouteArea } from './definition.js';
import type { PluginSnapshot } from './snapshot.js';

/** Where the plugin id starts in a path of `area` (`/api/v1/shop/<id>/…` → the index of `<id>`), or -1. */
export type PrefixMatcher = (path: string) => number;

/**
 * Compiles an area prefix such as `/vendor/:vendorCode` into a matcher: literal segments must match, `:param`
 * segments match any one non-empty segment, and the prefix must be followed by `/`.
 */
export function prefixMatcher(prefix: string): PrefixMatcher {
  const parts = prefix.split('/').slice(1);
  return (path) => {
    let pos = 0;
    for (const part of parts) {
      if (path.charCodeAt(pos) !== 47 /* / */) return -1;
      pos++;
      if (part.startsWith(':')) {
        const end = path.indexOf('/', pos);
        if (end <= pos) return -1;
        pos = end;
      } else {
        if (!path.startsWith(part, pos)) return -1;
        pos += part.length;
      }
    }
    return path.charCodeAt(pos) === 47 ? pos + 1 : -1;
  };
}

const MATCHERS = new Map<string, PrefixMatcher>(
  Object.entries(ROUTE_AREAS).map(([area, prefix]) => [area, prefixMatcher(prefix)]),
);

/** The id of the plugin a path of `area` is addressed to, if the path is under `<area prefix>/<id>`. */
export function pluginIdInPath(area: string, path: string): string | undefined {
  const start = MATCHERS.get(area)?.(path) ?? -1;
  if (start < 0) return undefined;
  const end = path.indexOf('/', start);
  const id = end < 0 ? path.slice(start) : path.slice(start, end);
  return id || undefined;
}

export interface DispatchOptions {
  /** The plugins that declare routes in each area (`routedAreas`). */
  routed: ReadonlyMap<RouteArea, ReadonlySet<string>>;
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
    const area = c.get('area') as RouteArea | undefined;
    const serving = area ? options.routed.get(area) : undefined;
    if (!serving) return proceed();
    const path = c.req.path;
    const id = pluginIdInPath(area as RouteArea, path);
    if (!id || !serving.has(id)) return proceed();
    const platform = c.get('platform');
    const snapshot: PluginSnapshot | undefined = c.get('pluginSnapshot');
    if (!platform || !snapshot?.isEnabled(platform.id, id)) throw KernelErrors.NotFound({ path });
    c.set('pluginId', id);
    const auth = options.areaAuth[area as RouteArea];
    const answered = auth ? auth(c, proceed as () => Promise<void>) : proceed();
    return answered.then((res) => {
      options.onAnswer(platform.id, id, c.res.status >= 500);
      return res;
    });
  };
}
