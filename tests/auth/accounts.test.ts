import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApiKey } from '../../kernel/auth/api-keys.js';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { ROOT } from '../../kernel/paths.js';
import { createVendor } from '../../kernel/tenancy/vendor-service.js';
import { lastMailTo, linkIn, mailsTo } from '../../kernel/testing/mail.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import {
  createTestCustomer,
  createTestTeamMember,
  createTestVendor,
  type TestVendor,
} from '../../kernel/testing/tenants.js';

const PROBE = path.join(ROOT, 'tests', 'fixtures', 'tenancy-plugins', 'probe');
type Pair = { accessToken: string; refreshToken: string; expiresIn: number };
type Problem = { code: string; detail: string; errors?: Record<string, string> };
const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const tokenIn = (link: string) => new URL(link).searchParams.get('token') as string;

describe('account flows: invitations, password reset and change, registration', () => {
  let kernel: TestKernel;
  let alpha: TestVendor;
  let beta: TestVendor;

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    kernel.request(url, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
  const get = (url: string, headers: Record<string, string>) => kernel.request(url, { headers });
  const problem = async (res: Response) => (await res.json()) as Problem;
  const signIn = async (area: string, body: unknown, host = 'localhost') => {
    const res = await post(`/api/v1/${area}/auth/login`, body, { host });
    return { status: res.status, pair: res.status === 200 ? ((await res.json()) as Pair) : undefined };
  };
  const newOwner = async (code: string, email: string) => {
    const created = await asSystem(kernel, (db) =>
      createVendor(db, {
        code,
        name: `Shop ${code}`,
        company: { name: `Company ${code}` },
        platformIds: [kernel.platforms.findByCode('main')?.id as number],
        owner: { email },
      }),
    );
    await kernel.vendors.refresh();
    return created;
  };

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [PROBE] } });
    await enablePlugins(kernel, ['probe']);
    alpha = await createTestVendor(kernel, { code: 'alpha' });
    beta = await createTestVendor(kernel, { code: 'beta' });
  });
  after(() => kernel.stop());

  describe('invitations', () => {
    const accept = '/api/v1/vendor/auth/invitations/accept';

    it('lets an invited owner set a password once through the mailed link, and signs it in to the vendor', async () => {
      const created = await newOwner('gamma', 'Owner@Gamma.test');
      assert.equal(created.ownerActive, false);
      await kernel.auth.sendInvitation({ userId: created.ownerUserId, vendorId: created.vendorId });
      const mail = await lastMailTo(kernel, 'owner@gamma.test');
      assert.equal(mail.tag, 'auth.invitation');
      const link = linkIn(mail, '/accept-invitation');
      assert.equal(new URL(link).pathname, '/vendor/gamma/accept-invitation');
      const token = tokenIn(link);

      const missing = await post(accept, { token });
      assert.equal(missing.status, 422);
      assert.ok((await problem(missing)).errors?.password);
      const short = await post(accept, { token, password: 'short' });
      assert.equal(short.status, 422);
      assert.match((await problem(short)).errors?.password ?? '', /at least 8/);

      const ok = await post(accept, { token, password: 'gamma-owner-pw', displayName: 'Gia' });
      assert.equal(ok.status, 200);
      const pair = (await ok.json()) as Pair;
      const who = await get('/api/v1/vendor/probe/whoami', bearer(pair.accessToken));
      assert.equal(((await who.json()) as { vendor: string }).vendor, 'gamma');
      const membership = await asSystem(kernel, (db) =>
        db('vendor_memberships').where({ vendor_id: created.vendorId }).first(),
      );
      assert.equal(membership.status, 'active');
      const user = await kernel.db.knex('users').where({ id: created.ownerUserId }).first();
      assert.equal(user.display_name, 'Gia');
      assert.ok(user.password_changed_at);
      assert.equal((await signIn('vendor', { email: 'owner@gamma.test', password: 'gamma-owner-pw' })).status, 200);

      const again = await post(accept, { token, password: 'another-password' });
      assert.equal(again.status, 400);
      assert.equal((await problem(again)).code, 'ORN_AUTH_TOKEN_INVALID');
    });

    it('refuses an expired, an unknown and a superseded link with the same answer', async () => {
      const created = await newOwner('delta', 'owner@delta.test');
      await kernel.auth.sendInvitation({ userId: created.ownerUserId, vendorId: created.vendorId });
      const first = tokenIn(linkIn(await lastMailTo(kernel, 'owner@delta.test'), '/accept-invitation'));
      await kernel.auth.sendInvitation({ userId: created.ownerUserId, vendorId: created.vendorId });
      const second = tokenIn(linkIn(await lastMailTo(kernel, 'owner@delta.test'), '/accept-invitation'));
      assert.notEqual(first, second);
      await asSystem(kernel, (db) =>
        db('auth_tokens')
          .where({ user_id: created.ownerUserId, purpose: 'invitation' })
          .whereNull('used_at')
          .update({ expires_at: new Date(Date.now() - 60_000) }),
      );

      const answers = [];
      for (const token of [first, second, 'x'.repeat(43), 'not-a-token']) {
        const res = await post(accept, { token, password: 'delta-owner-pw' });
        answers.push([res.status, (await problem(res)).detail]);
      }
      assert.equal(new Set(answers.map((a) => JSON.stringify(a))).size, 1, JSON.stringify(answers));
      assert.equal(answers[0]?.[0], 400);
      const membership = await asSystem(kernel, (db) =>
        db('vendor_memberships').where({ vendor_id: created.vendorId }).first(),
      );
      assert.equal(membership.status, 'invited');
    });

    it('activates the membership of a user who has a password, keeping that password', async () => {
      const created = await newOwner('epsilon', alpha.ownerEmail);
      assert.equal(created.ownerActive, true);
      // An owner with a password is active at once; a team member invited by the owner is not.
      await asSystem(kernel, (db) =>
        db('vendor_memberships')
          .where({ vendor_id: created.vendorId, user_id: created.ownerUserId })
          .update({ status: 'invited' }),
      );
      await kernel.auth.sendInvitation({
        userId: created.ownerUserId,
        vendorId: created.vendorId,
        invitedBy: beta.ownerUserId,
      });
      const mail = await lastMailTo(kernel, alpha.ownerEmail);
      assert.match(mail.text, new RegExp(`${beta.ownerEmail} invited you`));
      const token = tokenIn(linkIn(mail, '/vendor/epsilon/accept-invitation'));
      const ok = await post(accept, { token });
      assert.equal(ok.status, 200);
      const login = { email: alpha.ownerEmail, password: alpha.ownerPassword, vendorCode: 'epsilon' };
      assert.equal((await signIn('vendor', login)).status, 200);
    });

    it('lets only one of two simultaneous acceptances use the token', async () => {
      const created = await newOwner('zeta', 'owner@zeta.test');
      await kernel.auth.sendInvitation({ userId: created.ownerUserId, vendorId: created.vendorId });
      const token = tokenIn(linkIn(await lastMailTo(kernel, 'owner@zeta.test'), '/accept-invitation'));
      const both = await Promise.all([1, 2].map((n) => post(accept, { token, password: `zeta-password-${n}` })));
      assert.deepEqual(both.map((r) => r.status).sort(), [200, 400]);
    });

    it('refuses to invite a user whose membership is already active', async () => {
      await assert.rejects(
        kernel.auth.sendInvitation({ userId: alpha.ownerUserId, vendorId: alpha.id }),
        (err: Error & { code?: string }) => err.code === 'ORN_AUTH_INVITATION_NOT_PENDING',
      );
    });
  });

  describe('password reset', () => {
    const accepted = async (res: Response) => {
      assert.equal(res.status, 202);
      return res.json();
    };

    it("resets a customer's password at its shop only, and ends its sign-ins", async () => {
      const customer = await createTestCustomer(kernel, alpha.id, 'Carla@example.com', 'carla-old-pw');
      const host = { host: 'alpha.localhost' };
      const body = await accepted(await post('/api/v1/shop/auth/password-reset', { email: 'carla@EXAMPLE.com' }, host));
      const unknown = await accepted(
        await post('/api/v1/shop/auth/password-reset', { email: 'nobody@example.com' }, host),
      );
      assert.deepEqual(body, unknown);
      assert.equal((await mailsTo(kernel, 'nobody@example.com')).length, 0);
      // The same email is no customer of beta: nothing is sent from there.
      await accepted(
        await post('/api/v1/shop/auth/password-reset', { email: 'carla@example.com' }, { host: 'beta.localhost' }),
      );
      assert.equal((await mailsTo(kernel, 'carla@example.com')).length, 1);

      const link = linkIn(await lastMailTo(kernel, 'carla@example.com'), '/reset-password');
      assert.equal(new URL(link).host, 'alpha.localhost');
      assert.equal(new URL(link).pathname, '/reset-password');
      const token = tokenIn(link);
      const confirm = '/api/v1/shop/auth/password-reset/confirm';
      const tooLong = await post(confirm, { token, password: 'é'.repeat(40) }, host);
      assert.equal(tooLong.status, 422);
      assert.match((await problem(tooLong)).errors?.password ?? '', /72 bytes/);
      assert.equal((await post(confirm, { token, password: 'carla-new-pw' }, { host: 'beta.localhost' })).status, 400);
      assert.equal((await post(confirm, { token, password: 'carla-new-pw' }, host)).status, 204);
      assert.equal((await post(confirm, { token, password: 'carla-newer-pw' }, host)).status, 400);

      assert.equal((await get('/api/v1/shop/probe/me', { ...customer.headers, ...host })).status, 401);
      assert.equal(
        (await signIn('shop', { email: 'carla@example.com', password: 'carla-old-pw' }, host.host)).status,
        401,
      );
      assert.equal(
        (await signIn('shop', { email: 'carla@example.com', password: 'carla-new-pw' }, host.host)).status,
        200,
      );
    });

    it('links to the shop under its path in path mode', async () => {
      await createTestCustomer(kernel, beta.id, 'pat@example.com');
      await accepted(await post('/vendors/beta/shop/api/v1/shop/auth/password-reset', { email: 'pat@example.com' }));
      const link = linkIn(await lastMailTo(kernel, 'pat@example.com'), '/reset-password');
      assert.equal(new URL(link).pathname, '/vendors/beta/shop/reset-password');
    });

    it("resets a vendor user's password with a link to its dashboard, and ends its sign-ins", async () => {
      const member = await createTestTeamMember(kernel, beta, 'staff');
      await accepted(await post('/api/v1/vendor/auth/password-reset', { email: member.email }));
      const link = linkIn(await lastMailTo(kernel, member.email), '/reset-password');
      assert.equal(new URL(link).pathname, '/vendor/beta/reset-password');
      const confirm = '/api/v1/vendor/auth/password-reset/confirm';
      // A vendor user's token does not reset anything through the admin area.
      assert.equal(
        (await post('/api/v1/admin/auth/password-reset/confirm', { token: tokenIn(link), password: 'x'.repeat(8) }))
          .status,
        400,
      );
      assert.equal((await post(confirm, { token: tokenIn(link), password: 'member-new-pw' })).status, 204);
      assert.equal((await get('/api/v1/vendor/probe/whoami', member.headers)).status, 401);
      assert.equal((await signIn('vendor', { email: member.email, password: 'member-password' })).status, 401);
      assert.equal((await signIn('vendor', { email: member.email, password: 'member-new-pw' })).status, 200);
    });

    it("resets an administrator's password; the old password and sessions stop working; links expire", async () => {
      const email = 'root@example.com';
      await kernel.db
        .knex('users')
        .insert({ email, role: 'super_admin', password_hash: await hashPassword('root-old-pw', 4) });
      const before = (await signIn('admin', { email, password: 'root-old-pw' })).pair as Pair;
      await accepted(await post('/api/v1/admin/auth/password-reset', { email }));
      const first = tokenIn(linkIn(await lastMailTo(kernel, email), '/admin/reset-password'));
      await accepted(await post('/api/v1/admin/auth/password-reset', { email }));
      const second = tokenIn(linkIn(await lastMailTo(kernel, email), '/admin/reset-password'));
      const confirm = '/api/v1/admin/auth/password-reset/confirm';
      assert.equal((await post(confirm, { token: first, password: 'root-new-pw' })).status, 400, 'superseded');

      await asSystem(kernel, (db) =>
        db('auth_tokens')
          .update({ expires_at: new Date(Date.now() - 1000) })
          .whereNull('used_at'),
      );
      assert.equal((await post(confirm, { token: second, password: 'root-new-pw' })).status, 400, 'expired');
      await asSystem(kernel, (db) =>
        db('auth_tokens')
          .update({ expires_at: new Date(Date.now() + 60_000) })
          .whereNull('used_at'),
      );
      assert.equal((await post(confirm, { token: second, password: 'root-new-pw' })).status, 204);

      assert.equal((await get('/api/v1/admin/probe/whoami', bearer(before.accessToken))).status, 401);
      assert.equal((await post('/api/v1/admin/auth/refresh', { refreshToken: before.refreshToken })).status, 401);
      assert.equal((await signIn('admin', { email, password: 'root-old-pw' })).status, 401);
      assert.equal((await signIn('admin', { email, password: 'root-new-pw' })).status, 200);
    });
  });

  describe('password change', () => {
    it('needs the current password, and ends the other sign-ins but not the current one', async () => {
      const customer = await createTestCustomer(kernel, alpha.id, 'dora@example.com', 'dora-old-pw');
      const host = 'alpha.localhost';
      const mine = (await signIn('shop', { email: 'dora@example.com', password: 'dora-old-pw' }, host)).pair as Pair;
      const other = (await signIn('shop', { email: 'dora@example.com', password: 'dora-old-pw' }, host)).pair as Pair;
      const change = (body: unknown, token = mine.accessToken) =>
        post('/api/v1/shop/auth/password', body, { ...bearer(token), host });

      assert.equal(
        (await kernel.request('/api/v1/shop/auth/password', { method: 'POST', headers: { ...json, host }, body: '{}' }))
          .status,
        401,
      );
      const wrong = await change({ currentPassword: 'not-my-password', newPassword: 'dora-new-pw' });
      assert.equal(wrong.status, 422);
      const refused = await problem(wrong);
      assert.equal(refused.code, 'ORN_AUTH_CURRENT_PASSWORD_WRONG');
      assert.ok(refused.errors?.currentPassword);
      const weak = await change({ currentPassword: 'dora-old-pw', newPassword: 'short' });
      assert.equal(weak.status, 422);
      assert.ok((await problem(weak)).errors?.newPassword);

      assert.equal((await change({ currentPassword: 'dora-old-pw', newPassword: 'dora-new-pw' })).status, 204);
      assert.equal((await get('/api/v1/shop/probe/me', { ...bearer(mine.accessToken), host })).status, 200);
      assert.equal(
        (await post('/api/v1/shop/auth/refresh', { refreshToken: mine.refreshToken }, { host })).status,
        200,
      );
      assert.equal((await get('/api/v1/shop/probe/me', { ...bearer(other.accessToken), host })).status, 401);
      assert.equal(
        (await post('/api/v1/shop/auth/refresh', { refreshToken: other.refreshToken }, { host })).status,
        401,
      );
      assert.equal((await get('/api/v1/shop/probe/me', { ...customer.headers, host })).status, 401);
      assert.equal((await signIn('shop', { email: 'dora@example.com', password: 'dora-new-pw' }, host)).status, 200);
    });

    it('works for vendor users and administrators, and not for API keys or another area', async () => {
      const member = await createTestTeamMember(kernel, alpha, 'manager');
      const change = { currentPassword: 'member-password', newPassword: 'manager-new-pw' };
      assert.equal((await post('/api/v1/admin/auth/password', change, member.headers)).status, 401);
      assert.equal((await post('/api/v1/vendor/auth/password', change, member.headers)).status, 204);
      assert.equal((await get('/api/v1/vendor/probe/whoami', member.headers)).status, 200);

      const { key } = await asSystem(kernel, (db) =>
        createApiKey(db, { vendorId: alpha.id, name: 'ci', permissions: ['*'] }),
      );
      assert.equal((await post('/api/v1/vendor/auth/password', change, bearer(key))).status, 403);

      const email = 'admin-change@example.com';
      await kernel.db
        .knex('users')
        .insert({ email, role: 'platform_admin', password_hash: await hashPassword('admin-old-pw', 4) });
      const admin = (await signIn('admin', { email, password: 'admin-old-pw' })).pair as Pair;
      const res = await post(
        '/api/v1/admin/auth/password',
        { currentPassword: 'admin-old-pw', newPassword: 'admin-new-pw' },
        bearer(admin.accessToken),
      );
      assert.equal(res.status, 204);
      assert.equal((await signIn('admin', { email, password: 'admin-new-pw' })).status, 200);
    });
  });

  describe('customer registration', () => {
    const register = '/api/v1/shop/auth/register';

    it('registers a customer at the shop and signs it in; the email is unique per shop, any case', async () => {
      const body = { email: 'Eve@Example.com', password: 'eve-password', firstName: 'Eve', marketingConsent: true };
      const res = await post(register, body, { host: 'alpha.localhost' });
      assert.equal(res.status, 201);
      const pair = (await res.json()) as Pair;
      const me = await get('/api/v1/shop/probe/me', { ...bearer(pair.accessToken), host: 'alpha.localhost' });
      assert.equal(me.status, 200);
      const row = await asSystem(kernel, (db) =>
        db('customers').where({ vendor_id: alpha.id, email: 'Eve@Example.com' }).first(),
      );
      assert.deepEqual([row.first_name, row.marketing_consent], ['Eve', true]);

      const twice = await post(register, { ...body, email: 'eve@example.COM' }, { host: 'alpha.localhost' });
      assert.equal(twice.status, 409);
      const taken = await problem(twice);
      assert.equal(taken.code, 'ORN_AUTH_EMAIL_TAKEN');
      assert.match(taken.detail, /already exists at this shop/);
      assert.equal((await post(register, body, { host: 'beta.localhost' })).status, 201);
      assert.equal((await post(`/vendors/beta/shop${register}`, { ...body, email: 'eve2@example.com' })).status, 201);
    });

    it('refuses a weak password, and answers 404 where no shop is served', async () => {
      const weak = await post(register, { email: 'weak@example.com', password: 'short' }, { host: 'alpha.localhost' });
      assert.equal(weak.status, 422);
      assert.ok((await problem(weak)).errors?.password);
      assert.equal((await post(register, { email: 'x@example.com', password: 'long-enough' })).status, 404);
    });
  });
});
