import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { KernelErrors } from '../errors/codes.js';
import { validationHook } from '../http/validation.js';
import type { VendorRegistry } from '../tenancy/vendors.js';
import { clientIp } from './authenticate.js';
import { AuthErrors } from './errors.js';
import type { SigningKeys } from './keys.js';
import type { AuthService } from './service.js';
import { type PasswordThrottle, throttled as throttledCheck } from './throttled.js';
import { type AuthArea, verifyAccessToken } from './tokens.js';

const Credentials = z.object({
  email: z.string().trim().email('must be an email address').max(320),
  password: z.string().min(1, 'must not be empty').max(200),
});

export const TokenPair = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.number().int().openapi({ description: 'Seconds until the access token expires' }),
  })
  .openapi('TokenPair');

const RefreshBody = z.object({ refreshToken: z.string().min(1).max(200) });
const LogoutBody = z.object({ refreshToken: z.string().min(1).max(200).optional() });

const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});
const pair = {
  200: { description: 'An access token and a refresh token', content: { 'application/json': { schema: TokenPair } } },
};
const refused = { 401: { description: 'Wrong credentials, or an unknown, expired or reused refresh token' } };

export interface LoginApiDeps {
  auth: AuthService;
  keys: SigningKeys;
  vendors: VendorRegistry;
  /** Called before a sign-in attempt and after its outcome (login throttling). */
  throttle?: PasswordThrottle;
}

/**
 * `POST /api/v1/{admin,vendor,shop}/auth/login`, `/refresh` and `/logout`. The shop's vendor is the request's (its
 * host, or its path in development); a vendor user who belongs to several vendors names one with `vendorCode`.
 */
export function loginApi(deps: LoginApiDeps): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  const meta = (c: Context) => ({ ip: clientIp(c), userAgent: c.req.header('user-agent') });
  const throttled = <T>(c: Context, email: string, attempt: () => Promise<T>) =>
    throttledCheck(deps.throttle, c, email, attempt);

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/admin/auth/login',
      tags: ['auth'],
      summary: "An administrator's sign-in",
      request: body(Credentials),
      responses: { ...pair, ...refused },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      return c.json(await throttled(c, email, () => deps.auth.loginAdmin(email, password, meta(c))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/vendor/auth/login',
      tags: ['auth'],
      summary: "A vendor user's sign-in, bound to one vendor",
      request: body(Credentials.extend({ vendorCode: z.string().min(1).max(64).optional() })),
      responses: {
        ...pair,
        ...refused,
        422: { description: 'vendorCode is needed: the user belongs to several vendors' },
      },
    }),
    async (c) => {
      const { email, password, vendorCode } = c.req.valid('json');
      // An unknown vendor code gets the same answer as a wrong password.
      const vendorId = vendorCode === undefined ? undefined : (deps.vendors.findByCode(vendorCode)?.id ?? -1);
      return c.json(
        await throttled(c, email, () => deps.auth.loginVendorUser(email, password, vendorId, meta(c))),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/shop/auth/login',
      tags: ['auth'],
      summary: "A customer's sign-in to the request's shop",
      request: body(Credentials),
      responses: { ...pair, ...refused, 404: { description: 'No shop is served here' } },
    }),
    async (c) => {
      const vendor = c.get('vendor');
      if (!vendor) throw KernelErrors.NotFound({ path: c.req.path });
      const { email, password } = c.req.valid('json');
      return c.json(await throttled(c, email, () => deps.auth.loginCustomer(vendor.id, email, password, meta(c))), 200);
    },
  );

  for (const area of ['admin', 'vendor', 'shop'] as const) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/${area}/auth/refresh`,
        tags: ['auth'],
        summary: 'A new token pair for a refresh token; the old refresh token stops working',
        request: body(RefreshBody),
        responses: { ...pair, ...refused },
      }),
      async (c) => {
        const renewed = await deps.auth.refresh(area, c.req.valid('json').refreshToken, meta(c));
        // Within the reuse grace period there is no new refresh token to give: the caller raced itself.
        if ('accessOnly' in renewed) throw AuthErrors.RefreshInvalid();
        return c.json(renewed, 200);
      },
    );
    api.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/${area}/auth/logout`,
        tags: ['auth'],
        summary: 'Ends the sign-in of the bearer token, or of the refresh token in the body',
        request: { body: { required: false, content: { 'application/json': { schema: LogoutBody } } } },
        responses: { 204: { description: 'Signed out (also when already signed out)' } },
      }),
      async (c) => {
        const { refreshToken } = c.req.valid('json') ?? {};
        if (refreshToken) await deps.auth.logoutByRefresh(area, refreshToken);
        const sid = await bearerSession(c, deps.keys, area);
        if (sid) await deps.auth.logout(sid);
        return c.body(null, 204);
      },
    );
  }
  return api;
}

async function bearerSession(c: Context, keys: SigningKeys, area: AuthArea): Promise<string | undefined> {
  const header = c.req.header('authorization');
  if (!header?.startsWith('Bearer ')) return undefined;
  return (await verifyAccessToken(keys, header.slice(7).trim(), area))?.sid;
}

/** Only super administrators: global changes such as installing plugins. */
export function requireSuperAdmin(): MiddlewareHandler {
  return async function requireSuperAdmin(c, next) {
    const principal = c.get('principal');
    if (principal?.kind !== 'admin') throw AuthErrors.Unauthenticated();
    if (principal.role !== 'super_admin') throw AuthErrors.Forbidden({ needed: 'a super administrator' });
    await next();
  };
}
