import type { Knex } from 'knex';
import type { OrionConfig } from '../config/schema.js';
import { SecurityErrors } from '../security/errors.js';
import type { LoginThrottle } from '../security/throttle.js';
import type { VendorRegistry } from '../tenancy/vendors.js';
import { type AuthenticatedArea, type AuthenticateOptions, authenticate, clientIp } from './authenticate.js';
import type { DbAccess } from './db-access.js';
import { SigningKeys } from './keys.js';
import { loginApi } from './login-api.js';
import { AuthService } from './service.js';

export interface Auth {
  service: AuthService;
  keys: SigningKeys;
  /** The authentication middleware of an area (see `authenticate`). */
  middleware(area: AuthenticatedArea, options?: AuthenticateOptions): ReturnType<typeof authenticate>;
  /** The sign-in routes of the three areas. */
  routes(): ReturnType<typeof loginApi>;
}

export function createAuth(deps: {
  knex: Knex;
  db: DbAccess;
  config: OrionConfig;
  vendors: VendorRegistry;
  throttle: LoginThrottle;
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
  return {
    service,
    keys,
    middleware: (area, options = { required: true }) => authenticate(authDeps, area, options),
    routes: () =>
      loginApi({
        auth: service,
        keys,
        vendors: deps.vendors,
        throttle: {
          async check(c, email) {
            const decision = await deps.throttle.check({ email, ip: clientIp(c) });
            if (!decision.allowed) throw SecurityErrors.Throttled(decision);
          },
          async record(c, email, ok) {
            const attempt = { email, ip: clientIp(c) };
            await (ok ? deps.throttle.recordSuccess(attempt) : deps.throttle.recordFailure(attempt));
          },
        },
      }),
  };
}
