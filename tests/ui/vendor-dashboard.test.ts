import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../kernel/paths.js';
import { lastMailTo, linkIn } from '../../kernel/testing/mail.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';
import { FormSession, menuLabels } from './form-session.js';

const NOTES = path.join(ROOT, 'tests', 'fixtures', 'ui-plugins', 'notes');

describe('vendor dashboard pages', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let owner: FormSession;

  const memberships = async () =>
    Number((await kernel.db.knex.raw('select count(*) as n from vendor_memberships')).rows[0].n);

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [NOTES] } });
    await enablePlugins(kernel, ['notes']);
    shop = await createTestVendor(kernel, { code: 'tea' });
    owner = new FormSession(kernel);
    assert.equal((await owner.signIn('/vendor/tea/login', shop.ownerEmail, shop.ownerPassword)).status, 303);
  });
  after(() => kernel.stop());

  it("signs the owner in to the vendor's dashboard, with the widgets of enabled plugins", async () => {
    const page = await owner.get('/vendor/tea');
    assert.equal(page.status, 200);
    assert.match(page.html, /data-widget="notes"[\s\S]*from the notes plugin/);
    assert.deepEqual(menuLabels(page.html), [
      'Dashboard',
      'Team',
      'Shop settings',
      'Theme',
      'API keys',
      'Profile',
      'Notes',
    ]);
    assert.equal((await owner.get('/vendor/tea/notes')).status, 200);
  });

  it('refuses a wrong password with the sign-in form again, and sends visitors to it', async () => {
    const visitor = new FormSession(kernel);
    const first = await visitor.get('/vendor/tea/team');
    assert.equal(first.location, '/vendor/tea/login?next=%2Fvendor%2Ftea%2Fteam');
    await visitor.get(first.location!);
    const wrong = await visitor.post('/vendor/tea/login', { email: shop.ownerEmail, password: 'not-the-password' });
    assert.equal(wrong.status, 401);
    assert.match(wrong.html, /The email or the password is wrong\./);
  });

  it('re-renders the invitation form with field errors and invites nobody', async () => {
    const before = await memberships();
    await owner.get('/vendor/tea/team');
    const invalid = await owner.post('/vendor/tea/team/invite', { email: 'nope', roleId: '' });
    assert.equal(invalid.status, 422);
    assert.match(invalid.html, /id="field-email-error"/);
    assert.match(invalid.html, /id="field-roleId-error"/);
    const owners = await owner.post('/vendor/tea/team/invite', {
      email: 'x@example.com',
      roleId: String(shop.roles.owner),
    });
    assert.equal(owners.status, 422, 'the owner role is not offered');
    const member = await owner.post('/vendor/tea/team/invite', {
      email: shop.ownerEmail,
      roleId: String(shop.roles.staff),
    });
    assert.equal(member.status, 422);
    assert.match(member.html, /id="field-email-error"/);
    assert.equal(await memberships(), before);
  });

  it('invites a member, who accepts, signs in with a restricted role and cannot open the team page', async () => {
    await owner.get('/vendor/tea/team');
    const sent = await owner.post('/vendor/tea/team/invite', {
      email: 'viewer@example.com',
      roleId: String(shop.roles.viewer),
    });
    assert.equal(sent.status, 303);
    const team = await owner.get(sent.location!);
    assert.match(team.html, /viewer@example.com[\s\S]*?invited/);

    const link = new URL(linkIn(await lastMailTo(kernel, 'viewer@example.com'), '/accept-invitation'));
    const member = new FormSession(kernel);
    const form = await member.get(link.pathname + link.search);
    assert.equal(form.status, 200);
    const short = await member.post('/vendor/tea/accept-invitation', {
      token: link.searchParams.get('token')!,
      password: 'short',
    });
    assert.equal(short.status, 422);
    assert.match(short.html, /id="field-password-error"/);
    const accepted = await member.post('/vendor/tea/accept-invitation', {
      token: link.searchParams.get('token')!,
      displayName: 'Vi',
      password: 'viewer-password',
    });
    assert.equal(accepted.status, 303);
    assert.equal(accepted.location, '/vendor/tea');
    const dashboard = await member.get('/vendor/tea');
    assert.match(dashboard.html, /Welcome to the team of Shop tea/);
    assert.deepEqual(
      menuLabels(dashboard.html),
      ['Dashboard', 'Shop settings', 'Theme', 'Profile', 'Notes'],
      'no Team item for a viewer',
    );
    assert.equal((await member.get('/vendor/tea/team')).status, 403);

    const reused = await member.post('/vendor/tea/accept-invitation', {
      token: link.searchParams.get('token')!,
      password: 'viewer-password',
    });
    assert.equal(reused.status, 410);
    assert.match(reused.html, /no longer valid/);

    const again = new FormSession(kernel);
    assert.equal((await again.signIn('/vendor/tea/login', 'viewer@example.com', 'viewer-password')).status, 303);
  });
});
