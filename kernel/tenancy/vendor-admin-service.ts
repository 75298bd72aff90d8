import type { Context } from 'hono';
import type { Knex } from 'knex';
import { audit } from '../audit/audit.js';

/** A vendor's status changes, with the audit action each writes and whether it applies to a deleted vendor. */
export const VENDOR_TRANSITIONS = {
  suspend: { update: { status: 'suspended' }, action: 'tenancy.vendor.suspended', deleted: false },
  reactivate: { update: { status: 'active' }, action: 'tenancy.vendor.reactivated', deleted: false },
  restore: { update: { deleted_at: null }, action: 'tenancy.vendor.restored', deleted: true },
} as const;
export type VendorTransition = keyof typeof VENDOR_TRANSITIONS;

/**
 * Suspends, reactivates or restores a vendor, audit-logged. The caller checks that it applies (`deleted`) and
 * reloads the registries afterwards. Run in a system-scoped transaction.
 */
export async function vendorTransition(
  db: Knex,
  c: Context | undefined,
  vendor: { id: number },
  verb: VendorTransition,
): Promise<void> {
  const t = VENDOR_TRANSITIONS[verb];
  await db('vendors')
    .where({ id: vendor.id })
    .update({ ...t.update, updated_at: db.fn.now() });
  await audit(db, c, { action: t.action, targetType: 'vendor', targetId: vendor.id, vendorId: vendor.id });
}

/** Deletes a vendor softly (restorable): its shop answers 404 and its team is signed out. Audit-logged. */
export async function softDeleteVendor(db: Knex, c: Context | undefined, vendor: { id: number }): Promise<void> {
  await db('vendors').where({ id: vendor.id }).update({ deleted_at: db.fn.now() });
  await db('auth_sessions')
    .where({ vendor_id: vendor.id })
    .whereNull('revoked_at')
    .update({ revoked_at: db.fn.now(), revoked_reason: 'vendor deleted' });
  await audit(db, c, {
    action: 'tenancy.vendor.deleted',
    targetType: 'vendor',
    targetId: vendor.id,
    vendorId: vendor.id,
  });
}

export interface VendorRow {
  id: number;
  code: string;
  name: string;
  company_id: number;
  company_name: string;
  status: 'active' | 'suspended';
  default_language: string;
  languages: string[];
  deleted_at: Date | null;
  created_at: Date;
  platformIds: number[];
  memberships: { platform_id: number; subdomain: string; status: string }[];
}

export async function listQuery(
  db: Knex,
  q: { code?: string; search?: string; status?: string; platformId?: number; withDeleted: boolean },
): Promise<VendorRow[]> {
  const query = db('vendors as v')
    .join('companies as co', 'co.id', 'v.company_id')
    .select(
      'v.id',
      'v.code',
      'v.name',
      'v.company_id',
      'co.name as company_name',
      'v.status',
      'v.default_language',
      'v.languages',
      'v.deleted_at',
      'v.created_at',
      db.raw(
        `coalesce((select json_agg(json_build_object('platform_id', vp.platform_id, 'subdomain', vp.subdomain, 'status', vp.status))
          from vendor_platforms vp where vp.vendor_id = v.id), '[]'::json) as memberships`,
      ),
    )
    .orderBy('v.code')
    .limit(500);
  if (q.code) query.whereRaw('lower(v.code) = ?', [q.code.toLowerCase()]);
  if (q.search) {
    const like = `%${q.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    query.where((w) => w.whereRaw('lower(v.name) like ?', [like]).orWhereRaw('lower(v.code) like ?', [like]));
  }
  if (q.status === 'deleted') query.whereNotNull('v.deleted_at');
  else if (!q.withDeleted) query.whereNull('v.deleted_at');
  if (q.status === 'active' || q.status === 'suspended') query.where('v.status', q.status);
  if (q.platformId !== undefined) {
    query.whereExists((s) =>
      s.from('vendor_platforms as f').whereRaw('f.vendor_id = v.id').where('f.platform_id', q.platformId),
    );
  }
  const rows = (await query) as Omit<VendorRow, 'platformIds'>[];
  return rows.map((r) => ({ ...r, platformIds: r.memberships.map((m) => Number(m.platform_id)) }));
}

export interface VendorPatch {
  name?: string;
  defaultLanguage?: string;
  languages?: string[];
}

/**
 * Changes a vendor's name and languages, audited as `tenancy.vendor.changed` with before and after; values equal
 * to the stored ones write nothing (and no audit entry). Run in a system-scoped transaction; the caller reloads the registries.
 */
export async function changeVendor(
  db: Knex,
  c: Context | undefined,
  before: Pick<VendorRow, 'id' | 'name' | 'default_language' | 'languages'>,
  patch: VendorPatch,
): Promise<boolean> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changes = {
    ...(patch.name && patch.name !== before.name ? { name: patch.name } : {}),
    ...(patch.defaultLanguage && patch.defaultLanguage !== before.default_language
      ? { default_language: patch.defaultLanguage }
      : {}),
    ...(patch.languages && !same(patch.languages, before.languages) ? { languages: patch.languages } : {}),
  };
  if (!Object.keys(changes).length) return false;
  await db('vendors')
    .where({ id: before.id })
    .update({ ...changes, updated_at: db.fn.now() });
  await audit(db, c, {
    action: 'tenancy.vendor.changed',
    targetType: 'vendor',
    targetId: before.id,
    vendorId: before.id,
    before: { name: before.name, defaultLanguage: before.default_language, languages: before.languages },
    after: patch,
  });
  return true;
}
