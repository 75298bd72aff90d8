import crypto from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Knex } from 'knex';
import type { OrionConfig } from '../config/schema.js';
import { validationHook } from '../http/validation.js';
import { AuthErrors } from './errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { issueToken, type TokenClaims, verifyToken } from './tokens.js';

const TOKEN_TTL_SECONDS = 8 * 3600;
const ADMIN_ROLES = new Set(['super_admin', 'platform_admin']);

export interface AdminUser {
  id: number;
  email: string;
  role: TokenClaims['role'];
}

/**
 * Requires an administrator's bearer token. The user is read again on every request, so a disabled account or a
 * changed role takes effect at once, not when the token expires.
 */
export function requireAdmin(deps: { knex: Knex; secret: string }, roles = ADMIN_ROLES): MiddlewareHandler {
  return async function requireAdmin(c, next) {
    const header = c.req.header('authorization') ?? '';
    const claims = header.startsWith('Bearer ') ? await verifyToken(header.slice(7), deps.secret) : undefined;
    if (!claims) throw AuthErrors.Unauthenticated();
    const user = await deps
      .knex('users')
      .where({ id: Number(claims.sub), is_active: true })
      .first<AdminUser | undefined>('id', 'email', 'role');
    if (!user) throw AuthErrors.Unauthenticated();
    if (!roles.has(user.role)) throw AuthErrors.Forbidden({ needed: [...roles].join(' or ') });
    c.set('adminUser', user);
    await next();
  };
}

const TokenRequest = z.object({
  email: z.string().email().max(320),
  password: z.string().min(1).max(200),
});
const TokenResponse = z.object({ token: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.number().int() });

/** `POST /api/v1/admin/auth/token`: an administrator's email and password for a bearer token. */
export function adminAuthApi(deps: { knex: Knex; config: OrionConfig }): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/admin/auth/token',
      tags: ['auth'],
      request: { body: { content: { 'application/json': { schema: TokenRequest } }, required: true } },
      responses: {
        200: { content: { 'application/json': { schema: TokenResponse } }, description: 'An access token' },
        401: { description: 'Wrong email or password' },
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const user = await deps
        .knex('users')
        .whereRaw('lower(email) = ?', [email.toLowerCase()])
        .where({ is_active: true })
        .first<(AdminUser & { password_hash: string | null }) | undefined>('id', 'email', 'role', 'password_hash');
      // Compare even when there is no such user, so that timing does not tell whether the email exists.
      const ok = await verifyPassword(password, user?.password_hash ?? (await dummy(deps.config.auth.bcryptCost)));
      if (!user || !ok || !ADMIN_ROLES.has(user.role)) throw AuthErrors.BadCredentials();
      await deps.knex('users').where({ id: user.id }).update({ last_login_at: deps.knex.fn.now() });
      const token = await issueToken({ sub: String(user.id), role: user.role }, deps.config.secret, TOKEN_TTL_SECONDS);
      return c.json({ token, tokenType: 'Bearer' as const, expiresIn: TOKEN_TTL_SECONDS }, 200);
    },
  );
  return api;
}

let dummyHash: Promise<string> | undefined;
/** A real hash at the configured cost, made once, to compare against when the email is unknown. */
function dummy(cost: number): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(24).toString('base64url'), cost);
  return dummyHash;
}

declare module 'hono' {
  interface ContextVariableMap {
    adminUser?: AdminUser;
  }
}
