import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { ROOT } from '../../kernel/paths.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestCustomer, createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';

const PROBE = path.join(ROOT, 'tests', 'fixtures', 'tenancy-plugins', 'probe');
type Pair = { accessToken: string; refreshToken: string; expiresIn: number };
const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('sign-in, tokens and sessions', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let otherShop: TestVendor;

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    kernel.request(url, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
  const login = async (url: string, body: unknown, host = 'localhost') => {
    const res = await post(url, body, { host });
    return { status: res.status, body: (await res.json()) as Pair & { code?: string; detail?: string } };
  };

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [PROBE] } });
    await enablePlugins(kernel, ['probe']);
    shop = await createTestVendor(kernel, { code: 'alpha' });
    otherShop = await createTestVendor(kernel, { code: 'beta' });
    await kernel.db.knex('users').insert({
      email: 'root@example.com',
      role: 'super_admin',
      password_hash: await hashPassword('root-password', 4),
    });
  });
  after(() => kernel.stop());

  it('gives an administrator a token pair, and the same refusal for a wrong password or an unknown email', async () => {
    const ok = await login('/api/v1/admin/auth/login', { email: 'ROOT@example.com', password: 'root-password' });
    assert.equal(ok.status, 200);
    assert.ok(ok.body.accessToken && ok.body.refreshToken && ok.body.expiresIn > 0);
    const wrong = await login('/api/v1/admin/auth/login', { email: 'root@example.com', password: 'nope-nope' });
    const unknown = await login('/api/v1/admin/auth/login', { email: 'who@example.com', password: 'nope-nope' });
    assert.equal(wrong.status, 401);
    assert.deepEqual(
      [wrong.body.code, wrong.body.detail],
      [unknown.body.code, unknown.body.detail],
      'the answer must not tell whether the email exists',
    );
  });

  it('signs a vendor owner in to its vendor, and refuses a vendor it does not belong to', async () => {
    const ok = await login('/api/v1/vendor/auth/login', { email: shop.ownerEmail, password: shop.ownerPassword });
    assert.equal(ok.status, 200);
    const res = await kernel.request('/api/v1/vendor/probe/whoami', { headers: bearer(ok.body.accessToken) });
    assert.equal(((await res.json()) as { vendor: string }).vendor, 'alpha');
    const other = await login('/api/v1/vendor/auth/login', {
      email: shop.ownerEmail,
      password: shop.ownerPassword,
      vendorCode: 'beta',
    });
    assert.equal(other.status, 401);
  });

  it("signs a customer in to the request's shop only; the same email may be a customer of two shops", async () => {
    await createTestCustomer(kernel, shop.id, 'same@example.com', 'password-at-alpha');
    await createTestCustomer(kernel, otherShop.id, 'same@example.com', 'password-at-beta');
    const body = { email: 'same@example.com', password: 'password-at-alpha' };
    assert.equal((await login('/api/v1/shop/auth/login', body, 'alpha.localhost')).status, 200);
    assert.equal((await login('/api/v1/shop/auth/login', body, 'beta.localhost')).status, 401);
    const atBeta = { email: 'same@example.com', password: 'password-at-beta' };
    assert.equal((await login('/vendors/beta/shop/api/v1/shop/auth/login', atBeta)).status, 200);
  });

  it('rotates refresh tokens; a reused one within seconds is refused, later it ends the whole sign-in', async () => {
    const first = await login('/api/v1/admin/auth/login', { email: 'root@example.com', password: 'root-password' });
    const second = await post('/api/v1/admin/auth/refresh', { refreshToken: first.body.refreshToken });
    assert.equal(second.status, 200);
    const pair = (await second.json()) as Pair;
    assert.notEqual(pair.refreshToken, first.body.refreshToken);
    // At once: most likely two tabs racing; refused without ending the sign-in.
    assert.equal((await post('/api/v1/admin/auth/refresh', { refreshToken: first.body.refreshToken })).status, 401);
    assert.equal(
      (await kernel.request('/api/v1/admin/probe/whoami', { headers: bearer(pair.accessToken) })).status,
      200,
    );
    // A minute later: treated as stolen.
    await asSystem(kernel, (db) =>
      db('auth_sessions')
        .whereNotNull('rotated_at')
        .update({ rotated_at: new Date(Date.now() - 60_000) }),
    );
    const reused = await post('/api/v1/admin/auth/refresh', { refreshToken: first.body.refreshToken });
    assert.equal(reused.status, 401);
    assert.equal(((await reused.json()) as { code: string }).code, 'ORN_AUTH_REFRESH_REUSED');
    assert.equal(
      (await kernel.request('/api/v1/admin/probe/whoami', { headers: bearer(pair.accessToken) })).status,
      401,
    );
    assert.equal((await post('/api/v1/admin/auth/refresh', { refreshToken: pair.refreshToken })).status, 401);
  });

  it('ends a sign-in on logout, and every sign-in of a disabled account at once', async () => {
    const a = await login('/api/v1/vendor/auth/login', { email: shop.ownerEmail, password: shop.ownerPassword });
    assert.equal((await post('/api/v1/vendor/auth/logout', {}, bearer(a.body.accessToken))).status, 204);
    assert.equal(
      (await kernel.request('/api/v1/vendor/probe/whoami', { headers: bearer(a.body.accessToken) })).status,
      401,
    );
    assert.equal((await post('/api/v1/vendor/auth/refresh', { refreshToken: a.body.refreshToken })).status, 401);

    const b = await login('/api/v1/admin/auth/login', { email: 'root@example.com', password: 'root-password' });
    await kernel.db.knex('users').where({ email: 'root@example.com' }).update({ is_active: false });
    assert.equal(
      (await kernel.request('/api/v1/admin/probe/whoami', { headers: bearer(b.body.accessToken) })).status,
      401,
    );
    await kernel.db.knex('users').where({ email: 'root@example.com' }).update({ is_active: true });
  });

  it('refuses tampered, expired and foreign tokens', async () => {
    const { accessToken } = (
      await login('/api/v1/admin/auth/login', { email: 'root@example.com', password: 'root-password' })
    ).body;
    const [h, p, s] = accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'user:999' })).toString('base64url')}.${s}`;
    const expired = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setSubject(claims.sub)
      .setIssuer('orion')
      .setAudience('admin')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(kernel.auth.keys.current.key);
    const otherKey = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setSubject(claims.sub)
      .setIssuer('orion')
      .setAudience('admin')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-different-secret-that-is-long-enough!!'));
    for (const token of [forged, expired, otherKey, 'not-a-jwt']) {
      const res = await kernel.request('/api/v1/admin/probe/whoami', { headers: bearer(token) });
      assert.equal(res.status, 401);
    }
  });

  it("keeps each area's tokens in that area, and customer tokens in their own shop", async () => {
    const admin = (await login('/api/v1/admin/auth/login', { email: 'root@example.com', password: 'root-password' }))
      .body;
    assert.equal(
      (await kernel.request('/api/v1/vendor/probe/whoami', { headers: bearer(admin.accessToken) })).status,
      401,
    );
    assert.equal((await kernel.request('/api/v1/admin/probe/whoami', { headers: shop.headers })).status, 401);
    const me = '/api/v1/shop/probe/me';
    assert.equal((await kernel.request(me, { headers: { ...shop.headers, host: 'alpha.localhost' } })).status, 401);
    const customer = await createTestCustomer(kernel, shop.id);
    assert.equal((await kernel.request(me, { headers: { ...customer.headers, host: 'alpha.localhost' } })).status, 200);
    assert.equal((await kernel.request(me, { headers: { ...customer.headers, host: 'beta.localhost' } })).status, 401);
  });

  it('accepts its area cookie on pages, and renews an expired access cookie from the refresh cookie', async () => {
    const { body } = await login('/api/v1/vendor/auth/login', { email: shop.ownerEmail, password: shop.ownerPassword });
    const page = '/vendor/alpha/probe/whoami';
    const withCookie = await kernel.request(page, { headers: { cookie: `vendor_token=${body.accessToken}` } });
    assert.equal(withCookie.status, 200);
    // The admin cookie is not the vendor cookie.
    const adminCookie = { cookie: `admin_token=${body.accessToken}`, accept: 'application/json' };
    assert.equal((await kernel.request(page, { headers: adminCookie })).status, 401);
    const renewed = await kernel.request(page, {
      headers: { cookie: `vendor_token=expired; vendor_refresh=${body.refreshToken}` },
    });
    assert.equal(renewed.status, 200);
    const cookies = renewed.headers.getSetCookie();
    assert.ok(
      cookies.some((c) => /^vendor_token=.+; Max-Age=\d+; Path=\/vendor; HttpOnly; SameSite=Lax$/.test(c)),
      cookies.join(' | '),
    );
    assert.ok(cookies.some((c) => c.startsWith('vendor_refresh=') && !c.includes(body.refreshToken)));
  });

  it('throttles repeated failures on one account, without locking out the others', async () => {
    await kernel.db.knex('users').insert({
      email: 'target@example.com',
      role: 'super_admin',
      password_hash: await hashPassword('target-password', 4),
    });
    for (let i = 0; i < 5; i++) {
      const res = await login('/api/v1/admin/auth/login', { email: 'target@example.com', password: `guess-${i}-x` });
      assert.equal(res.status, 401);
    }
    const res = await post('/api/v1/admin/auth/login', { email: 'Target@example.com', password: 'target-password' });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.equal(((await res.json()) as { code: string }).code, 'ORN_AUTH_THROTTLED');
    const other = await login('/api/v1/admin/auth/login', { email: 'root@example.com', password: 'root-password' });
    assert.equal(other.status, 200);
  });

  it('keeps tokens signed with a retired key valid while it is still listed', async () => {
    const { SigningKeys } = await import('../../kernel/auth/keys.js');
    const { issueAccessToken, verifyAccessToken } = await import('../../kernel/auth/tokens.js');
    const old = SigningKeys.fromConfig([{ kid: 'old', secret: 'o'.repeat(40) }], 'x');
    const rotated = SigningKeys.fromConfig(
      [
        { kid: 'new', secret: 'n'.repeat(40) },
        { kid: 'old', secret: 'o'.repeat(40) },
      ],
      'x',
    );
    const token = await issueAccessToken(old, { sub: 'user:1', area: 'admin', sid: 's' }, 60);
    assert.equal((await verifyAccessToken(rotated, token, 'admin'))?.sub, 'user:1');
    const dropped = SigningKeys.fromConfig([{ kid: 'new', secret: 'n'.repeat(40) }], 'x');
    assert.equal(await verifyAccessToken(dropped, token, 'admin'), undefined);
  });
});
