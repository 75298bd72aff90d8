import { ROUTE_AREAS, type RouteArea } from './definition.js';

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

const AREAS = Object.keys(ROUTE_AREAS) as RouteArea[];
const MATCHERS = new Map<RouteArea, PrefixMatcher>(AREAS.map((area) => [area, prefixMatcher(ROUTE_AREAS[area])]));

/** The areas whose prefix starts with each first path segment (`api` → the three API areas). */
const BY_FIRST_SEGMENT = new Map<string, RouteArea[]>();
for (const area of AREAS) {
  const first = ROUTE_AREAS[area].split('/')[1] as string;
  BY_FIRST_SEGMENT.set(first, [...(BY_FIRST_SEGMENT.get(first) ?? []), area]);
}

function segmentAt(path: string, start: number): string {
  const end = path.indexOf('/', start);
  return end < 0 ? path.slice(start) : path.slice(start, end);
}

/** The id of the plugin a path of `area` is addressed to, if the path is under `<area prefix>/<id>`. */
export function pluginIdInPath(area: RouteArea, path: string): string | undefined {
  const start = MATCHERS.get(area)?.(path) ?? -1;
  return start < 0 ? undefined : segmentAt(path, start) || undefined;
}

/** A plugin's prefix in one area: `<area prefix>/<id>`. One object per pair, so that it can key a map. */
export interface PluginAddress {
  readonly area: RouteArea;
  readonly id: string;
}

/**
 * Which plugin owns a path, among the plugins that declare routes in each area (`routedAreas`). The router asks
 * while matching and the plugin dispatch asks again for the same request: the last answer is kept, so the second
 * question costs a string comparison.
 */
export class PluginPaths {
  private readonly addresses = new Map<RouteArea, Map<string, PluginAddress>>();
  private lastPath: string | undefined;
  private lastOwner: PluginAddress | undefined;

  constructor(routed: ReadonlyMap<RouteArea, ReadonlySet<string>>) {
    for (const [area, ids] of routed) this.addresses.set(area, new Map([...ids].map((id) => [id, { area, id }])));
  }

  owner(path: string): PluginAddress | undefined {
    if (path === this.lastPath) return this.lastOwner;
    const owner = this.find(path);
    this.lastPath = path;
    this.lastOwner = owner;
    return owner;
  }

  private find(path: string): PluginAddress | undefined {
    const candidates = BY_FIRST_SEGMENT.get(segmentAt(path, 1));
    if (!candidates) return undefined;
    for (const area of candidates) {
      const start = (MATCHERS.get(area) as PrefixMatcher)(path);
      if (start < 0) continue;
      return this.addresses.get(area)?.get(segmentAt(path, start));
    }
    return undefined;
  }
}
