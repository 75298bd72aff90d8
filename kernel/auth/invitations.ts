import { KernelErrors } from '../errors/codes.js';
import { type AccountDeps, duration } from './account-deps.js';
import { AuthErrors } from './errors.js';
import { publicOrigin } from './links.js';
import { consumeToken, findToken, issueToken } from './one-time-tokens.js';
import { hashNewPassword } from './passwords.js';
import type { RequestMeta, TokenPair } from './service.js';

export interface InvitationInput {
  /** The invited user: a vendor user whose membership of the vendor is `invited`. */
  userId: number;
  vendorId: number;
  /** The user who invites, named in the mail and recorded on the membership. */
  invitedBy?: number;
  /** The platform prefix of links in path mode (`/platforms/<code>`); none by default. */
  base?: string;
}

export interface SentInvitation {
  email: string;
  expiresAt: Date;
}

export interface AcceptInput {
  token: string;
  /** Required when the user has no password yet; ignored when it has one (it keeps its password). */
  password?: string;
  /** The name of a new account; ignored for an existing one. */
  displayName?: string;
}

/**
 * Invitations to a vendor's team: a mail with a single-use link (AUTH_INVITATION_TTL_H), which sets the password of a
 * new account, activates the membership and signs the user in to that vendor.
 */
export class Invitations {
  constructor(private readonly d: AccountDeps) {}

  /** Issues an invitation token (replacing an earlier unused one) and mails the link; rejects if the mail fails. */
  async send(input: InvitationInput): Promise<SentInvitation> {
    const { userId, vendorId } = input;
    const ttlSeconds = this.d.invitationTtlHours * 3600;
    const issued = await this.d.db.asVendor(vendorId, (db) =>
      db.transaction(async (trx) => {
        // From the database, not the registry: the vendor may have been created a moment ago.
        const vendor = await trx('vendors')
          .where({ id: vendorId })
          .whereNull('deleted_at')
          .first<{ code: string; name: string } | undefined>('code', 'name');
        if (!vendor) throw AuthErrors.InvitationNotPending({ userId, vendorId });
        const platform = await trx('vendor_platforms')
          .where({ vendor_id: vendorId })
          .orderBy('platform_id')
          .first<{ platform_id: number } | undefined>('platform_id');
        const invitee = await trx('vendor_memberships as m')
          .join('users as u', 'u.id', 'm.user_id')
          .where({ 'm.vendor_id': vendorId, 'm.user_id': userId, 'm.status': 'invited', 'u.is_active': true })
          .whereNull('u.deleted_at')
          .first<{ email: string } | undefined>('u.email');
        if (!invitee) throw AuthErrors.InvitationNotPending({ userId, vendorId });
        let inviter: string | undefined;
        if (input.invitedBy !== undefined) {
          await trx('vendor_memberships')
            .where({ vendor_id: vendorId, user_id: userId })
            .update({ invited_by: input.invitedBy });
          const by = await trx('users')
            .where({ id: input.invitedBy })
            .first<{ display_name: string; email: string } | undefined>('display_name', 'email');
          inviter = by && (by.display_name || by.email);
        }
        const { token, expiresAt } = await issueToken(trx, 'invitation', { userId, vendorId }, ttlSeconds);
        return { email: invitee.email, inviter, token, expiresAt, vendor, platformId: platform?.platform_id };
      }),
    );
    const { vendor } = issued;
    const link = `${publicOrigin(this.d.links)}${input.base ?? ''}/vendor/${vendor.code}/accept-invitation?token=${issued.token}`;
    const who = issued.inviter ? `${issued.inviter} invited you` : 'You are invited';
    // After the transaction: on the embedded database, the outbox write would otherwise wait for its connection.
    await this.d.mailer.send({
      to: issued.email,
      subject: `You are invited to the team of ${vendor.name}`,
      text: [
        'Hello,',
        '',
        `${who} to join the team of ${vendor.name}.`,
        '',
        `Accept the invitation: ${link}`,
        '',
        `The link works once, for ${duration(ttlSeconds)}. If you did not expect this invitation, ignore this mail.`,
      ].join('\n'),
      tag: 'auth.invitation',
      vendorId,
      platformId: issued.platformId,
    });
    return { email: issued.email, expiresAt: issued.expiresAt };
  }

  /**
   * Accepts an invitation: sets the password of an account that has none, activates the membership, uses the token
   * (all in one transaction, so a refused step leaves the token usable), then signs the user in to the vendor.
   */
  async accept(input: AcceptInput, meta: RequestMeta): Promise<TokenPair> {
    const found = await this.d.db.asSystem('invitation lookup', async (db) => {
      const token = await findToken(db, 'invitation', input.token);
      if (token?.userId === undefined || token.vendorId === undefined) return undefined;
      const user = await db('users')
        .where({ id: token.userId })
        .first<{ password_hash: string | null } | undefined>('password_hash');
      return user && { userId: token.userId, vendorId: token.vendorId, hasPassword: user.password_hash !== null };
    });
    if (!found) throw AuthErrors.TokenInvalid();
    let hash: string | undefined;
    if (!found.hasPassword) {
      if (input.password === undefined) {
        const problem = 'is required: choose the password of your new account';
        throw KernelErrors.ValidationFailed({ summary: `password: ${problem}` }, { fields: { password: problem } });
      }
      // Hashed before the transaction: bcrypt takes tens of milliseconds.
      hash = await hashNewPassword(input.password, this.d.bcryptCost);
    }
    const { userId, vendorId } = found;
    await this.d.db.asSystem('invitation acceptance', (db) =>
      db.transaction(async (trx) => {
        const token = await consumeToken(trx, 'invitation', input.token);
        if (token?.userId !== userId || token.vendorId !== vendorId || !this.d.vendors.get(vendorId)) {
          throw AuthErrors.TokenInvalid();
        }
        const activated = await trx('vendor_memberships')
          .where({ vendor_id: vendorId, user_id: userId, status: 'invited' })
          .update({ status: 'active' });
        const user = trx('users').where({ id: userId, is_active: true }).whereNull('deleted_at');
        const updated = hash
          ? await user.whereNull('password_hash').update({
              password_hash: hash,
              password_changed_at: trx.fn.now(),
              ...(input.displayName ? { display_name: input.displayName } : {}),
              last_login_at: trx.fn.now(),
              updated_at: trx.fn.now(),
            })
          : await user.update({ last_login_at: trx.fn.now() });
        // A disabled membership or account: the invitation no longer stands (and the token stays as it was).
        if (!activated || !updated) throw AuthErrors.TokenInvalid();
      }),
    );
    return this.d.auth.openSession({ area: 'vendor', userId, vendorId }, meta);
  }
}
