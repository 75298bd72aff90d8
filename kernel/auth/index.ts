import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Knex } from 'knex';
import type { OrionConfig } from '../config/schema.js';
import type { Mailer } from '../mail/message.js';
import type { Logger } from '../observability/logger.js';
import { SecurityErrors } from '../security/errors.js';
import type { LoginThrottle } from '../security/throttle.js';
import type { VendorRegistry } from '../tenancy/vendors.js';
import { accountApi } from './account-api.js';
import type { AccountDeps } from './account-deps.js';
import { Accounts } from './accounts.js';
import { type AuthenticatedArea, type AuthenticateOptions, authenticate, clientIp } from './authenticate.js';
import type { DbAccess } from './db-access.js';
import { type InvitationInput, Invitations, type SentInvitation } from './invitations.js';
import { SigningKeys } from './keys.js';
import { loginApi } from './login-api.js';
import { PasswordResets } from './password-reset.js';
import { AuthService } from './service.js';
import type { PasswordThrottle } from './throttled.js';

export interface Auth {
  service: AuthService;
  keys: SigningKeys;
  /** The authentication middleware of an area (see `authenticate`). */
  middleware(area: AuthenticatedArea, options?: AuthenticateOptions): ReturnType<typeof authenticate>;
  /**
   * Invites a user whose membership of the vendor is `invited` (a new vendor's owner without a password, a team
   * member): mails a single-use link to accept. Rejects with ORN_AUTH_INVITATION_NOT_PENDING when there is no such
   * membership, and with ORN_MAIL_SEND_FAILED when the mail server refuses.
   */
  sendInvitation(input: InvitationInput): Promise<SentInvitation>;
  invitations: Invitations;
  passwordResets: PasswordResets;
  accounts: Accounts;
  /** The login throttle around password checks, for sign-in forms. */
  passwordThrottle: PasswordThrottle;
  /** Whether cookies get `Secure` (production), and how long a sign-in lasts: for pages that set the area cookies. */
  cookieOptions: { secure: boolean; refreshTtlSeconds: number };
  /** The sign-in and account routes of the three areas. */
  routes(): OpenAPIHono;
}

export function createAuth(deps: {
  knex: Knex;
  db: DbAccess;
  config: OrionConfig;
  vendors: VendorRegistry;
  throttle: LoginThrottle;
  mailer: Mailer;
  logger: Logger;
}): Auth {
  const { config } = deps;
  const keys = SigningKeys.fromConfig(config.auth.signingKeys, config.secret);
  const service = new AuthService({
    db: deps.db,
    knex: deps.knex,
    keys,
    bcryptCost: config.auth.bcryptCost,
    accessTtlSeconds: config.auth.accessTtlSeconds,
    refreshTtlSeconds: config.auth.refreshTtlSeconds,
  });
  const authDeps = {
    auth: service,
    keys,
    db: deps.db,
    vendors: deps.vendors,
    secureCookies: config.env === 'production',
    refreshTtlSeconds: config.auth.refreshTtlSeconds,
  };
  const accountDeps: AccountDeps = {
    db: deps.db,
    auth: service,
    mailer: deps.mailer,
    vendors: deps.vendors,
    logger: deps.logger.child({ component: 'auth' }),
    bcryptCost: config.auth.bcryptCost,
    links: { publicUrl: config.server.publicUrl, port: config.server.port },
    invitationTtlHours: config.auth.invitationTtlHours,
    resetTtlMinutes: config.auth.resetTtlMinutes,
  };
  const invitations = new Invitations(accountDeps);
  const passwordResets = new PasswordResets(accountDeps);
  const accounts = new Accounts(accountDeps);
  const throttle: PasswordThrottle = {
    async check(c, email) {
      const decision = await deps.throttle.check({ email, ip: clientIp(c) });
      if (!decision.allowed) throw SecurityErrors.Throttled(decision);
    },
    async record(c, email, ok) {
      const attempt = { email, ip: clientIp(c) };
      await (ok ? deps.throttle.recordSuccess(attempt) : deps.throttle.recordFailure(attempt));
    },
  };
  return {
    service,
    keys,
    middleware: (area, options = { required: true }) => authenticate(authDeps, area, options),
    sendInvitation: (input) => invitations.send(input),
    invitations,
    passwordResets,
    accounts,
    passwordThrottle: throttle,
    cookieOptions: { secure: authDeps.secureCookies, refreshTtlSeconds: authDeps.refreshTtlSeconds },
    routes: () => {
      const api = loginApi({ auth: service, keys, vendors: deps.vendors, throttle });
      const account = accountApi({
        invitations,
        resets: passwordResets,
        accounts,
        links: accountDeps.links,
        // An administrator changes its own password whatever the host's platform.
        authenticate: (area) =>
          authenticate(
            authDeps,
            area,
            area === 'adminApi' ? { required: true, hostPlatform: false } : { required: true },
          ),
        throttle,
      });
      return api.route('/', account);
    },
  };
}
