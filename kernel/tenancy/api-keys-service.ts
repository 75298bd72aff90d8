import type { Context } from 'hono';
import { audit } from '../audit/audit.js';
import { type CreatedApiKey, createApiKey } from '../auth/api-keys.js';
import type { DbAccess } from '../auth/db-access.js';
import { KernelErrors } from '../errors/codes.js';

/** A vendor's API key as lists show it: never the key itself. */
export interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  permissions: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The vendor's keys, oldest first. */
export async function listApiKeys(db: DbAccess, vendorId: number): Promise<ApiKeyRow[]> {
  const rows = await db.asVendor(vendorId, (q) =>
    q('api_keys')
      .where({ vendor_id: vendorId })
      .orderBy('id')
      .select('id', 'name', 'prefix', 'permissions', 'created_at', 'last_used_at', 'revoked_at'),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    permissions: r.permissions,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** Creates a key (audited as `api_key.created`); the returned `key` is shown once and never stored. */
export async function createVendorApiKey(
  db: DbAccess,
  c: Context,
  vendorId: number,
  input: { name: string; permissions: string[] },
): Promise<CreatedApiKey> {
  const principal = c.get('principal');
  return db.asVendor(vendorId, (q) =>
    q.transaction(async (trx) => {
      const key = await createApiKey(trx, {
        vendorId,
        ...input,
        createdBy: principal?.kind === 'vendorUser' ? principal.userId : undefined,
      });
      await audit(trx, c, {
        action: 'api_key.created',
        targetType: 'api_key',
        targetId: key.id,
        vendorId,
        after: input,
      });
      return key;
    }),
  );
}

/** Revokes an unrevoked key of the vendor (audited as `api_key.revoked`): it stops working at once; else a 404. */
export async function revokeVendorApiKey(db: DbAccess, c: Context, vendorId: number, id: number): Promise<void> {
  await db.asVendor(vendorId, (q) =>
    q.transaction(async (trx) => {
      const n = await trx('api_keys')
        .where({ id, vendor_id: vendorId })
        .whereNull('revoked_at')
        .update({ revoked_at: trx.fn.now() });
      if (!n) throw KernelErrors.NotFound({ path: c.req.path });
      await audit(trx, c, { action: 'api_key.revoked', targetType: 'api_key', targetId: id, vendorId });
    }),
  );
}
