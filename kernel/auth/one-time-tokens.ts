import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { hashSecret } from './sessions.js';

/** What a one-time token is for; the `auth_tokens.purpose` check allows these. */
export type TokenPurpose = 'invitation' | 'password_reset';

/** Whose token it is: a user (administrator or vendor user) or a shop customer, and the vendor it is for, if any. */
export type TokenSubject = { userId: number; vendorId?: number } | { customerId: number; vendorId: number };

/** A token row that was valid when read or consumed. */
export interface TokenRecord {
  id: number;
  purpose: TokenPurpose;
  userId?: number;
  customerId?: number;
  vendorId?: number;
}

interface TokenRow {
  id: number;
  purpose: TokenPurpose;
  user_id: number | null;
  customer_id: number | null;
  vendor_id: number | null;
}

const COLUMNS = ['id', 'purpose', 'user_id', 'customer_id', 'vendor_id'];
/** 32 random bytes in base64url: 43 characters. Anything else cannot be one of ours, so it is not even hashed. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Issues a single-use token. Only its SHA-256 is stored: the token itself exists only in the mail. Earlier unused
 * tokens of the same purpose, subject and vendor are deleted, so that only the newest link works (a second reset
 * request, a re-sent invitation). Run it on the caller's transaction.
 */
export async function issueToken(
  db: Knex,
  purpose: TokenPurpose,
  subject: TokenSubject,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const owner =
    'userId' in subject ? { user_id: subject.userId } : { customer_id: (subject as { customerId: number }).customerId };
  const vendorId = subject.vendorId ?? null;
  const earlier = db('auth_tokens')
    .where({ purpose, ...owner })
    .whereNull('used_at');
  await (vendorId === null ? earlier.whereNull('vendor_id') : earlier.where({ vendor_id: vendorId })).delete();
  const [row] = await db('auth_tokens')
    .insert({
      purpose,
      user_id: null,
      customer_id: null,
      ...owner,
      vendor_id: vendorId,
      token_hash: hashSecret(token),
      // The database's clock, as `consumeToken` compares with it.
      expires_at: db.raw('now() + make_interval(secs => ?::double precision)', [ttlSeconds]),
    })
    .returning<{ expires_at: Date }[]>('expires_at');
  return { token, expiresAt: (row as { expires_at: Date }).expires_at };
}

/** The token's record if it is unused and unexpired, without using it (to know whose it is before asking more). */
export async function findToken(db: Knex, purpose: TokenPurpose, token: string): Promise<TokenRecord | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const row = await live(db, purpose, token).first<TokenRow | undefined>(COLUMNS);
  return row && record(row);
}

/**
 * Uses a token: one UPDATE that marks it used only if it is unused and unexpired, so that of two requests racing
 * with the same token only one gets the record. `vendorId` limits it to a vendor's tokens (a shop's customers).
 * Undefined for an unknown, used or expired token alike.
 */
export async function consumeToken(
  db: Knex,
  purpose: TokenPurpose,
  token: string,
  scope: { vendorId?: number } = {},
): Promise<TokenRecord | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const query = live(db, purpose, token);
  if (scope.vendorId !== undefined) query.where({ vendor_id: scope.vendorId });
  const [row] = await query.update({ used_at: db.fn.now() }).returning<TokenRow[]>(COLUMNS);
  return row && record(row);
}

function live(db: Knex, purpose: TokenPurpose, token: string) {
  return db('auth_tokens')
    .where({ purpose, token_hash: hashSecret(token) })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now());
}

function record(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    purpose: row.purpose,
    userId: row.user_id ?? undefined,
    customerId: row.customer_id ?? undefined,
    vendorId: row.vendor_id ?? undefined,
  };
}
