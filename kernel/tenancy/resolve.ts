import type { Platform, PlatformRegistry } from './platforms.js';
import { normalizeHost, type Vendor, type VendorRegistry } from './vendors.js';

/** Which interface a request is for. `site` is the platform's own site; `system` is health and metrics. */
export type Area = 'admin' | 'adminApi' | 'vendor' | 'vendorApi' | 'shop' | 'shopApi' | 'site' | 'system';

/** What the host and path say about a request, before any route runs. */
export interface Resolution {
  /** Undefined when the platform named by the path does not exist: the request is a 404. */
  platform: Platform | undefined;
  area: Area;
  /** The shop's vendor (shop, shopApi) or the dashboard's vendor (vendor area). */
  vendor: Vendor | undefined;
  /** How the vendor was found. */
  via: 'domain' | 'subdomain' | 'path' | undefined;
  /** A vendor was named, by host or path, that does not exist here (unknown, deleted, or not on this platform). */
  vendorMissing: boolean;
  /** The path the routers see: one set of routes serves every mode (custom domain, subdomain, path). */
  path: string;
  /** Prefix of the platform's links in the current mode: `''`, or `/platforms/<code>` in path mode. */
  base: string;
  /** Prefix of the shop's pages in the current mode: `''` on a vendor's host, `<base>/vendors/<code>/shop` else. */
  shopBase: string;
}

export interface ResolveOptions {
  /** Allow `/platforms/<code>/…` and `/vendors/<code>/shop/…` (development). */
  pathMode: boolean;
}

/** Subdomains of a platform's domain that never name a vendor. */
export const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set(['admin', 'www', 'api']);

const SYSTEM_PREFIXES = ['/health', '/metrics', '/assets/'];

/**
 * Resolves platform, area and vendor, in this order: a verified custom domain (a vendor's shop) → a platform's
 * domain, its `admin.` host, or a vendor subdomain of it → the default platform (and, in path mode,
 * `/platforms/<code>/…`). Then the area from the path, and for the vendor dashboard (`/vendor/<code>/…`) and path-mode
 * shops (`/vendors/<code>/shop/…`) the vendor from the path. Shop pages always reach the routers as
 * `/vendors/<code>/shop/…`, whatever the mode, and the shop API as `/api/v1/shop/…`.
 */
export function resolveTenant(
  hostHeader: string,
  rawPath: string,
  platforms: PlatformRegistry,
  vendors: VendorRegistry,
  options: ResolveOptions,
): Resolution {
  const host = normalizeHost(hostHeader);
  if (SYSTEM_PREFIXES.some((p) => rawPath.startsWith(p))) {
    return result(platforms.forHost(host), 'system', rawPath);
  }

  const custom = vendors.findByDomain(host);
  if (custom) return onVendorHost(platforms.get(custom.platformId), custom.vendor, 'domain', rawPath, vendors);

  let platform = platforms.findByDomain(host);
  let adminHost = false;
  if (!platform) {
    const dot = host.indexOf('.');
    const parent = dot > 0 ? platforms.findByDomain(host.slice(dot + 1)) : undefined;
    if (parent) {
      const sub = host.slice(0, dot);
      if (!RESERVED_SUBDOMAINS.has(sub)) {
        const vendor = vendors.findBySubdomain(parent.id, sub);
        if (vendor) return onVendorHost(parent, vendor, 'subdomain', rawPath, vendors);
        return { ...result(parent, 'shop', rawPath), vendorMissing: true };
      }
      platform = parent;
      adminHost = sub === 'admin';
    }
  }

  let path = rawPath;
  let base = '';
  platform ??= platforms.defaultPlatform();
  // On the default platform's host (localhost in development), the path may name another platform.
  if (options.pathMode && platform?.isDefault && !adminHost && path.startsWith('/platforms/')) {
    const end = path.indexOf('/', 11);
    const code = end < 0 ? path.slice(11) : path.slice(11, end);
    platform = platforms.findByCode(code);
    base = `/platforms/${code}`;
    path = end < 0 ? '/' : path.slice(end);
  }

  if (path.startsWith('/api/')) return { ...result(platform, apiArea(path), path), base };
  if (adminHost || path === '/admin' || path.startsWith('/admin/')) {
    const internal = path === '/admin' || path.startsWith('/admin/') ? path : `/admin${path === '/' ? '' : path}`;
    return { ...result(platform, 'admin', internal), base };
  }
  if (path.startsWith('/vendor/')) {
    const code = segment(path, 8);
    const vendor = platform && vendors.findByCode(code);
    const found = vendor && platform && vendors.onPlatform(vendor.id, platform.id) ? vendor : undefined;
    return { ...result(platform, 'vendor', path), vendor: found, vendorMissing: !found, base };
  }
  if (options.pathMode && path.startsWith('/vendors/')) {
    const code = segment(path, 9);
    const rest = path.slice(9 + code.length);
    if (rest === '/shop' || rest.startsWith('/shop/')) {
      const vendor = platform && vendors.findByCode(code);
      const found = vendor && platform && vendors.onPlatform(vendor.id, platform.id) ? vendor : undefined;
      const after = rest.slice(5);
      const shopBase = `${base}/vendors/${found?.code ?? code}/shop`;
      if (after.startsWith('/api/v1/shop')) {
        return {
          ...result(platform, 'shopApi', after),
          vendor: found,
          via: 'path',
          vendorMissing: !found,
          base,
          shopBase,
        };
      }
      const internal = `/vendors/${found?.code ?? code}/shop${after}`;
      return {
        ...result(platform, 'shop', internal),
        vendor: found,
        via: 'path',
        vendorMissing: !found,
        base,
        shopBase,
      };
    }
  }
  return { ...result(platform, 'site', path), base };
}

function onVendorHost(
  platform: Platform | undefined,
  vendor: Vendor,
  via: 'domain' | 'subdomain',
  path: string,
  vendors: VendorRegistry,
): Resolution {
  const onPlatform = platform && vendors.onPlatform(vendor.id, platform.id);
  const found = onPlatform ? vendor : undefined;
  if (path.startsWith('/api/v1/shop'))
    return { ...result(platform, 'shopApi', path), vendor: found, via, vendorMissing: !found };
  const internal = `/vendors/${vendor.code}/shop${path === '/' ? '' : path}`;
  return { ...result(platform, 'shop', internal), vendor: found, via, vendorMissing: !found };
}

function apiArea(path: string): Area {
  if (path.startsWith('/api/v1/admin')) return 'adminApi';
  if (path.startsWith('/api/v1/vendor')) return 'vendorApi';
  if (path.startsWith('/api/v1/shop')) return 'shopApi';
  return 'system';
}

/** The path segment that starts at `from`. */
function segment(path: string, from: number): string {
  const end = path.indexOf('/', from);
  return end < 0 ? path.slice(from) : path.slice(from, end);
}

function result(platform: Platform | undefined, area: Area, path: string): Resolution {
  return { platform, area, vendor: undefined, via: undefined, vendorMissing: false, path, base: '', shopBase: '' };
}
