import type { Context, MiddlewareHandler, Next } from 'hono';
import type { VendorRegistry } from '../tenancy/vendors.js';
import { API_KEY_PREFIX, authenticateApiKey } from './api-keys.js';
import { readAuthCookies, setAuthCookies } from './cookies.js';
import type { DbAccess } from './db-access.js';
import { AuthErrors } from './errors.js';
import type { SigningKeys } from './keys.js';
import type { Principal } from './principal.js';
import type { AuthService } from './service.js';
import { type AccessClaims, type AuthArea, verifyAccessToken } from './tokens.js';

export interface AuthenticateOptions {
  /** Let anonymous requests through (a presented but invalid token is still refused). */
  required: boolean;
  /**
   * Refuse a platform administrator on a platform it does not manage (default). Routes that name the platform in
   * their path (the management API) check that one instead.
   */
  hostPlatform?: boolean;
}

export type AuthenticatedArea = 'admin' | 'adminApi' | 'vendor' | 'vendorApi' | 'shop' | 'shopApi';

export interface AuthenticateDeps {
  auth: AuthService;
  keys: SigningKeys;
  db: DbAccess;
  vendors: VendorRegistry;
  secureCookies: boolean;
  refreshTtlSeconds: number;
}

const SIGN_IN_AREA: Record<AuthenticatedArea, AuthArea> = {
  admin: 'admin',
  adminApi: 'admin',
  vendor: 'vendor',
  vendorApi: 'vendor',
  shop: 'shop',
  shopApi: 'shop',
};

/**
 * Authenticates a request of `area` and sets `principal`. APIs take `Authorization: Bearer` (an access token, or an
 * API key on the vendor API); pages take their area's cookie, and a refresh cookie renews an expired access token
 * on the way. A token is valid only in its own area, and vendor and customer tokens only for their own vendor.
 * `required: false` lets anonymous requests through (shop pages); a presented but invalid token is still refused.
 */
export function authenticate(
  deps: AuthenticateDeps,
  area: AuthenticatedArea,
  options: AuthenticateOptions,
): MiddlewareHandler {
  const signInArea = SIGN_IN_AREA[area];
  const isApi = area.endsWith('Api');
  return function authenticate(c, next) {
    const header = c.req.header('authorization');
    // An anonymous API request where that is allowed (the shop API's catalogue): nothing to verify, and no promise
    // of our own on the way.
    if (isApi && !options.required && !header?.startsWith('Bearer ')) return next();
    return verified(c, next, header);
  };

  async function verified(c: Context, next: Next, header: string | undefined): Promise<void> {
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    let principal: Principal | undefined;
    if (bearer) {
      principal =
        area === 'vendorApi' && bearer.startsWith(API_KEY_PREFIX)
          ? await authenticateApiKey(deps.db, bearer)
          : await fromToken(c, deps, area, await verifyAccessToken(deps.keys, bearer, signInArea));
      if (!principal) throw AuthErrors.Unauthenticated();
    } else if (!isApi) {
      principal = await fromCookies(c, deps, area, signInArea);
    }
    if (!principal) {
      if (options.required) throw AuthErrors.Unauthenticated();
      return next();
    }
    if (principal.kind === 'admin') {
      const platform = c.get('platform');
      const outside = platform && principal.platformIds !== 'all' && !principal.platformIds.includes(platform.id);
      if (outside && options.hostPlatform !== false) throw AuthErrors.WrongPlatform({ platform: platform.code });
    } else if (area === 'vendorApi') {
      // The vendor API's vendor is the token's (or the key's), and must be a member of the request's platform.
      const vendor = deps.vendors.get(principal.vendorId);
      const platform = c.get('platform');
      if (!vendor || !platform || !deps.vendors.onPlatform(vendor.id, platform.id)) throw AuthErrors.Unauthenticated();
      c.set('vendor', vendor);
    }
    c.set('principal', principal);
    return next();
  }
}

async function fromToken(
  c: Context,
  deps: AuthenticateDeps,
  area: AuthenticatedArea,
  claims: AccessClaims | undefined,
): Promise<Principal | undefined> {
  if (!claims) return undefined;
  switch (area) {
    case 'admin':
    case 'adminApi':
      return deps.auth.adminPrincipal(claims);
    case 'vendor': {
      const vendor = c.get('vendor');
      return vendor ? deps.auth.vendorUserPrincipal(claims, vendor.id) : undefined;
    }
    case 'vendorApi':
      return claims.vendorId === undefined ? undefined : deps.auth.vendorUserPrincipal(claims, claims.vendorId);
    case 'shop':
    case 'shopApi': {
      const vendor = c.get('vendor');
      return vendor ? deps.auth.customerPrincipal(claims, vendor.id) : undefined;
    }
  }
}

async function fromCookies(
  c: Context,
  deps: AuthenticateDeps,
  area: AuthenticatedArea,
  signInArea: AuthArea,
): Promise<Principal | undefined> {
  const cookies = readAuthCookies(c, signInArea);
  if (cookies.access) {
    const principal = await fromToken(c, deps, area, await verifyAccessToken(deps.keys, cookies.access, signInArea));
    if (principal) return principal;
  }
  if (!cookies.refresh) return undefined;
  const renewed = await deps.auth
    .refresh(signInArea, cookies.refresh, { ip: clientIp(c), userAgent: c.req.header('user-agent') })
    .catch(() => undefined);
  if (!renewed) return undefined;
  const accessToken = 'accessOnly' in renewed ? renewed.accessOnly : renewed.accessToken;
  const refreshToken = 'accessOnly' in renewed ? undefined : renewed.refreshToken;
  setAuthCookies(
    c,
    signInArea,
    { accessToken, refreshToken, expiresIn: deps.auth.accessTtlSeconds },
    { secure: deps.secureCookies, refreshTtlSeconds: deps.refreshTtlSeconds },
  );
  return fromToken(c, deps, area, await verifyAccessToken(deps.keys, accessToken, signInArea));
}

/** The client address as the server saw it (a proxy's X-Forwarded-For is only trusted once configured). */
export function clientIp(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}
