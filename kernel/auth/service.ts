import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { DbAccess } from './db-access.js';
import { AuthErrors } from './errors.js';
import type { SigningKeys } from './keys.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { AdminPrincipal, CustomerPrincipal, VendorUserPrincipal } from './principal.js';
import { hashSecret, type SessionRow, SessionStore, type SessionSubject } from './sessions.js';
import { type AccessClaims, type AuthArea, issueAccessToken } from './tokens.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

export interface AuthServiceOptions {
  db: DbAccess;
  knex: Knex;
  keys: SigningKeys;
  bcryptCost: number;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

const ADMIN_ROLES = ['super_admin', 'platform_admin'];

/**
 * Sign-in, refresh and sign-out for the three areas, and turning an access token back into a principal. Every
 * answer to a failed sign-in is the same, whether the email exists or not, and takes as long.
 */
export class AuthService {
  readonly sessions: SessionStore;

  constructor(private readonly o: AuthServiceOptions) {
    this.sessions = new SessionStore(o.refreshTtlSeconds);
  }

  get accessTtlSeconds(): number {
    return this.o.accessTtlSeconds;
  }

  async loginAdmin(email: string, password: string, meta: RequestMeta): Promise<TokenPair> {
    const user = await this.o.db.asSystem('admin sign-in', (db) =>
      db('users')
        .whereRaw('lower(email) = ?', [email.trim().toLowerCase()])
        .whereIn('role', ADMIN_ROLES)
        .where({ is_active: true })
        .whereNull('deleted_at')
        .first<{ id: number; password_hash: string | null } | undefined>('id', 'password_hash'),
    );
    await this.checkPassword(password, user?.password_hash);
    if (!user) throw AuthErrors.BadCredentials();
    await this.o.knex('users').where({ id: user.id }).update({ last_login_at: this.o.knex.fn.now() });
    return this.openSession({ area: 'admin', userId: user.id }, meta);
  }

  /**
   * A vendor user's sign-in, bound to one vendor: `vendorId` when the request names one (the dashboard's vendor or
   * `vendorCode`), else the user's only active membership.
   */
  async loginVendorUser(
    email: string,
    password: string,
    vendorId: number | undefined,
    meta: RequestMeta,
  ): Promise<TokenPair> {
    const found = await this.o.db.asSystem('vendor sign-in', async (db) => {
      const user = await db('users')
        .whereRaw('lower(email) = ?', [email.trim().toLowerCase()])
        .where({ role: 'vendor_user', is_active: true })
        .whereNull('deleted_at')
        .first<{ id: number; password_hash: string | null } | undefined>('id', 'password_hash');
      const vendorIds: number[] = user
        ? await db('vendor_memberships')
            .join('vendors', 'vendors.id', 'vendor_memberships.vendor_id')
            .where({ user_id: user.id, 'vendor_memberships.status': 'active' })
            .whereNull('vendors.deleted_at')
            .pluck('vendor_memberships.vendor_id')
        : [];
      return { user, vendorIds };
    });
    await this.checkPassword(password, found.user?.password_hash);
    if (!found.user) throw AuthErrors.BadCredentials();
    // Only now that the password is right may the answer depend on the account.
    const chosen = vendorId ?? (found.vendorIds.length === 1 ? found.vendorIds[0] : undefined);
    if (vendorId === undefined && found.vendorIds.length > 1) throw AuthErrors.VendorNeeded();
    if (chosen === undefined || !found.vendorIds.includes(chosen)) throw AuthErrors.BadCredentials();
    await this.o.knex('users').where({ id: found.user.id }).update({ last_login_at: this.o.knex.fn.now() });
    return this.openSession({ area: 'vendor', userId: found.user.id, vendorId: chosen }, meta);
  }

  async loginCustomer(vendorId: number, email: string, password: string, meta: RequestMeta): Promise<TokenPair> {
    const customer = await this.o.db.asVendor(vendorId, (db) =>
      db('customers')
        .where({ vendor_id: vendorId, is_active: true })
        .whereRaw('lower(email) = ?', [email.trim().toLowerCase()])
        .whereNull('deleted_at')
        .first<{ id: number; password_hash: string | null } | undefined>('id', 'password_hash'),
    );
    await this.checkPassword(password, customer?.password_hash);
    if (!customer) throw AuthErrors.BadCredentials();
    await this.o.db.asVendor(vendorId, (db) =>
      db('customers').where({ id: customer.id }).update({ last_login_at: db.fn.now() }),
    );
    return this.openSession({ area: 'shop', customerId: customer.id, vendorId }, meta);
  }

  /** A new pair for a refresh token, which stops working. Reusing an old one ends the whole login. */
  async refresh(area: AuthArea, refreshToken: string, meta: RequestMeta): Promise<TokenPair | { accessOnly: string }> {
    const outcome = await this.o.db.asSystem('token refresh', (db) =>
      this.sessions.rotate(db, refreshToken, area, meta),
    );
    if (outcome.kind === 'rotated') {
      return { accessToken: await this.access(outcome.session), refreshToken: outcome.refreshToken, ...this.ttl() };
    }
    if (outcome.kind === 'grace') return { accessOnly: await this.access(outcome.session) };
    throw outcome.kind === 'reused' ? AuthErrors.RefreshReused() : AuthErrors.RefreshInvalid();
  }

  async logout(sessionId: string): Promise<void> {
    await this.o.db.asSystem('sign-out', (db) => this.sessions.revokeSession(db, sessionId, 'signed out'));
  }

