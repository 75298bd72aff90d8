import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { pino } from 'pino';
import { errorHandler } from '../http/middleware/error-handler/index.js';
import { captureLogs } from '../testing/log-capture.js';
import { SecurityErrors } from './errors.js';
import { MemoryThrottleStore } from './memory-throttle-store.js';
import { ipKey, LoginThrottle } from './throttle.js';
import type { ThrottleStore } from './throttle-store.js';

const policy = { accountMax: 5, ipMax: 30, windowSeconds: 900 };

function throttleAt(start = 1_000_000) {
  const clock = { now: start };
  const throttle = new LoginThrottle({ policy, store: new MemoryThrottleStore({ now: () => clock.now }) });
  return { throttle, clock };
}

async function fail(throttle: LoginThrottle, times: number, attempt: { email: string; ip?: string }) {
  for (let i = 0; i < times; i++) await throttle.recordFailure(attempt);
}

describe('login throttle', () => {
  it('allows five wrong passwords for an account, then refuses until the window ends', async () => {
    const { throttle, clock } = throttleAt();
    const ada = { email: 'ada@example.com', ip: '203.0.113.1' };
    await fail(throttle, 4, ada);
    assert.deepEqual(await throttle.check(ada), { allowed: true });
    assert.deepEqual(await throttle.recordFailure(ada), { allowed: false, retryAfterSeconds: 900, limit: 'account' });
    clock.now += 600_000;
    assert.deepEqual(await throttle.check(ada), { allowed: false, retryAfterSeconds: 300, limit: 'account' });
    // From another address too: the limit protects the account, wherever the guesses come from.
    assert.equal((await throttle.check({ email: 'ada@example.com', ip: '198.51.100.7' })).allowed, false);
    clock.now += 300_000;
    assert.deepEqual(await throttle.check(ada), { allowed: true });
  });

  it('counts an email in any case and with spaces around it as the same account', async () => {
    const { throttle } = throttleAt();
    await fail(throttle, 3, { email: 'Ada@Example.com' });
    await fail(throttle, 2, { email: '  ada@example.COM ' });
    assert.equal((await throttle.check({ email: 'ada@example.com' })).allowed, false);
    assert.equal((await throttle.check({ email: 'bob@example.com' })).allowed, true);
  });

  it('clears the account count on success, but not the address count', async () => {
    const { throttle } = throttleAt();
    const ip = '203.0.113.9';
    await fail(throttle, 4, { email: 'ada@example.com', ip });
    for (let i = 0; i < 25; i++) await throttle.recordFailure({ email: `guess${i}@example.com`, ip });
    await throttle.recordSuccess({ email: 'ADA@example.com', ip });
    await fail(throttle, 4, { email: 'ada@example.com' });
    assert.equal((await throttle.check({ email: 'ada@example.com' })).allowed, true, 'the account count was kept');
    assert.equal((await throttle.check({ email: 'carol@example.com', ip })).allowed, true);
    await throttle.recordFailure({ email: 'carol@example.com', ip });
    assert.deepEqual(await throttle.check({ email: 'dave@example.com', ip }), {
      allowed: false,
      retryAfterSeconds: 900,
      limit: 'ip',
    });
  });

  it('refuses every account from an address that failed thirty times, and no other address', async () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 30; i++) await throttle.recordFailure({ email: `user${i}@example.com`, ip: '2001:db8:1:2::1' });
    // The same /64 network: an attacker changing the last 64 bits gains nothing.
    const sameNetwork = await throttle.check({ email: 'new@example.com', ip: '2001:db8:1:2:ffff::9' });
    assert.equal(sameNetwork.allowed, false);
    assert.equal((await throttle.check({ email: 'new@example.com', ip: '2001:db8:1:3::1' })).allowed, true);
    assert.equal((await throttle.check({ email: 'new@example.com' })).allowed, true, 'no address: account only');
  });

  it('answers with the longer wait when both the account and the address are over their limits', async () => {
    const { throttle, clock } = throttleAt();
    const ip = '192.0.2.5';
    for (let i = 0; i < 30; i++) await throttle.recordFailure({ email: `u${i}@example.com`, ip });
    clock.now += 100_000;
    await fail(throttle, 5, { email: 'ada@example.com', ip });
    assert.deepEqual(await throttle.check({ email: 'ada@example.com', ip }), {
      allowed: false,
      retryAfterSeconds: 900,
      limit: 'account',
    });
  });

  it('keeps counting in memory while its shared store fails, and says so once', async () => {
    const broken: ThrottleStore = {
      hit: () => Promise.reject(new Error('Connection is closed.')),
      peek: () => Promise.reject(new Error('Connection is closed.')),
      clear: () => Promise.reject(new Error('Connection is closed.')),
    };
    const { destination, lines } = captureLogs();
    const throttle = new LoginThrottle({
      policy,
      store: broken,
      fallback: new MemoryThrottleStore(),
      logger: pino(destination),
    });
    await fail(throttle, 5, { email: 'ada@example.com' });
    assert.equal((await throttle.check({ email: 'ada@example.com' })).allowed, false);
    assert.equal(lines.filter((l) => l.msg.startsWith('login throttle store failed')).length, 1);
  });

  it('groups addresses as an attacker would get them', () => {
    assert.equal(ipKey('203.0.113.1'), '203.0.113.1');
    assert.equal(ipKey('::ffff:203.0.113.1'), '203.0.113.1');
    assert.equal(ipKey('2001:DB8:0:0:1::1'), '2001:db8:0:0::/64');
    assert.equal(ipKey('2001:db8::'), '2001:db8:0:0::/64');
    assert.equal(ipKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(ipKey('::1'), '0:0:0:0::/64');
  });

  it('turns a refusal into 429 with Retry-After and a message in minutes', async () => {
    const app = new Hono();
    app.onError(errorHandler({ logger: pino({ level: 'silent' }), reporter: { capture() {}, async flush() {} } }));
    app.post('/api/v1/auth/token', () => {
      throw SecurityErrors.Throttled({ retryAfterSeconds: 840 });
    });
    const res = await app.request('/api/v1/auth/token', { method: 'POST' });
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '840');
    const body = (await res.json()) as { code: string; detail: string };
    assert.equal(body.code, 'ORN_AUTH_THROTTLED');
    assert.equal(body.detail, 'Too many failed sign-in attempts. Try again in 14 minutes.');
  });
});
