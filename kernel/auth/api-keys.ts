import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { DbAccess } from './db-access.js';
import type { ApiKeyPrincipal } from './principal.js';
import { hashSecret } from './sessions.js';

/** API keys look like `ork_<8 characters>_<secret>`: the prefix tells them from JWTs and identifies them in lists. */
export const API_KEY_PREFIX = 'ork_';

export interface CreatedApiKey {
  id: number;
  /** The whole key: shown once, never stored. */
  key: string;
  prefix: string;
}

export async function createApiKey(
  db: Knex,
  input: { vendorId: number; name: string; permissions: string[]; createdBy?: number },
): Promise<CreatedApiKey> {
  const prefix = crypto.randomBytes(6).toString('base64url').slice(0, 8);
  const key = `${API_KEY_PREFIX}${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
  const [row] = await db('api_keys')
    .insert({
      vendor_id: input.vendorId,
      name: input.name,
      prefix,
      key_hash: hashSecret(key),
      permissions: input.permissions,
      created_by: input.createdBy ?? null,
    })
    .returning<{ id: number }[]>('id');
  return { id: (row as { id: number }).id, key, prefix };
}

/** Touch `last_used_at` at most this often per key: not a write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** The principal of an unrevoked key, and records its use. */
export async function authenticateApiKey(access: DbAccess, key: string): Promise<ApiKeyPrincipal | undefined> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return undefined;
  return access.asSystem('api key lookup', async (db) => {
    const row = await db('api_keys')
      .where({ key_hash: hashSecret(key) })
      .whereNull('revoked_at')
      .first<{ id: number; vendor_id: number; permissions: string[]; last_used_at: Date | null } | undefined>(
        'id',
        'vendor_id',
        'permissions',
        'last_used_at',
      );
    if (!row) return undefined;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
      await db('api_keys').where({ id: row.id }).update({ last_used_at: db.fn.now() });
    }
    return { kind: 'apiKey', keyId: row.id, vendorId: row.vendor_id, permissions: row.permissions };
  });
}
