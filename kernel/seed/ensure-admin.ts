import type { Knex } from 'knex';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { withTenant } from '../db/tenant-scope.js';

export interface AdminAccount {
  email: string;
  password: string;
}

export type EnsureAdminOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Makes sure this super administrator exists, is active, and has this password: ORION_ADMIN_EMAIL and
 * ORION_ADMIN_PASSWORD are how an operator gets into a new deployment, or back into one after losing a password.
 */
export async function ensureAdmin(knex: Knex, admin: AdminAccount, bcryptCost: number): Promise<EnsureAdminOutcome> {
  // System-scoped: the audit log is a tenant table, and this entry belongs to no vendor.
  return withTenant(knex, { bypass: true, reason: 'ensure administrator' }, async (trx) => {
    const existing = await trx('users')
      .whereRaw('lower(email) = ?', [admin.email.toLowerCase()])
      .forUpdate()
      .first<{ id: number; password_hash: string | null; role: string; is_active: boolean } | undefined>();
    if (!existing) {
      const [row] = await trx('users')
        .insert({
          email: admin.email.toLowerCase(),
          password_hash: await hashPassword(admin.password, bcryptCost),
          display_name: 'Administrator',
          role: 'super_admin',
        })
        .returning<{ id: number }[]>('id');
      await trx('audit_log').insert({
        action: 'user.created',
        target_type: 'user',
        target_id: String(row?.id),
        details: { email: admin.email.toLowerCase(), role: 'super_admin', source: 'ORION_ADMIN_EMAIL' },
      });
      return 'created';
    }
    const samePassword = await verifyPassword(admin.password, existing.password_hash);
    if (samePassword && existing.role === 'super_admin' && existing.is_active) return 'unchanged';
    await trx('users')
      .where({ id: existing.id })
      .update({
        role: 'super_admin',
        is_active: true,
        updated_at: trx.fn.now(),
        ...(samePassword ? {} : { password_hash: await hashPassword(admin.password, bcryptCost) }),
      });
    await trx('audit_log').insert({
      action: 'user.admin-ensured',
      target_type: 'user',
      target_id: String(existing.id),
      details: { passwordChanged: !samePassword, source: 'ORION_ADMIN_EMAIL' },
    });
    return 'updated';
  });
}
