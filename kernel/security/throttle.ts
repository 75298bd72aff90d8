import crypto from 'node:crypto';
import net from 'node:net';
import type { Logger } from 'pino';
import type { OrionConfig } from '../config/schema.js';
import type { Redis } from '../redis/redis.js';
import { MemoryThrottleStore } from './memory-throttle-store.js';
import { RedisThrottleStore } from './redis-throttle-store.js';
import type { Counter, ThrottleStore } from './throttle-store.js';

export type LoginThrottlePolicy = OrionConfig['security']['loginThrottle'];

/** A sign-in attempt: the email typed (any case) and the client's IP address, when known. */
export interface LoginAttempt {
  email: string;
  /** Without it only the account is counted. */
  ip?: string;
}

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; limit: 'account' | 'ip' };

export interface LoginThrottleOptions {
  policy: LoginThrottlePolicy;
  store: ThrottleStore;
  logger?: Logger;
  /** Used while `store` fails (Redis down), so that sign-in keeps working, throttled per process. */
  fallback?: ThrottleStore;
}

/**
 * Slows password guessing. Failures are counted per account (the email) and per client address, each in a fixed
 * window of `windowSeconds` that starts at its first failure. Once a count reaches its maximum, `check` refuses
 * until that window ends. A success clears the account's count, never the address's: otherwise one valid account
 * would let an attacker reset the address count between guesses at others.
 *
 * @example
 * const decision = await throttle.check({ email, ip });
 * if (!decision.allowed) throw SecurityErrors.Throttled(decision); // 429 with Retry-After
 * if (!(await passwordMatches())) {
 *   await throttle.recordFailure({ email, ip });
 *   throw AuthErrors.BadCredentials();
 * }
 * await throttle.recordSuccess({ email, ip });
 */
export class LoginThrottle {
  private readonly policy: LoginThrottlePolicy;
  private readonly store: ThrottleStore;
  private readonly fallback?: ThrottleStore;
  private readonly logger?: Logger;
  private failing = false;

  constructor(options: LoginThrottleOptions) {
    this.policy = options.policy;
    this.store = options.store;
    this.fallback = options.fallback;
    this.logger = options.logger;
  }

  /** Whether an attempt may go ahead; call it before checking the password. Changes nothing. */
  async check(attempt: LoginAttempt): Promise<ThrottleDecision> {
    const keys = this.keys(attempt);
    return this.decide(keys, await this.use((store) => store.peek(keys.map((k) => k.key))));
  }

  /** Counts a wrong password; returns the decision for the next attempt. */
  async recordFailure(attempt: LoginAttempt): Promise<ThrottleDecision> {
    const keys = this.keys(attempt);
    const windowMs = this.policy.windowSeconds * 1000;
    return this.decide(
      keys,
      await this.use((store) =>
        store.hit(
          keys.map((k) => k.key),
          windowMs,
        ),
      ),
    );
  }

  /** Clears the account's count after a successful sign-in. */
  async recordSuccess(attempt: LoginAttempt): Promise<void> {
    await this.use((store) => store.clear([accountKey(attempt.email)]));
  }

  private keys(attempt: LoginAttempt) {
    const keys: Array<{ key: string; limit: 'account' | 'ip'; max: number }> = [
      { key: accountKey(attempt.email), limit: 'account', max: this.policy.accountMax },
    ];
    if (attempt.ip) keys.push({ key: `login:ip:${ipKey(attempt.ip)}`, limit: 'ip', max: this.policy.ipMax });
    return keys;
  }

  private decide(keys: ReturnType<LoginThrottle['keys']>, counters: Counter[]): ThrottleDecision {
    let refused: ThrottleDecision = { allowed: true };
    keys.forEach(({ limit, max }, i) => {
      const counter = counters[i];
      if (!counter || counter.count < max) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(counter.resetInMs / 1000));
      if (refused.allowed || retryAfterSeconds > refused.retryAfterSeconds) {
        refused = { allowed: false, retryAfterSeconds, limit };
      }
    });
    return refused;
  }

  private async use<T>(operation: (store: ThrottleStore) => Promise<T>): Promise<T> {
    if (!this.fallback) return operation(this.store);
    try {
      const result = await operation(this.store);
      if (this.failing) this.logger?.info('login throttle store answers again');
      this.failing = false;
      return result;
    } catch (err) {
      if (!this.failing) this.logger?.warn({ err }, 'login throttle store failed: counting in this process meanwhile');
      this.failing = true;
      return operation(this.fallback);
    }
  }
}

/** Emails are compared trimmed and in lower case; hashed, so that keys stay short and hold no address. */
function accountKey(email: string): string {
  const normalized = email.trim().toLowerCase();
  return `login:account:${crypto.createHash('sha256').update(normalized).digest('base64url').slice(0, 32)}`;
}

/**
 * The address an attempt is counted under. An IPv4-mapped IPv6 address counts as its IPv4 address, and an IPv6
 * address as its /64 network: one subscriber usually gets a whole /64, so single addresses cost an attacker nothing.
 */
export function ipKey(ip: string): string {
  let address = ip.trim().toLowerCase();
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  if (address.startsWith('::ffff:') && net.isIPv4(address.slice(7))) return address.slice(7);
  if (!net.isIPv6(address)) return address;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, without leading zeros, `::` expanded and an IPv4 tail converted. */
function ipv6Groups(address: string): string[] {
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  let text = address;
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${address.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => Number.parseInt(g, 16).toString(16));
}

/** The kernel's throttle: counts shared in Redis when REDIS_URL is set (in memory while it fails), else in memory. */
export function createLoginThrottle(deps: {
  policy: LoginThrottlePolicy;
  redis?: Redis;
  logger: Logger;
  /** Redis key prefix (default `orion:throttle:`); the kernel uses `orion:<database name>:throttle:`. */
  redisPrefix?: string;
}): LoginThrottle {
  const memory = new MemoryThrottleStore();
  if (!deps.redis) return new LoginThrottle({ policy: deps.policy, store: memory });
  return new LoginThrottle({
    policy: deps.policy,
    store: new RedisThrottleStore(deps.redis, deps.redisPrefix),
    fallback: memory,
    logger: deps.logger,
  });
}
