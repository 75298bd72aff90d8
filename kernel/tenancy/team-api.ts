import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { audit } from '../audit/audit.js';
import { requirePermission } from '../auth/authorize.js';
import type { DbAccess } from '../auth/db-access.js';
import type { PermissionDef } from '../auth/permissions.js';
import type { SessionStore } from '../auth/sessions.js';
import { KernelErrors } from '../errors/codes.js';
import { jsonBody, jsonResponse } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';
import { TenancyErrors } from './errors.js';
import { createRole, listRoles } from './roles-service.js';
import { addInvitedMember, changeMemberRole } from './team-service.js';
import { idParam, RoleInput, vendorOf } from './vendor-api.js';

const Member = z
  .object({
    membershipId: z.number().int(),
    userId: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    roleId: z.number().int(),
    roleName: z.string(),
    isOwner: z.boolean(),
    status: z.enum(['invited', 'active', 'disabled']),
  })
  .openapi('TeamMember');

const Role = z
  .object({
    id: z.number().int(),
    name: z.string(),
    preset: z.string().nullable(),
    permissions: z.array(z.string()),
  })
  .openapi('Role');

export interface TeamApiDeps {
  db: DbAccess;
  sessions: SessionStore;
  /** Every permission known now: the kernel's and the installed plugins'. */
  permissions: () => PermissionDef[];
  /** Sends an invitation mail to a member who has to set a password. */
  invite?: (c: Context, input: { userId: number; vendorId: number }) => Promise<void>;
}

/**
 * The vendor's team and roles, on the vendor API (`/api/v1/vendor/...`). The vendor is the caller's;
 * an id of another vendor's row is a 404, never a 403, so that ids reveal nothing.
 */