  async logoutByRefresh(area: AuthArea, refreshToken: string): Promise<void> {
    await this.o.db.asSystem('sign-out', async (db) => {
      const row = await db('auth_sessions')
        .where({ refresh_hash: hashSecret(refreshToken), area })
        .first<{ family_id: string } | undefined>('family_id');
      if (row) await this.sessions.revokeFamily(db, row.family_id, 'signed out');
    });
  }

  async adminPrincipal(claims: AccessClaims): Promise<AdminPrincipal | undefined> {
    const userId = subjectId(claims.sub, 'user');
    if (userId === undefined) return undefined;
    const row = await this.o.db.asSystem('admin authentication', (db) =>
      this.liveSession(db, claims.sid, 'admin')
        .join('users as u', 'u.id', 's.user_id')
        .where('u.id', userId)
        .where('u.is_active', true)
        .whereNull('u.deleted_at')
        .whereIn('u.role', ADMIN_ROLES)
        .first<{ id: number; email: string; role: AdminPrincipal['role']; platform_ids: number[] } | undefined>(
          'u.id',
          'u.email',
          'u.role',
          db.raw('array(select platform_id from admin_platforms ap where ap.user_id = u.id) as platform_ids'),
        ),
    );
    if (!row) return undefined;
    const platformIds = row.role === 'super_admin' ? 'all' : row.platform_ids.map(Number);
    return { kind: 'admin', userId: row.id, email: row.email, role: row.role, platformIds, sessionId: claims.sid };
  }

  async vendorUserPrincipal(claims: AccessClaims, vendorId: number): Promise<VendorUserPrincipal | undefined> {
    const userId = subjectId(claims.sub, 'user');
    if (userId === undefined || claims.vendorId !== vendorId) return undefined;
    const row = await this.o.db.asVendor(vendorId, (db) =>
      this.liveSession(db, claims.sid, 'vendor')
        .where('s.vendor_id', vendorId)
        .join('users as u', 'u.id', 's.user_id')
        .join('vendor_memberships as m', (j) => j.on('m.user_id', 'u.id').andOnVal('m.vendor_id', vendorId))
        .join('vendor_roles as r', 'r.id', 'm.role_id')
        .where({ 'u.id': userId, 'u.is_active': true, 'm.status': 'active' })
        .whereNull('u.deleted_at')
        .first<
          | { id: number; email: string; membership_id: number; is_owner: boolean; name: string; permissions: string[] }
          | undefined
        >('u.id', 'u.email', 'm.id as membership_id', 'm.is_owner', 'r.name', 'r.permissions'),
    );
    if (!row) return undefined;
    return {
      kind: 'vendorUser',
      userId: row.id,
      email: row.email,
      vendorId,
      membershipId: row.membership_id,
      isOwner: row.is_owner,
      roleName: row.name,
      permissions: row.permissions,
      sessionId: claims.sid,
    };
  }

  async customerPrincipal(claims: AccessClaims, vendorId: number): Promise<CustomerPrincipal | undefined> {
    const customerId = subjectId(claims.sub, 'customer');
    if (customerId === undefined || claims.vendorId !== vendorId) return undefined;
    const row = await this.o.db.asVendor(vendorId, (db) =>
      this.liveSession(db, claims.sid, 'shop')
        .where('s.vendor_id', vendorId)
        .join('customers as c', 'c.id', 's.customer_id')
        .where({ 'c.id': customerId, 'c.vendor_id': vendorId, 'c.is_active': true })
        .whereNull('c.deleted_at')
        .first<{ id: number; email: string } | undefined>('c.id', 'c.email'),
    );
    if (!row) return undefined;
    return { kind: 'customer', customerId: row.id, email: row.email, vendorId, sessionId: claims.sid };
  }

  private liveSession(db: Knex, sid: string, area: AuthArea) {
    const query = db('auth_sessions as s')
      .where({ 's.area': area })
      .whereNull('s.revoked_at')
      .where('s.expires_at', '>', db.fn.now());
    // A malformed id must not reach a uuid comparison (PostgreSQL would refuse the whole query).
    return UUID.test(sid) ? query.where('s.id', sid) : query.whereRaw('false');
  }

  /** Signs a subject in without a password: after an invitation is accepted, and in tests. */
  async openSession(subject: SessionSubject, meta: RequestMeta = {}): Promise<TokenPair> {
    const { session, refreshToken } = await this.o.db.asSystem('sign-in', (db) =>
      this.sessions.create(db, subject, meta),
    );
    return { accessToken: await this.access(session), refreshToken, ...this.ttl() };
  }

  private access(session: SessionRow): Promise<string> {
    const sub = session.customer_id ? `customer:${session.customer_id}` : `user:${session.user_id}`;
    const claims: AccessClaims = { sub, area: session.area, sid: session.id, vendorId: session.vendor_id ?? undefined };
    return issueAccessToken(this.o.keys, claims, this.o.accessTtlSeconds);
  }

  private ttl() {
    return { expiresIn: this.o.accessTtlSeconds };
  }

  /** Compares even when there is no such account, so that timing does not tell whether the email exists. */
  private async checkPassword(password: string, hash: string | null | undefined): Promise<void> {
    const ok = await verifyPassword(password, hash ?? (await this.dummy()));
    if (!ok || !hash) throw AuthErrors.BadCredentials();
  }

  private dummyHash: Promise<string> | undefined;
  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(crypto.randomBytes(24).toString('base64url'), this.o.bcryptCost);
    return this.dummyHash;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function subjectId(sub: string, kind: 'user' | 'customer'): number | undefined {
  if (!sub.startsWith(`${kind}:`)) return undefined;
  const id = Number(sub.slice(kind.length + 1));
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
