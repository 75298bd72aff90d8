import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { KernelErrors } from '../errors/codes.js';
import { validationHook } from '../http/validation.js';
import type { Accounts, PasswordOwner } from './accounts.js';
import { clientIp } from './authenticate.js';
import { AuthErrors } from './errors.js';
import type { Invitations } from './invitations.js';
import { areaLinkBase, type LinkSettings } from './links.js';
import { TokenPair } from './login-api.js';
import type { PasswordResets } from './password-reset.js';
import { passwordProblem } from './passwords.js';
import { type PasswordThrottle, throttled } from './throttled.js';

const Email = z.string().trim().email('must be an email address').max(320);
const Token = z
  .string()
  .min(1, 'must not be empty')
  .max(200)
  .openapi({ description: 'The token from the mailed link' });
/** At least 8 characters, at most 72 bytes (bcrypt ignores the rest): refused with 422 naming the field. */
const NewPassword = z
  .string()
  .max(200)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const Accepted = z.object({ message: z.string() }).openapi('ResetRequested');
/** The one answer to a reset request, whether or not the email belongs to an account. */
const RESET_REQUESTED = {
  message: 'If this email belongs to an account, a link to choose a new password is on its way.',
} as const;

const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});
const pair = (status: 200 | 201, description: string) => ({
  [status]: { description, content: { 'application/json': { schema: TokenPair } } },
});
const invalid = { 422: { description: 'A field is not valid (`errors` names it), such as a too short password' } };
const tokenRefused = { 400: { description: 'ORN_AUTH_TOKEN_INVALID: the token is unknown, used or expired' } };

export interface AccountApiDeps {
  invitations: Invitations;
  resets: PasswordResets;
  accounts: Accounts;
  links: LinkSettings;
  /** The authentication middleware of an API area (see `authenticate`). */
  authenticate(area: 'adminApi' | 'vendorApi' | 'shopApi'): MiddlewareHandler;
  /** The login throttle: a wrong current password counts as a failed sign-in. */
  throttle?: PasswordThrottle;
}

/**
 * The account routes next to sign-in: accepting an invitation (vendor area), password reset and change (all three
 * areas), and customer registration (shop area). A shop's routes act on the request's shop.
 */
export function accountApi(deps: AccountApiDeps): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  const meta = (c: Context) => ({ ip: clientIp(c), userAgent: c.req.header('user-agent') });
  const shopOf = (c: Context) => {
    const vendor = c.get('vendor');
    if (!vendor) throw KernelErrors.NotFound({ path: c.req.path });
    return vendor;
  };

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/vendor/auth/invitations/accept',
      tags: ['auth'],
      summary: 'Accepts an invitation to a vendor team and signs in to that vendor',
      description:
        'Sets the password of a new account (required then); an account that has a password keeps it. Activates the membership; the token works once.',
      request: body(
        z.object({
          token: Token,
          password: NewPassword.optional(),
          displayName: z.string().trim().min(1).max(100).optional(),
        }),
      ),
      responses: { ...pair(200, 'Signed in to the vendor'), ...tokenRefused, ...invalid },
    }),
    async (c) => c.json(await deps.invitations.accept(c.req.valid('json'), meta(c)), 200),
  );

  for (const area of ['admin', 'vendor', 'shop'] as const) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/${area}/auth/password-reset`,
        tags: ['auth'],
        summary: 'Mails a link to choose a new password, if the email belongs to an account',
        description: 'Answers 202 with the same body whether or not the email belongs to an account.',
        request: body(
          area === 'vendor'
            ? z.object({ email: Email, vendorCode: z.string().min(1).max(64).optional() })
            : z.object({ email: Email }),
        ),
        responses: {
          202: { description: 'Accepted', content: { 'application/json': { schema: Accepted } } },
          ...invalid,
          ...(area === 'shop' ? { 404: { description: 'No shop is served here' } } : {}),
        },
      }),
      async (c) => {
        const input = c.req.valid('json') as { email: string; vendorCode?: string };
        await deps.resets.request({
          area,
          email: input.email,
          vendorId: area === 'shop' ? shopOf(c).id : undefined,
          vendorCode: input.vendorCode,
          linkBase: areaLinkBase(c, area, deps.links),
          platformId: c.get('platform')?.id,
        });
        return c.json(RESET_REQUESTED, 202);
      },
    );

    api.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/${area}/auth/password-reset/confirm`,
        tags: ['auth'],
        summary: 'Sets a new password with the mailed token; ends every sign-in of the account',
        request: body(z.object({ token: Token, password: NewPassword })),
        responses: { 204: { description: 'Password changed: sign in again' }, ...tokenRefused, ...invalid },
      }),
      async (c) => {
        const { token, password } = c.req.valid('json');
        const vendorId = area === 'shop' ? shopOf(c).id : undefined;
        await deps.resets.confirm({ area, token, password, vendorId });
        return c.body(null, 204);
      },
    );

    api.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/${area}/auth/password`,
        tags: ['auth'],
        summary: "Changes the signed-in caller's password; ends the caller's other sign-ins",
        middleware: [deps.authenticate(`${area}Api`)] as const,
        request: body(z.object({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword })),
        responses: {
          204: { description: 'Password changed; this sign-in goes on' },
          401: { description: 'Not signed in' },
          403: { description: 'An API key has no password' },
          422: { description: 'ORN_AUTH_CURRENT_PASSWORD_WRONG, or newPassword is not acceptable' },
          429: { description: 'ORN_AUTH_THROTTLED: too many wrong passwords' },
        },
      }),
      async (c) => {
        const owner = passwordOwner(c);
        const { currentPassword, newPassword } = c.req.valid('json');
        await throttled(
          deps.throttle,
          c,
          owner.email,
          () => deps.accounts.changePassword(owner, currentPassword, newPassword),
          AuthErrors.CurrentPasswordWrong.is,
        );
        return c.body(null, 204);
      },
    );
  }

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/shop/auth/register',
      tags: ['auth'],
      summary: "Registers a customer at the request's shop and signs it in",
      request: body(
        z.object({
          email: Email,
          password: NewPassword,
          firstName: z.string().trim().max(100).optional(),
          lastName: z.string().trim().max(100).optional(),
          marketingConsent: z.boolean().optional(),
        }),
      ),
      responses: {
        ...pair(201, 'Registered and signed in'),
        404: { description: 'No shop is served here' },
        409: { description: 'ORN_AUTH_EMAIL_TAKEN: the email is registered at this shop already' },
        ...invalid,
      },
    }),
    async (c) => {
      const vendor = shopOf(c);
      const input = { ...c.req.valid('json'), language: c.get('language') };
      return c.json(await deps.accounts.registerCustomer(vendor.id, input, meta(c)), 201);
    },
  );
  return api;
}

/** The signed-in person behind the request; an API key (vendor API) has no password to change. */
function passwordOwner(c: Context): PasswordOwner {
  const principal = c.get('principal');
  if (!principal) throw AuthErrors.Unauthenticated();
  if (principal.kind === 'apiKey')
    throw AuthErrors.Forbidden({ needed: 'a signed-in user: an API key has no password' });
  return principal;
}
