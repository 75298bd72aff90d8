import type { ParamIndexMap, Params, Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';
import { ROUTE_AREAS, type RouteArea } from './definition.js';
import type { PluginAddress, PluginPaths } from './plugin-paths.js';

/** Hono's default router: its regular-expression router where the routes allow it, else its trie router. */
function defaultRouter<T>(): Router<T> {
  return new SmartRouter<T>({ routers: [new RegExpRouter<T>(), new TrieRouter<T>()] });
}

const AREAS = Object.keys(ROUTE_AREAS) as RouteArea[];

function routerIn<K, T>(routers: Map<K, Router<T>>, key: K): Router<T> {
  const found = routers.get(key);
  if (found) return found;
  const router = defaultRouter<T>();
  routers.set(key, router);
  return router;
}

/**
 * The router of the kernel's app, built once per change of the installed plugins. Each plugin's routes of each area
 * get a router of their own, found by a map lookup on `<area prefix>/<plugin id>`; every other route goes to one
 * router for the kernel. A plugin request therefore never walks the kernel's routes: REST routes such as
 * `/users/search` beside `/users/:id` push the kernel's router onto Hono's slower trie router, while a plugin's
 * few routes usually stay on its fast regular-expression router, and adding plugins costs a request nothing.
 *
 * Kernel middleware reaches plugin paths when its path covers a whole area (`*`, `/admin/*`, `/api/*`,
 * `/vendor/:vendorCode/*`), merged with the plugin's handlers in registration order. Kernel routes never sit under
 * a plugin's prefix: a plugin owns `<area prefix>/<plugin id>/…`.
 */
export class PluginAwareRouter<T> implements Router<T> {
  name = 'PluginAwareRouter';
  private readonly kernel = defaultRouter<T>();
  private readonly plugins = new Map<PluginAddress, Router<T>>();
  /** Kernel middleware registered on `*`: it applies to every path, with no parameters. */
  private readonly everywhere: [T, Params][] = [];
  /** Kernel entries whose wildcard path covers one whole area (and so every plugin path of it). */
  private readonly areaWide = new Map<RouteArea, Router<T>>();
  private readonly order = new Map<T, number>();

  /** `paths`: which plugin owns a path; the plugin dispatch shares it (see `PluginPaths`). */
  constructor(private readonly paths: PluginPaths) {}

  add(method: string, path: string, handler: T): void {
    this.order.set(handler, this.order.size);
    const owner = this.paths.owner(path);
    if (owner) {
      routerIn(this.plugins, owner).add(method, path, handler);
      return;
    }
    this.kernel.add(method, path, handler);
    if ((path === '*' || path === '/*') && method === 'ALL') {
      this.everywhere.push([handler, {}]);
      return;
    }
    for (const area of areasCoveredBy(path)) routerIn(this.areaWide, area).add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    const owner = this.paths.owner(path);
    const router = owner && this.plugins.get(owner);
    if (!router) return this.kernel.match(method, path);
    const own = toParams(router.match(method, path));
    const wide = this.areaWide.get((owner as PluginAddress).area);
    const kernel = wide ? [...this.everywhere, ...toParams(wide.match(method, path))] : this.everywhere;
    return [this.merge(kernel, own)];
  }

  /** Both lists are in registration order; kernel middleware nearly always comes first, so this rarely sorts. */
  private merge(kernel: [T, Params][], own: [T, Params][]): [T, Params][] {
    if (!kernel.length) return own;
    if (!own.length) return kernel;
    const rank = (entry: [T, Params]) => this.order.get(entry[0]) ?? 0;
    const merged = [...kernel, ...own];
    const last = kernel[kernel.length - 1] as [T, Params];
    const first = own[0] as [T, Params];
    return rank(last) < rank(first) ? merged : merged.sort((a, b) => rank(a) - rank(b));
  }
}

/** A router's result with the parameters of each handler spelled out (the regular-expression router stashes them). */
function toParams<T>(result: Result<T>): [T, Params][] {
  const stash = result[1];
  if (!stash) return result[0] as [T, Params][];
  return (result[0] as [T, ParamIndexMap][]).map(([handler, map]) => {
    const params: Params = {};
    for (const key in map) params[key] = stash[map[key] as number] as string;
    return [handler, params];
  });
}

/** The areas whose every path a wildcard route such as `/api/*` or `/vendor/:vendorCode/*` matches. */
export function areasCoveredBy(path: string): RouteArea[] {
  if (path === '*') return AREAS;
  if (!path.endsWith('/*')) return [];
  const base = path.slice(1, -2).split('/').filter(Boolean);
  return AREAS.filter((area) => {
    const prefix = ROUTE_AREAS[area].slice(1).split('/');
    if (base.length > prefix.length) return false;
    return base.every((seg, i) => seg.startsWith(':') || prefix[i]?.startsWith(':') || seg === prefix[i]);
  });
}
