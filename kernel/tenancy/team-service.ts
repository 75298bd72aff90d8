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
