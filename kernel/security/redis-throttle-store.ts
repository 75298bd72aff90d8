import type { Redis } from '../redis/redis.js';
import type { Counter, ThrottleStore } from './throttle-store.js';

// INCR and the expiry in one script, so that no key is left counting forever if a process dies between the two;
// PTTL -1 (a key without expiry) also gets one.
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;

const PEEK = `
local n = redis.call('GET', KEYS[1])
if not n then return {0, 0} end
return {tonumber(n), math.max(redis.call('PTTL', KEYS[1]), 0)}`;

/**
 * Counts in Redis, so that every process on it shares them. One script call per key (each atomic on its own key,
 * and fine on a Redis Cluster, where keys of one script must share a slot), all in one pipeline round trip.
 */
export class RedisThrottleStore implements ThrottleStore {
  constructor(
    private readonly redis: Redis,
    /** Put before every key; tests use their own to stay apart. */
    private readonly prefix = 'orion:throttle:',
  ) {}

  hit(keys: string[], windowMs: number): Promise<Counter[]> {
    return this.run(HIT, keys, [String(windowMs)]);
  }

  peek(keys: string[]): Promise<Counter[]> {
    return this.run(PEEK, keys, []);
  }

  async clear(keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys.map((k) => this.prefix + k));
  }

  private async run(script: string, keys: string[], args: string[]): Promise<Counter[]> {
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.eval(script, 1, this.prefix + key, ...args);
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, value]) => {
      if (err) throw err;
      const [count, resetInMs] = value as [number, number];
      return { count: Number(count), resetInMs: Number(resetInMs) };
    });
  }
}
