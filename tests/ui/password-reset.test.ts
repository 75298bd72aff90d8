import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { lastMailTo, linkIn, mailsTo } from '../../kernel/testing/mail.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';
import { FormSession } from './form-session.js';

const ADMIN = { email: 'root@example.com', password: 'root-password' };
const REQUESTED = 'If this email belongs to an account, a link to choose a new password is on its way.';

describe('password reset pages', () => {
  let kernel: TestKernel;
  let shop: TestVendor;

  before(async () => {
    kernel = await startTestKernel();
    await kernel.db.knex('users').insert({
      email: ADMIN.email,
      role: 'super_admin',
      password_hash: await hashPassword(ADMIN.password, 4),
    });
    shop = await createTestVendor(kernel, { code: 'tea' });
  });
  after(() => kernel.stop());

  it('gives the same answer for a known and an unknown email, and mails only the known one', async () => {
    const visitor = new FormSession(kernel);
    const login = await visitor.get('/admin/login');
    assert.match(login.html, /href="\/admin\/forgot-password"/);
    await visitor.get('/admin/forgot-password');
    const invalid = await visitor.post('/admin/forgot-password', { email: 'nope' });
    assert.equal(invalid.status, 422);
    assert.match(invalid.html, /id="field-email-error"/);
    const known = await visitor.post('/admin/forgot-password', { email: ADMIN.email });
    const unknown = await visitor.post('/admin/forgot-password', { email: 'who@example.com' });
    assert.equal(known.status, 200);
    assert.equal(unknown.status, 200);
    assert.ok(known.html.includes(REQUESTED) && unknown.html.includes(REQUESTED));
    assert.equal((await mailsTo(kernel, 'who@example.com')).length, 0);
    assert.equal((await mailsTo(kernel, ADMIN.email)).length, 1);
  });

  it("sets an administrator's new password from the mailed link, once", async () => {
    const link = new URL(linkIn(await lastMailTo(kernel, ADMIN.email), '/reset-password'));
    assert.equal(link.pathname, '/admin/reset-password');
    const visitor = new FormSession(kernel);
    const form = await visitor.get(link.pathname + link.search);
    assert.equal(form.status, 200);
    const token = link.searchParams.get('token')!;
    const short = await visitor.post('/admin/reset-password', { token, password: 'short' });
    assert.equal(short.status, 422);
    assert.match(short.html, /id="field-password-error"/);
    const done = await visitor.post('/admin/reset-password', { token, password: 'a-new-admin-password' });
    assert.equal(done.status, 303);
    assert.equal(done.location, '/admin/login');
    assert.match((await visitor.get('/admin/login')).html, /Your password was changed/);
    const again = await visitor.post('/admin/reset-password', { token, password: 'another-password' });
    assert.equal(again.status, 410);
    const signedIn = await new FormSession(kernel).signIn('/admin/login', ADMIN.email, 'a-new-admin-password');
    assert.equal(signedIn.status, 303);
  });

  it("resets a team member's password from the vendor dashboard's pages", async () => {
    const visitor = new FormSession(kernel);
    await visitor.get('/vendor/tea/forgot-password');
    assert.equal((await visitor.post('/vendor/tea/forgot-password', { email: shop.ownerEmail })).status, 200);
    const link = new URL(linkIn(await lastMailTo(kernel, shop.ownerEmail), '/reset-password'));
    assert.equal(link.pathname, '/vendor/tea/reset-password');
    await visitor.get(link.pathname + link.search);
    const token = link.searchParams.get('token')!;
    assert.equal(
      (await visitor.post('/vendor/tea/reset-password', { token, password: 'owner-new-password' })).status,
      303,
    );
    assert.equal((await visitor.signIn('/vendor/tea/login', shop.ownerEmail, 'owner-new-password')).status, 303);
  });
});
