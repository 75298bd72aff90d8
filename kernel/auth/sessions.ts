import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { AuthArea } from './tokens.js';

/** Who a session belongs to. */
export interface SessionSubject {
  area: AuthArea;
  userId?: number;
  customerId?: number;
  vendorId?: number;
}

export interface SessionRow {
  id: string;
  family_id: string;
  area: AuthArea;
  user_id: number | null;
  customer_id: number | null;
  vendor_id: number | null;
  expires_at: Date;
  rotated_at: Date | null;
  replaced_by: string | null;
  revoked_at: Date | null;
}

export type RotateOutcome =
  | { kind: 'rotated'; session: SessionRow; refreshToken: string }
  /** Presented again within the grace period (parallel requests): the successor session, no new refresh token. */
  | { kind: 'grace'; session: SessionRow }
  /** Presented again after the grace period: treated as stolen; the whole family is revoked. */
  | { kind: 'reused' }
  | { kind: 'invalid' };

/** Parallel requests of one browser may all present the refresh token that the first of them rotated. */
const REUSE_GRACE_MS = 10_000;

export const hashSecret = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');
const newSecret = () => crypto.randomBytes(32).toString('base64url');

/**
 * Refresh sessions. A refresh token is an opaque random string; only its SHA-256 is stored. Each use rotates it: the
 * old token is marked rotated and a new session of the same family is created. Access tokens name their session
 * (`sid`), so revoking a family (logout, password change, reuse, an administrator disabling the account) ends every
 * token of that login at once.
 */
export class SessionStore {
  constructor(private readonly ttlSeconds: number) {}

  /** Every method takes `db`: a system-scoped transaction (`DbAccess.asSystem`), since sessions span vendors. */
  async create(
    db: Knex,
    subject: SessionSubject,
    meta: { ip?: string; userAgent?: string },
    familyId: string = crypto.randomUUID(),
  ): Promise<{ session: SessionRow; refreshToken: string }> {
    const refreshToken = newSecret();
    const [session] = await db('auth_sessions')
      .insert({
        id: crypto.randomUUID(),
        family_id: familyId,
        area: subject.area,
        user_id: subject.userId ?? null,
        customer_id: subject.customerId ?? null,
        vendor_id: subject.vendorId ?? null,
        refresh_hash: hashSecret(refreshToken),
        expires_at: new Date(Date.now() + this.ttlSeconds * 1000),
        ip: meta.ip ?? null,
        user_agent: meta.userAgent?.slice(0, 512) ?? null,
      })
      .returning<SessionRow[]>('*');
    return { session: session as SessionRow, refreshToken };
  }

  async rotate(
    db: Knex,
    refreshToken: string,
    area: AuthArea,
    meta: { ip?: string; userAgent?: string },
  ): Promise<RotateOutcome> {
    return db.transaction(async (trx) => {
      const row = await trx('auth_sessions')
        .where({ refresh_hash: hashSecret(refreshToken), area })
        .forUpdate()
        .first<SessionRow | undefined>();
      if (!row || row.revoked_at) return { kind: 'invalid' } as const;
      if (row.rotated_at) {
        const successor = row.replaced_by ? await this.active(trx, row.replaced_by) : undefined;
        if (successor && Date.now() - row.rotated_at.getTime() < REUSE_GRACE_MS) {
          return { kind: 'grace', session: successor } as const;
        }
        await this.revokeFamily(trx, row.family_id, 'refresh token reused');
        return { kind: 'reused' } as const;
      }
      if (row.expires_at.getTime() <= Date.now()) return { kind: 'invalid' } as const;
      const subject = {
        area: row.area,
        userId: row.user_id ?? undefined,
        customerId: row.customer_id ?? undefined,
        vendorId: row.vendor_id ?? undefined,
      };
      const next = await this.create(trx, subject, meta, row.family_id);
      await trx('auth_sessions')
        .where({ id: row.id })
        .update({ rotated_at: trx.fn.now(), replaced_by: next.session.id });
      return { kind: 'rotated', ...next } as const;
    });
  }

  /** The session if it is neither revoked nor expired. */
  async active(db: Knex, id: string): Promise<SessionRow | undefined> {
    if (!isUuid(id)) return undefined;
    return db('auth_sessions')
      .where({ id })
      .whereNull('revoked_at')
      .where('expires_at', '>', db.fn.now())
      .first<SessionRow | undefined>();
  }

  async revokeFamily(db: Knex, familyId: string, reason: string): Promise<void> {
    await db('auth_sessions')
      .where({ family_id: familyId })
      .whereNull('revoked_at')
      .update({ revoked_at: db.fn.now(), revoked_reason: reason });
  }

  /** Ends the login that the session belongs to. */
  async revokeSession(db: Knex, id: string, reason: string): Promise<void> {
    const row = await this.active(db, id);
    if (row) await this.revokeFamily(db, row.family_id, reason);
  }

  /**
   * Ends every login of a user or a customer: password changed, account disabled or deleted. With `keep` (a session
   * id: the caller's own), every login but the one that session belongs to.
   */
  async revokeAll(db: Knex, owner: { userId: number } | { customerId: number }, reason: string, keep?: string) {
    const where = 'userId' in owner ? { user_id: owner.userId } : { customer_id: owner.customerId };
    const query = db('auth_sessions').where(where).whereNull('revoked_at');
    if (keep !== undefined && isUuid(keep)) {
      query.whereNotIn('family_id', db('auth_sessions').where({ id: keep }).select('family_id'));
    }
    await query.update({ revoked_at: db.fn.now(), revoked_reason: reason });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (v: string) => UUID.test(v);
