import type { Knex } from 'knex';
import { type AccountDeps, ADMIN_ROLES, duration } from './account-deps.js';
import { AuthErrors } from './errors.js';
import { consumeToken, issueToken } from './one-time-tokens.js';
import { hashNewPassword } from './passwords.js';
import type { AuthArea } from './tokens.js';

export interface ResetRequest {
  area: AuthArea;
  email: string;
  /** The request's shop; required in the shop area, where customers belong to one shop. */
  vendorId?: number;
  /** Vendor area: the dashboard the link opens, if the user is an active member of it (else its first vendor). */
  vendorCode?: string;
  /** Where links start: `<origin><base>/admin`, `<origin><base>/vendor`, or the shop's root (see `areaLinkBase`). */
  linkBase: string;
  platformId?: number;
}

export interface ResetConfirmation {
  area: AuthArea;
  token: string;
  password: string;
  /** The request's shop, in the shop area: a token of another shop is refused. */
  vendorId?: number;
}

interface Issued {
  to: string;
  token: string;
  /** After `linkBase`. */
  path: string;
  account: string;
  vendorId?: number;
}

/**
 * Password resets for the three areas. A request answers the same whether or not the email belongs to an account,
 * and mails a single-use link (AUTH_RESET_TTL_MIN) only when it does. Confirming sets the password, uses the token
 * and ends every sign-in of the account, in one transaction.
 */
export class PasswordResets {
  constructor(private readonly d: AccountDeps) {}

  /** Whether a link was mailed (the public routes answer alike either way; administrators are told). */
  async request(r: ResetRequest): Promise<boolean> {
    const ttlSeconds = this.d.resetTtlMinutes * 60;
    const issued = await this.issue(r, ttlSeconds);
    if (!issued) return false;
    const link = `${r.linkBase}${issued.path}?token=${issued.token}`;
    const sending = this.d.mailer.send({
      to: issued.to,
      subject: 'Reset your password',
      text: [
        'Hello,',
        '',
        `Someone asked to reset the password of ${issued.account}. If it was you, choose a new password here:`,
        '',
        link,
        '',
        `The link works once, for ${duration(ttlSeconds)}. If it was not you, ignore this mail: your password stays as it is.`,
      ].join('\n'),
      tag: 'auth.password_reset',
      vendorId: issued.vendorId,
      platformId: r.platformId,
    });
    if (this.d.mailer.transport === 'smtp') {
      // Not awaited: an SMTP round trip would make the answer slower for an existing account than for an unknown
      // email. A failure is logged; the person can ask again.
      sending.catch((err: unknown) => this.d.logger.error({ err, tag: 'auth.password_reset' }, 'reset mail not sent'));
      return true;
    }
    await sending;
    return true;
  }

  async confirm(input: ResetConfirmation): Promise<void> {
    const hash = await hashNewPassword(input.password, this.d.bcryptCost);
    const changed = (db: Knex) => ({ password_hash: hash, password_changed_at: db.fn.now(), updated_at: db.fn.now() });
    if (input.area === 'shop') {
      const vendorId = input.vendorId as number;
      await this.d.db.asVendor(vendorId, (db) =>
        db.transaction(async (trx) => {
          const token = await consumeToken(trx, 'password_reset', input.token, { vendorId });
          if (token?.customerId === undefined) throw AuthErrors.TokenInvalid();
          const updated = await trx('customers')
            .where({ id: token.customerId, vendor_id: vendorId, is_active: true })
            .whereNull('deleted_at')
            .update(changed(trx));
          if (!updated) throw AuthErrors.TokenInvalid();
          await this.d.auth.sessions.revokeAll(trx, { customerId: token.customerId }, 'password reset');
        }),
      );
      return;
    }
    const roles: readonly string[] = input.area === 'admin' ? ADMIN_ROLES : ['vendor_user'];
    await this.d.db.asSystem('password reset', (db) =>
      db.transaction(async (trx) => {
        const token = await consumeToken(trx, 'password_reset', input.token);
        if (token?.userId === undefined) throw AuthErrors.TokenInvalid();
        // A token mailed for one area does not reset an account of another kind; refused, it stays unused.
        const updated = await trx('users')
          .where({ id: token.userId, is_active: true })
          .whereIn('role', roles)
          .whereNull('deleted_at')
          .update(changed(trx));
        if (!updated) throw AuthErrors.TokenInvalid();
        await this.d.auth.sessions.revokeAll(trx, { userId: token.userId }, 'password reset');
      }),
    );
  }

  /** The account's token and link path, or undefined when the email belongs to no account that could use one. */
  private issue(r: ResetRequest, ttlSeconds: number): Promise<Issued | undefined> {
    const email = r.email.trim().toLowerCase();
    const byEmail = (db: Knex, table: string) =>
      db(table).whereRaw('lower(email) = ?', [email]).where({ is_active: true }).whereNull('deleted_at');
    if (r.area === 'shop') {
      const vendorId = r.vendorId as number;
      const shop = this.d.vendors.get(vendorId)?.name ?? 'the shop';
      return this.d.db.asVendor(vendorId, (db) =>
        db.transaction(async (trx) => {
          const customer = await byEmail(trx, 'customers')
            .where({ vendor_id: vendorId })
            .first<{ id: number; email: string } | undefined>('id', 'email');
          if (!customer) return undefined;
          const { token } = await issueToken(trx, 'password_reset', { customerId: customer.id, vendorId }, ttlSeconds);
          return { to: customer.email, token, path: '/reset-password', account: `your account at ${shop}`, vendorId };
        }),
      );
    }
    return this.d.db.asSystem('password reset request', (db) =>
      db.transaction(async (trx) => {
        const roles: readonly string[] = r.area === 'admin' ? ADMIN_ROLES : ['vendor_user'];
        const user = await byEmail(trx, 'users')
          .whereIn('role', roles)
          .first<{ id: number; email: string } | undefined>('id', 'email');
        if (!user) return undefined;
        let path = '/reset-password';
        let account = 'your Orion administrator account';
        if (r.area === 'vendor') {
          // The link opens a vendor's dashboard; without an active membership there is nowhere to sign in.
          const codes: string[] = await trx('vendor_memberships as m')
            .join('vendors as v', 'v.id', 'm.vendor_id')
            .where({ 'm.user_id': user.id, 'm.status': 'active' })
            .whereNull('v.deleted_at')
            .orderBy('m.id')
            .pluck('v.code');
          const code = codes.find((c) => c.toLowerCase() === r.vendorCode?.toLowerCase()) ?? codes[0];
          if (code === undefined) return undefined;
          path = `/${code}/reset-password`;
          account = 'your Orion vendor account';
        }
        const { token } = await issueToken(trx, 'password_reset', { userId: user.id }, ttlSeconds);
        return { to: user.email, token, path, account };
      }),
    );
  }
}
