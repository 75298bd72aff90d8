import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';
import { FormSession } from './form-session.js';

describe('vendor dashboard: profile page', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let here: FormSession;
  let elsewhere: FormSession;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [] } });
    shop = await createTestVendor(kernel, { code: 'me' });
    here = new FormSession(kernel);
    elsewhere = new FormSession(kernel);
    for (const s of [here, elsewhere]) {
      assert.equal((await s.signIn('/vendor/me/login', shop.ownerEmail, shop.ownerPassword)).status, 303);
    }
  });
  after(() => kernel.stop());

  it('shows a labelled password form for the signed-in member', async () => {
    const page = await here.get('/vendor/me/profile');
    assert.equal(page.status, 200);
    assert.ok(page.html.includes(shop.ownerEmail));
    assert.match(page.html, /<label[^>]*for="field-currentPassword"[^>]*>Current password/);
    assert.match(page.html, /<label[^>]*for="field-newPassword"[^>]*>New password/);
  });

  it('refuses a wrong current password or a short new one, and changes nothing', async () => {
    await here.get('/vendor/me/profile');
    const wrong = await here.post('/vendor/me/profile/password', {
      currentPassword: 'not-it',
      newPassword: 'a-long-new-password',
    });
    assert.equal(wrong.status, 422);
    assert.match(wrong.html, /id="field-currentPassword-error"[^>]*>The current password is wrong\./);
    const short = await here.post('/vendor/me/profile/password', {
      currentPassword: shop.ownerPassword,
      newPassword: 'short',
    });
    assert.equal(short.status, 422);
    assert.match(short.html, /id="field-newPassword-error"/);
    assert.equal((await elsewhere.get('/vendor/me/profile')).status, 200, 'the other sign-in goes on');
  });

  it('changes the password, keeps this sign-in only, and records it', async () => {
    await here.get('/vendor/me/profile');
    const changed = await here.post('/vendor/me/profile/password', {
      currentPassword: shop.ownerPassword,
      newPassword: 'a-long-new-password',
    });
    assert.equal(changed.status, 303);
    const page = await here.get(changed.location!);
    assert.equal(page.status, 200, 'this sign-in goes on');
    assert.match(page.html, /Your other sessions were signed out\./);
    const other = await elsewhere.get('/vendor/me/profile');
    assert.equal(other.status, 303, 'the other sign-in ended');
    assert.match(other.location ?? '', /\/vendor\/me\/login/);
    const fresh = new FormSession(kernel);
    assert.equal((await fresh.signIn('/vendor/me/login', shop.ownerEmail, shop.ownerPassword)).status, 401);
    assert.equal((await fresh.signIn('/vendor/me/login', shop.ownerEmail, 'a-long-new-password')).status, 303);
    const entry = await asSystem(kernel, (db) =>
      db('audit_log').where({ action: 'user.password_changed', vendor_id: shop.id }).first(),
    );
    assert.equal(entry?.target_id, String(shop.ownerUserId));
  });
});