export function teamApi(deps: TeamApiDeps): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });

  api.use('/api/v1/vendor/team', requirePermission('team.view'));
  api.use('/api/v1/vendor/roles', async (c, next) =>
    requirePermission(c.req.method === 'GET' ? 'team.view' : 'team.edit')(c, next),
  );
  api.use('/api/v1/vendor/roles/*', requirePermission('team.edit'));

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/vendor/team',
      tags: ['team'],
      responses: { 200: jsonResponse(z.object({ members: z.array(Member) }), "The vendor's team") },
    }),
    async (c) => {
      const vendorId = vendorOf(c);
      const rows = await deps.db.asVendor(vendorId, (db) =>
        db('vendor_memberships as m')
          .join('users as u', 'u.id', 'm.user_id')
          .join('vendor_roles as r', 'r.id', 'm.role_id')
          .where('m.vendor_id', vendorId)
          .whereNull('u.deleted_at')
          .orderBy('m.id')
          .select(
            'm.id',
            'u.id as user_id',
            'u.email',
            'u.display_name',
            'r.id as role_id',
            'r.name',
            'm.is_owner',
            'm.status',
          ),
      );
      const members = rows.map((r) => ({
        membershipId: r.id,
        userId: r.user_id,
        email: r.email,
        displayName: r.display_name,
        roleId: r.role_id,
        roleName: r.name,
        isOwner: r.is_owner,
        status: r.status,
      }));
      return c.json({ members }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/vendor/team/invitations',
      tags: ['team'],
      middleware: requirePermission('team.invite'),
      request: jsonBody(
        z.object({ email: z.string().trim().email('must be an email address'), roleId: z.number().int() }),
      ),
      responses: { 201: jsonResponse(Member, 'The invited member; an invitation mail is on its way') },
    }),
    async (c) => {
      const vendorId = vendorOf(c);
      const { email, roleId } = c.req.valid('json');
      const lower = email.toLowerCase();
      const created = await addInvitedMember(deps.db, c, vendorId, { email, roleId });
      await deps.invite?.(c, { userId: created.userId, vendorId });
      const member = {
        membershipId: created.membershipId,
        userId: created.userId,
        email: lower,
        displayName: created.displayName,
        roleId: created.role.id as number,
        roleName: created.role.name as string,
        isOwner: false,
        status: 'invited' as const,
      };
      return c.json(member, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/vendor/team/{id}',
      tags: ['team'],
      middleware: [requirePermission('team.edit')] as const,
      request: { params: idParam, ...jsonBody(z.object({ roleId: z.number().int() })) },
      responses: { 204: { description: 'Role changed' }, 404: { description: 'No such member of this vendor' } },
    }),
    async (c) => {
      const vendorId = vendorOf(c);
      const { id } = c.req.valid('param');
      const { roleId } = c.req.valid('json');
      await changeMemberRole(deps.db, c, vendorId, { membershipId: id, roleId });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/vendor/team/{id}',
      tags: ['team'],
      middleware: [requirePermission('team.remove')] as const,
      request: { params: idParam },
      responses: {
        204: { description: 'Removed; their sign-ins to this vendor end' },
        404: { description: 'No such member' },
      },
    }),
    async (c) => {
      const vendorId = vendorOf(c);
      const { id } = c.req.valid('param');
      await deps.db.asVendor(vendorId, (db) =>
        db.transaction(async (trx) => {
          const member = await trx('vendor_memberships')
            .where({ id, vendor_id: vendorId })
            .first('user_id', 'is_owner');
          if (!member) throw KernelErrors.NotFound({ path: c.req.path });
          if (member.is_owner) throw TenancyErrors.OwnerRoleReserved();
          await trx('vendor_memberships').where({ id }).delete();
          await trx('auth_sessions')
            .where({ user_id: member.user_id, vendor_id: vendorId })
            .whereNull('revoked_at')
            .update({ revoked_at: trx.fn.now(), revoked_reason: 'removed from the team' });
          await audit(trx, c, {
            action: 'team.member.removed',
            targetType: 'user',
            targetId: member.user_id,
            vendorId,
          });
        }),
      );
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/vendor/roles',
      tags: ['team'],
      responses: {
        200: jsonResponse(
          z.object({
            roles: z.array(Role),
            permissions: z.array(z.object({ id: z.string(), description: z.string(), owner: z.string() })),
          }),
          'Roles, and every permission a role can grant',
        ),
      },
    }),
    async (c) => {
      const roles = await listRoles(deps.db, vendorOf(c));
      return c.json({ roles, permissions: deps.permissions() }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/vendor/roles',
      tags: ['team'],
      request: jsonBody(RoleInput),
      responses: { 201: jsonResponse(Role, 'The new custom role'), 409: { description: 'A role has that name' } },
    }),
    async (c) => {
      const role = await createRole(deps.db, c, vendorOf(c), c.req.valid('json'));
      return c.json(role, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/vendor/roles/{id}',
      tags: ['team'],
      request: { params: idParam, ...jsonBody(RoleInput) },
      responses: { 200: jsonResponse(Role, 'The role'), 404: { description: 'No such custom role' } },
    }),
    async (c) => {
      const vendorId = vendorOf(c);
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const role = await deps.db.asVendor(vendorId, (db) =>
        db.transaction(async (trx) => {
          const before = await trx('vendor_roles')
            .where({ id, vendor_id: vendorId })
            .first('name', 'preset', 'permissions');
          if (!before) throw KernelErrors.NotFound({ path: c.req.path });
          if (before.preset) throw TenancyErrors.PresetRoleFixed({ name: before.name });
          const [row] = await trx('vendor_roles')
            .where({ id })
            .update({ name: input.name, permissions: input.permissions })
            .returning(['id', 'name', 'preset', 'permissions']);
          await audit(trx, c, {
            action: 'team.role.changed',
            targetType: 'role',
            targetId: id,
            vendorId,
            before,
            after: input,
          });
          return row;
        }),
      );
      return c.json(role, 200);
    },
  );

  return api;
}
