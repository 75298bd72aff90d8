import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Auth } from '../auth/index.js';
import type { OrionConfig } from '../config/schema.js';
import type { Database } from '../db/database.js';
import type { EventBus } from '../events/bus.js';
import type { Mailer } from '../mail/message.js';
import type { HealthRegistry } from '../observability/health.js';
import type { Metrics } from '../observability/metrics.js';
import type { ErrorReporter } from '../observability/sentry.js';
import type { Redis } from '../redis/redis.js';
import type { LoginThrottle } from '../security/throttle.js';
import type { DomainVerifier } from '../tenancy/domain-verifier.js';

/** The kernel services in the root container, by token. Plugins get them through the SDK, scoped to themselves. */
export interface KernelServices {
  'kernel.config': OrionConfig;
  'kernel.logger': Logger;
  'kernel.database': Database;
  'kernel.knex': Knex;
  'kernel.events': EventBus;
  'kernel.metrics': Metrics;
  'kernel.health': HealthRegistry;
  'kernel.errorReporter': ErrorReporter;
  /** Present only when REDIS_URL is set. */
  'kernel.redis': Redis | undefined;
  /** Sign-in, tokens and the authentication middleware of each area. */
  'kernel.auth': Auth;
  /** Looks up a custom domain's verification TXT record; tests register a stand-in. */
  'kernel.domainVerifier': DomainVerifier;
  /** Sends mail: SMTP when SMTP_URL is set, else kept in `mail_outbox`. */
  'kernel.mailer': Mailer;
  /** Counts failed sign-ins per account and address; shared through Redis when REDIS_URL is set. */
  'kernel.loginThrottle': LoginThrottle;
}

export type KernelToken = keyof KernelServices;

export const TOKENS = {
  config: 'kernel.config',
  logger: 'kernel.logger',
  database: 'kernel.database',
  knex: 'kernel.knex',
  events: 'kernel.events',
  metrics: 'kernel.metrics',
  health: 'kernel.health',
  errorReporter: 'kernel.errorReporter',
  redis: 'kernel.redis',
  auth: 'kernel.auth',
  domainVerifier: 'kernel.domainVerifier',
  mailer: 'kernel.mailer',
  loginThrottle: 'kernel.loginThrottle',
} as const satisfies Record<string, KernelToken>;
