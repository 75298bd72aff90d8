import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Knex } from 'knex';
import { audit } from '../audit/audit.js';
import type { DbAccess } from '../auth/db-access.js';
import type { LinkSettings } from '../auth/links.js';
import { requireSuperAdmin } from '../auth/login-api.js';
import type { PasswordResets } from '../auth/password-reset.js';
import type { AdminPrincipal } from '../auth/principal.js';
import type { SessionStore } from '../auth/sessions.js';
import { KernelErrors } from '../errors/codes.js';
import { jsonBody, jsonResponse } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';
import { AdminUser, countUsers, presentUser, statusOf, type UserRow, usersQuery } from './admin-users-query.js';
import { TenancyErrors } from './errors.js';
import type { PlatformRegistry } from './platforms.js';
import { sendUserPasswordReset, setAdminPlatforms, setUserActive } from './user-service.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const ListQuery = z.object({
  kind: z.enum(['admin', 'vendor']).optional().openapi({ description: 'Administrators or vendor users' }),
  search: z.string().trim().max(100).optional().openapi({ description: 'Part of the email or name' }),
  status: z.enum(['active', 'disabled', 'deleted']).optional().openapi({ description: 'Default: all but deleted' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const one = { 200: jsonResponse(AdminUser, 'The user'), 404: { description: 'No such user for this administrator' } };

export interface AdminUsersApiDeps {
  db: DbAccess;
  platforms: PlatformRegistry;
  sessions: SessionStore;
  resets: PasswordResets;
  links: LinkSettings;
}

/**
 * Users for administrators (`/api/v1/admin/users`): list and search, disable and enable, soft delete and restore,
 * send a password reset, and set which platforms a platform administrator manages. A super administrator sees every
 * user; a platform administrator only the vendor users of its platforms' vendors (anyone else is a 404), and cannot
 * change platform scopes. Nobody disables or deletes their own account. Every change is audit-logged.
 */
export function adminUsersApi(deps: AdminUsersApiDeps): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  const admin = (c: Context) => c.get('principal') as AdminPrincipal;

  const load = async (c: Context, id: number): Promise<UserRow> => {
    const [row] = await deps.db.asSystem('admin: users', (db) => usersQuery(db, admin(c).platformIds, { id }));
    if (!row) throw KernelErrors.NotFound({ path: c.req.path });
    return row as UserRow;
  };
  const notSelf = (c: Context, user: UserRow, action: string) => {
    if (Number(user.id) === admin(c).userId) throw TenancyErrors.CannotChangeSelf({ action });
  };
  /** Runs the change and its audit entry in one transaction, then answers the user as it is now. */
  const change = async (
    c: Context,
    user: UserRow,
    action: string,
    work: (db: Knex) => Promise<{ before: unknown; after: unknown }>,
  ) => {
    await deps.db.asSystem(`admin: ${action}`, async (db) => {
      const { before, after } = await work(db);
      await audit(db, c, { action, targetType: 'user', targetId: user.id, before, after });
    });
    return c.json(presentUser(await load(c, Number(user.id))), 200);
  };

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/users',
      tags: ['users'],
      request: { query: ListQuery },
      responses: {
        200: jsonResponse(
          z.object({
            users: z.array(AdminUser),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
          'Users the administrator may see, oldest first',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const scope = admin(c).platformIds;
      const { rows, total } = await deps.db.asSystem('admin: users', async (db) => ({
        rows: (await usersQuery(db, scope, q)) as UserRow[],
        total: await countUsers(db, scope, q),
      }));
      return c.json({ users: rows.map(presentUser), total, limit: q.limit, offset: q.offset }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/admin/users/{id}',
      tags: ['users'],
      request: { params: idParam },
      responses: one,
    }),
    async (c) => c.json(presentUser(await load(c, c.req.valid('param').id)), 200),
  );

  const toggles = { disable: false, enable: true } as const;
  for (const [verb, active] of Object.entries(toggles)) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/api/v1/admin/users/{id}/${verb}`,
        tags: ['users'],
        description: active ? undefined : 'Ends every sign-in of the user at once; signing in then fails.',
        request: { params: idParam },
        responses: one,
      }),
      async (c) => {
        const user = await load(c, c.req.valid('param').id);
        await deps.db.asSystem(`admin: user.${verb}d`, (db) =>
          setUserActive(db, c, { actor: admin(c), user, active, sessions: deps.sessions }),
        );
        return c.json(presentUser(await load(c, Number(user.id))), 200);
      },
    );
  }

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/admin/users/{id}',
      tags: ['users'],
      request: { params: idParam },
      responses: { 204: { description: 'Deleted (restorable): signed out, and cannot sign in' }, 404: one[404] },
    }),
    async (c) => {
      const user = await load(c, c.req.valid('param').id);
      if (user.deleted_at) throw KernelErrors.NotFound({ path: c.req.path });
      notSelf(c, user, 'delete');
      await deps.db.asSystem('admin: delete user', async (db) => {
        await db('users').where({ id: user.id }).update({ deleted_at: db.fn.now(), updated_at: db.fn.now() });
        await deps.sessions.revokeAll(db, { userId: Number(user.id) }, 'account deleted');
        await audit(db, c, {
          action: 'user.deleted',
          targetType: 'user',
          targetId: user.id,
          before: { status: statusOf(user) },
          after: { status: 'deleted' },
        });
      });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/admin/users/{id}/restore',
      tags: ['users'],
      request: { params: idParam },
      responses: one,
    }),
    async (c) => {
      const user = await load(c, c.req.valid('param').id);
      if (!user.deleted_at) throw KernelErrors.NotFound({ path: c.req.path });
      return change(c, user, 'user.restored', async (db) => {
        await db('users').where({ id: user.id }).update({ deleted_at: null, updated_at: db.fn.now() });
        return { before: { status: 'deleted' }, after: { status: statusOf({ ...user, deleted_at: null }) } };
      });
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/admin/users/{id}/password-reset',
      tags: ['users'],
      description: 'Mails the user a single-use link to choose a new password (into the admin or vendor area).',
      request: { params: idParam },
      responses: {
        202: jsonResponse(z.object({ sentTo: z.string() }), 'The link is on its way'),
        404: one[404],
        409: { description: 'ORN_TENANCY_ACCOUNT_INACTIVE: the account cannot sign in, so the link would not work' },
      },
    }),
    async (c) => {
      const user = await load(c, c.req.valid('param').id);
      await sendUserPasswordReset(c, deps, user);
      return c.json({ sentTo: user.email }, 202);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/admin/users/{id}/platforms',
      tags: ['users'],
      description: 'Super administrators only. Takes effect on the next request of that administrator.',
      middleware: [requireSuperAdmin()] as const,
      request: { params: idParam, ...jsonBody(z.object({ platforms: z.array(z.string()).max(100) })) },
      responses: { ...one, 409: { description: 'ORN_TENANCY_NOT_PLATFORM_ADMIN' } },
    }),
    async (c) => {
      const user = await load(c, c.req.valid('param').id);
      const codes = c.req.valid('json').platforms;
      await deps.db.asSystem('admin: user.platforms_changed', (db) =>
        setAdminPlatforms(db, c, { user, codes, platforms: deps.platforms }),
      );
      return c.json(presentUser(await load(c, Number(user.id))), 200);
    },
  );
  return api;
}
