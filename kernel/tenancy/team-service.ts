import type { Context } from 'hono';
import type { Knex } from 'knex';
import { audit } from '../audit/audit.js';
import type { DbAccess } from '../auth/db-access.js';
import { KernelErrors } from '../errors/codes.js';
import { TenancyErrors } from './errors.js';

export interface InvitedMember {
  membershipId: number;
  userId: number;
  displayName: string;
  role: { id: number; name: string; preset: string | null };
}

/**
 * Adds an `invited` member to a vendor's team with a role (never the owner's), creating the vendor user when the
 * email is new, and records it in the audit log, in one transaction. The caller then sends the invitation mail.
 * Refuses an unknown role (ORN_VALIDATION_FAILED on `roleId`), the owner role, an administrator's email and a
 * member already in the team.
 */
export async function addInvitedMember(
  dbAccess: DbAccess,
  c: Context,
  vendorId: number,
  input: { email: string; roleId: number },
): Promise<InvitedMember> {
  const lower = input.email.trim().toLowerCase();
  return dbAccess.asVendor(vendorId, async (db: Knex) =>
    db.transaction(async (trx) => {
      const role = await trx('vendor_roles')
        .where({ id: input.roleId, vendor_id: vendorId })
        .first<{ id: number; name: string; preset: string | null } | undefined>('id', 'name', 'preset');
      if (!role) {
        throw KernelErrors.ValidationFailed(
          { summary: 'roleId: no such role' },
          { fields: { roleId: 'no such role' } },
        );
      }
      if (role.preset === 'owner') throw TenancyErrors.OwnerRoleReserved();
      let user = await trx('users')
        .whereRaw('lower(email) = ?', [lower])
        .first('id', 'role', 'display_name', 'password_hash');
      if (user && user.role !== 'vendor_user') throw TenancyErrors.OwnerIsAdmin({ email: lower });
      user ??= (
        await trx('users')
          .insert({ email: lower, role: 'vendor_user' })
          .returning(['id', 'display_name', 'password_hash'])
      )[0];
      const exists = await trx('vendor_memberships').where({ vendor_id: vendorId, user_id: user.id }).first('id');
      if (exists) throw TenancyErrors.AlreadyMember({ email: lower });
      const principal = c.get('principal');
      const [m] = await trx('vendor_memberships')
        .insert({
          vendor_id: vendorId,
          user_id: user.id,
          role_id: role.id,
          status: 'invited',
          invited_by: principal?.kind === 'vendorUser' ? principal.userId : null,
        })
        .returning('id');
      await audit(trx, c, {
        action: 'team.member.invited',
        targetType: 'user',
        targetId: user.id,
        vendorId,
        after: { email: lower, role: role.name },
      });
      return {
        membershipId: m.id as number,
        userId: user.id as number,
        displayName: user.display_name as string,
        role,
      };
    }),
  );
}

/**
 * Gives a team member another role of the vendor, audited as `team.member.role_changed`. Refuses a member of another
 * vendor (ORN_NOT_FOUND), the owner and the owner role (ORN_TENANCY_OWNER_ROLE_RESERVED), and a role the vendor lacks
 * (ORN_VALIDATION_FAILED on `roleId`). Takes effect on the member's next request.
 */
export async function changeMemberRole(
  dbAccess: DbAccess,
  c: Context,
  vendorId: number,
  input: { membershipId: number; roleId: number },
): Promise<{ before: number; after: number }> {
  const { membershipId: id, roleId } = input;
  return dbAccess.asVendor(vendorId, (db) =>
    db.transaction(async (trx) => {
      const member = await trx('vendor_memberships')
        .where({ id, vendor_id: vendorId })
        .first('id', 'user_id', 'role_id', 'is_owner');
      if (!member) throw KernelErrors.NotFound({ path: c.req.path });
      if (member.is_owner) throw TenancyErrors.OwnerRoleReserved();
      const role = await trx('vendor_roles').where({ id: roleId, vendor_id: vendorId }).first('id', 'preset');
      if (!role) {
        throw KernelErrors.ValidationFailed(
          { summary: 'roleId: no such role' },
          { fields: { roleId: 'no such role' } },
        );
      }
      if (role.preset === 'owner') throw TenancyErrors.OwnerRoleReserved();
      await trx('vendor_memberships').where({ id }).update({ role_id: roleId });
      await audit(trx, c, {
        action: 'team.member.role_changed',
        targetType: 'membership',
        targetId: id,
        vendorId,
        before: { roleId: Number(member.role_id) },
        after: { roleId },
      });
      return { before: Number(member.role_id), after: roleId };
    }),
  );
}
