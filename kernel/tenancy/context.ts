import type { Context } from 'hono';
import { KernelErrors } from '../errors/codes.js';
import { TenancyErrors } from './errors.js';
import { pickLanguage, SUPPORTED_LANGUAGES } from './language.js';
import type { Platform, PlatformRegistry } from './platforms.js';
import { type Area, type Resolution, type ResolveOptions, resolveTenant } from './resolve.js';
import type { Vendor, VendorRegistry } from './vendors.js';

const HTML_AREAS: ReadonlySet<Area> = new Set(['admin', 'vendor', 'shop', 'site', 'shopApi']);

/**
 * Resolves each request's tenant once. Hono asks `getPath` for the path to route on before any middleware runs: it
 * resolves platform, area and vendor from the URL (whose host is the Host header) and hands back the path the
 * routers see; `setContext`, run by the kernel's request-context middleware, then puts the result on the context.
 */
export class TenantResolver {
  /**
   * The last request resolved by `getPath`, and its resolution. Hono calls `getPath`, then runs the middleware up to
   * `setContext` without yielding, so this is the same request; a mismatch resolves again. A WeakMap keyed by
   * request cost about 0.6 µs a request in ephemeron bookkeeping of the garbage collector.
   */
  private last: { req: Request | undefined; resolution: Resolution | undefined } = {
    req: undefined,
    resolution: undefined,
  };

  constructor(
    private readonly platforms: PlatformRegistry,
    private readonly vendors: VendorRegistry,
    private readonly options: ResolveOptions,
  ) {}

  readonly getPath = (req: Request): string => {
    const resolution = this.resolve(req);
    this.last.req = req;
    this.last.resolution = resolution;
    return resolution.path;
  };

  readonly setContext = (c: Context): void => {
    const { req, resolution } = this.last;
    // Let go of the request at once: the slot must not keep it alive.
    this.last.req = undefined;
    this.last.resolution = undefined;
    const r = req === c.req.raw && resolution ? resolution : this.resolve(c.req.raw);
    const { platform, vendor, area } = r;
    if (area === 'system') {
      // Health and metrics answer on every host, before start-up has loaded the platforms.
      if (platform) c.set('platformCode', platform.code);
      return;
    }
    if (!platform?.isActive || r.vendorMissing) throw KernelErrors.NotFound({ path: c.req.path });
    c.set('platform', platform);
    c.set('platformCode', platform.code);
    c.set('area', area);
    c.set('tenant', r);
    if (vendor) {
      c.set('vendor', vendor);
      // The platform's own published theme when it has one, else the shop's.
      c.set('theme', this.vendors.onPlatform(vendor.id, platform.id)?.theme ?? vendor.theme);
      if ((area === 'shop' || area === 'shopApi') && !this.vendors.isOpenOn(vendor, platform.id)) {
        throw TenancyErrors.ShopClosed({ vendor: vendor.name });
      }
    }
    if (HTML_AREAS.has(area)) {
      const offered = vendor && area !== 'admin' ? vendor.languages : SUPPORTED_LANGUAGES;
      const fallback = vendor?.defaultLanguage ?? platform.defaultLanguage;
      const cookie = area === 'shopApi' ? undefined : c.req.header('cookie');
      c.set('language', pickLanguage(cookie, c.req.header('accept-language'), offered, fallback));
    }
  };

  private resolve(req: Request): Resolution {
    const { url } = req;
    const start = url.indexOf('://') + 3;
    const slash = url.indexOf('/', start);
    const host = slash < 0 ? url.slice(start) : url.slice(start, slash);
    const query = url.indexOf('?', slash);
    const path = slash < 0 ? '/' : query < 0 ? url.slice(slash) : url.slice(slash, query);
    return resolveTenant(host, safeDecode(path), this.platforms, this.vendors, this.options);
  }
}

function safeDecode(path: string): string {
  if (!path.includes('%')) return path;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

declare module 'hono' {
  interface ContextVariableMap {
    area?: Area;
    tenant?: Resolution;
    vendor?: Vendor;
    language?: string;
    theme?: Record<string, unknown>;
    platform?: Platform;
  }
}
