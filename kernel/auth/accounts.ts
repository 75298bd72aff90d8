import type { Knex } from 'knex';
import type { AccountDeps } from './account-deps.js';
import { AuthErrors } from './errors.js';
import { assertNewPassword, hashNewPassword, verifyPassword } from './passwords.js';
import type { AdminPrincipal, CustomerPrincipal, VendorUserPrincipal } from './principal.js';
import type { RequestMeta, TokenPair } from './service.js';

/** A signed-in person (not an API key): the only kind that has a password to change. */
export type PasswordOwner = AdminPrincipal | VendorUserPrincipal | CustomerPrincipal;

export interface NewCustomer {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
  marketingConsent?: boolean;
  /** The language the shop was shown in, kept for its mails. */
  language?: string;
}

/** Changing one's own password, and customers registering at a shop. */
export class Accounts {
  constructor(private readonly d: AccountDeps) {}

  /**
   * Changes the caller's password after checking the current one, and ends every other sign-in of the account; the
   * caller's own (the login its session belongs to) goes on. Rejects a wrong current password with
   * ORN_AUTH_CURRENT_PASSWORD_WRONG.
   */
  async changePassword(owner: PasswordOwner, currentPassword: string, newPassword: string): Promise<void> {
    assertNewPassword(newPassword, 'newPassword');
    const customer = owner.kind === 'customer';
    const table = customer ? 'customers' : 'users';
    const id = customer ? owner.customerId : owner.userId;
    const where = owner.kind === 'customer' ? { id, vendor_id: owner.vendorId } : { id };
    const scoped = <T>(fn: (db: Knex) => Promise<T>): Promise<T> =>
      owner.kind === 'customer' ? this.d.db.asVendor(owner.vendorId, fn) : this.d.db.asSystem('password change', fn);
    const row = await scoped((db) =>
      db(table).where(where).first<{ password_hash: string | null } | undefined>('password_hash'),
    );
    const oldHash = row?.password_hash;
    // bcrypt runs outside any transaction: it takes tens of milliseconds.
    if (!oldHash || !(await verifyPassword(currentPassword, oldHash))) {
      throw AuthErrors.CurrentPasswordWrong(undefined, { fields: { currentPassword: 'is not your current password' } });
    }
    const hash = await hashNewPassword(newPassword, this.d.bcryptCost, 'newPassword');
    await scoped((db) =>
      db.transaction(async (trx) => {
        // Only if nobody changed it meanwhile: the current password was checked against this hash.
        const updated = await trx(table)
          .where({ ...where, password_hash: oldHash })
          .update({ password_hash: hash, password_changed_at: trx.fn.now(), updated_at: trx.fn.now() });
        if (!updated) throw AuthErrors.CurrentPasswordWrong(undefined, { fields: { currentPassword: 'has changed' } });
        const who = customer ? { customerId: id } : { userId: id };
        await this.d.auth.sessions.revokeAll(trx, who, 'password changed', owner.sessionId);
      }),
    );
  }

  /**
   * Registers a customer at a shop and signs it in. Emails are unique per shop, without regard to case; the same
   * email may register at another shop, with another password.
   */
  async registerCustomer(vendorId: number, input: NewCustomer, meta: RequestMeta): Promise<TokenPair> {
    const hash = await hashNewPassword(input.password, this.d.bcryptCost);
    const email = input.email.trim();
    const customerId = await this.d.db
      .asVendor(vendorId, (db) =>
        db.transaction(async (trx) => {
          const taken = await trx('customers')
            .where({ vendor_id: vendorId })
            .whereRaw('lower(email) = ?', [email.toLowerCase()])
            .first('id');
          if (taken) throw AuthErrors.EmailTaken();
          const [row] = await trx('customers')
            .insert({
              vendor_id: vendorId,
              email,
              password_hash: hash,
              first_name: input.firstName ?? '',
              last_name: input.lastName ?? '',
              marketing_consent: input.marketingConsent ?? false,
              language: input.language ?? null,
              password_changed_at: trx.fn.now(),
              last_login_at: trx.fn.now(),
            })
            .returning<{ id: number }[]>('id');
          return (row as { id: number }).id;
        }),
      )
      .catch((err: unknown) => {
        // Two registrations racing: the unique index refuses the second.
        if ((err as { code?: string }).code === '23505') throw AuthErrors.EmailTaken();
        throw err;
      });
    return this.d.auth.openSession({ area: 'shop', customerId, vendorId }, meta);
  }
}
