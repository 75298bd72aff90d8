import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { closeRedis, createRedis, type Redis } from '../../kernel/redis/redis.js';
import { RedisThrottleStore } from '../../kernel/security/redis-throttle-store.js';
import { createLoginThrottle } from '../../kernel/security/throttle.js';
import { throttleStoreCases } from '../../kernel/security/throttle-store.case.test.js';

const url = process.env.REDIS_URL;
const skip = url ? undefined : 'REDIS_URL is not set: no Redis server to talk to';
const logger = pino({ level: 'silent' });
// Each run counts under its own prefix, so that parallel runs on one Redis never see each other's keys.
const prefix = `orion-test:${process.pid}:${crypto.randomBytes(3).toString('hex')}:`;
const policy = { accountMax: 5, ipMax: 30, windowSeconds: 900 };

let clients: Redis[] = [];
async function client(): Promise<Redis> {
  const redis = await createRedis(url ?? '', logger);
  clients.push(redis);
  return redis;
}

let shared: Redis;
before(async () => {
  if (!skip) shared = await client();
});

after(async () => {
  try {
    const keys = skip ? [] : await shared.keys(`${prefix}*`);
    if (keys.length) await shared.del(...keys);
  } finally {
    await Promise.all(clients.map(closeRedis));
    clients = [];
  }
});

let run = 0;
throttleStoreCases('Redis', () => new RedisThrottleStore(shared, `${prefix}case${++run}:`), { skip });

describe('Redis throttle store', { skip }, () => {
  it('shares counts between two stores on separate connections, as two processes would', async () => {
    const a = new RedisThrottleStore(await client(), `${prefix}shared:`);
    const b = new RedisThrottleStore(await client(), `${prefix}shared:`);
    await a.hit(['k'], 60_000);
    await b.hit(['k'], 60_000);
    assert.equal((await a.hit(['k'], 60_000))[0]?.count, 3);
    assert.equal((await b.peek(['k']))[0]?.count, 3);
    await b.clear(['k']);
    assert.equal((await a.peek(['k']))[0]?.count, 0);
  });

  it('sets an expiry on every key it counts, so that Redis forgets it after the window', async () => {
    const store = new RedisThrottleStore(shared, `${prefix}ttl:`);
    await store.hit(['k'], 60_000);
    const ttl = await shared.pttl(`${prefix}ttl:k`);
    assert.ok(ttl > 59_000 && ttl <= 60_000, `pttl ${ttl}`);
    // A key left without expiry (by a crash in an older version, say) gets one on its next hit.
    await shared.set(`${prefix}ttl:stuck`, '2');
    assert.deepEqual((await store.hit(['stuck'], 60_000))[0]?.count, 3);
    assert.ok((await shared.pttl(`${prefix}ttl:stuck`)) > 0);
  });

  it('refuses an account on one kernel after failures recorded on another', async () => {
    const first = createLoginThrottle({ policy, redis: await client(), logger, redisPrefix: prefix });
    const second = createLoginThrottle({ policy, redis: await client(), logger, redisPrefix: prefix });
    const email = 'ada@example.com';
    for (let i = 0; i < 3; i++) await first.recordFailure({ email, ip: '203.0.113.50' });
    for (let i = 0; i < 2; i++) await second.recordFailure({ email: email.toUpperCase(), ip: '203.0.113.51' });
    const decision = await first.check({ email, ip: '198.51.100.1' });
    assert.equal(decision.allowed, false);
    assert.ok(!decision.allowed && decision.retryAfterSeconds > 890 && decision.retryAfterSeconds <= 900);
    await second.recordSuccess({ email, ip: '203.0.113.51' });
    assert.deepEqual(await first.check({ email }), { allowed: true });
  });
});

describe('login throttle with an unreachable Redis', () => {
  it('keeps throttling, counting in this process', async () => {
    const redis = await createRedis('redis://127.0.0.1:1', logger);
    clients.push(redis);
    const throttle = createLoginThrottle({ policy, redis, logger });
    for (let i = 0; i < 5; i++) await throttle.recordFailure({ email: 'ada@example.com' });
    assert.equal((await throttle.check({ email: 'ada@example.com' })).allowed, false);
  });
});
