import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuthArea } from './tokens.js';

/** One pair of cookies per area, each on its own path, so that one area's cookie is never sent to another. */
export const AUTH_COOKIES: Record<AuthArea, { access: string; refresh: string }> = {
  admin: { access: 'admin_token', refresh: 'admin_refresh' },
  vendor: { access: 'vendor_token', refresh: 'vendor_refresh' },
  shop: { access: 'customer_token', refresh: 'customer_refresh' },
};

/**
 * The cookie path of an area in the request's mode: `/admin` (or `/` on the `admin.` host), `/vendor`, and the
 * shop's own root (`/` on its domain, `/vendors/<code>/shop` in path mode), each after `/platforms/<code>` when the
 * platform comes from the path.
 */
export function cookiePath(c: Context, area: AuthArea): string {
  const tenant = c.get('tenant');
  const base = tenant?.base ?? '';
  if (area === 'shop') return tenant?.shopBase || '/';
  if (area === 'vendor') return `${base}/vendor`;
  const url = new URL(c.req.url);
  return url.pathname.startsWith(`${base}/admin`) ? `${base}/admin` : '/';
}

export function readAuthCookies(c: Context, area: AuthArea): { access?: string; refresh?: string } {
  const names = AUTH_COOKIES[area];
  return { access: getCookie(c, names.access), refresh: getCookie(c, names.refresh) };
}

export function setAuthCookies(
  c: Context,
  area: AuthArea,
  tokens: { accessToken: string; refreshToken?: string; expiresIn: number },
  options: { secure: boolean; refreshTtlSeconds: number },
): void {
  const names = AUTH_COOKIES[area];
  const common = { path: cookiePath(c, area), httpOnly: true, sameSite: 'Lax', secure: options.secure } as const;
  // The access cookie outlives its token a little: an expired token next to a refresh cookie is refreshed.
  setCookie(c, names.access, tokens.accessToken, { ...common, maxAge: options.refreshTtlSeconds });
  if (tokens.refreshToken) {
    setCookie(c, names.refresh, tokens.refreshToken, { ...common, maxAge: options.refreshTtlSeconds });
  }
}

export function clearAuthCookies(c: Context, area: AuthArea, secure: boolean): void {
  const names = AUTH_COOKIES[area];
  const path = cookiePath(c, area);
  deleteCookie(c, names.access, { path, secure });
  deleteCookie(c, names.refresh, { path, secure });
}
