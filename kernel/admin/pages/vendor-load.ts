import type { Context } from 'hono';
import type { DbAccess } from '../../auth/db-access.js';
import { KernelErrors } from '../../errors/codes.js';
import { listQuery, type VendorRow } from '../../tenancy/vendor-admin-service.js';
import { adminOf } from '../scope.js';

/**
 * The vendor named by `:code`, deleted ones included, if the administrator manages one of its platforms; 404
 * otherwise (no hint that it exists). `deleted: false` also answers 404 for a deleted vendor.
 */
export async function loadAdminVendor(db: DbAccess, c: Context, opts: { deleted?: boolean } = {}): Promise<VendorRow> {
  const code = c.req.param('code') ?? '';
  const [vendor] = await db.asSystem('admin: vendor', (q) => listQuery(q, { code, withDeleted: true }));
  const ids = adminOf(c).platformIds;
  if (
    !vendor ||
    (ids !== 'all' && !vendor.platformIds.some((id) => ids.includes(id))) ||
    (opts.deleted === false && vendor.deleted_at)
  ) {
    throw KernelErrors.NotFound({ path: c.req.path });
  }
  return vendor;
}
