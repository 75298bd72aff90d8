import type { Context } from 'hono';
import { audit } from '../audit/audit.js';
import type { DbAccess } from '../auth/db-access.js';
import { TenancyErrors } from './errors.js';

export interface RoleRow {
  id: number;
  name: string;
  preset: string | null;
  permissions: string[];
}

/** The vendor's roles: the presets, then its custom roles, in creation order. */
export function listRoles(db: DbAccess, vendorId: number): Promise<RoleRow[]> {
  return db.asVendor(vendorId, (q) =>
    q('vendor_roles').where({ vendor_id: vendorId }).orderBy('id').select('id', 'name', 'preset', 'permissions'),
  );
}

/**
 * Creates a custom role (audited as `team.role.created`). A name another role of the vendor has, whatever its case,
 * is ORN_TENANCY_ROLE_NAME_TAKEN.
 */
export function createRole(
  db: DbAccess,
  c: Context,
  vendorId: number,
  input: { name: string; permissions: string[] },
): Promise<RoleRow> {
  return db.asVendor(vendorId, (q) =>
    q.transaction(async (trx) => {
      const taken = await trx('vendor_roles')
        .where({ vendor_id: vendorId })
        .whereRaw('lower(name) = ?', [input.name.toLowerCase()])
        .first('id');
      if (taken) throw TenancyErrors.RoleNameTaken({ name: input.name });
      const [row] = await trx('vendor_roles')
        .insert({ vendor_id: vendorId, name: input.name, permissions: input.permissions })
        .returning(['id', 'name', 'preset', 'permissions']);
      await audit(trx, c, {
        action: 'team.role.created',
        targetType: 'role',
        targetId: row.id,
        vendorId,
        after: input,
      });
      return row as RoleRow;
    }),
  );
}
