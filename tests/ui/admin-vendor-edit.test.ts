import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestPlatform, createTestVendor } from '../../kernel/testing/tenants.js';
import { FormSession } from './form-session.js';

describe('admin vendor edit, domains and platform memberships', () => {
  let kernel: TestKernel;
  let admin: FormSession;
  const txt = new Map<string, string>();

  const vendor = () => kernel.db.knex('vendors').where({ code: 'tea' }).first();
  const domains = () => asSystem(kernel, (db) => db('vendor_domains').orderBy('id'));
  const memberships = async () =>
    (
      await asSystem(kernel, (db) =>
        db('vendor_platforms as vp')
          .join('platforms as p', 'p.id', 'vp.platform_id')
          .join('vendors as v', 'v.id', 'vp.vendor_id')
          .where('v.code', 'tea')
          .orderBy('p.code')
          .select('p.code'),
      )
    ).map((r) => r.code);
  const actions = async (prefix: string) =>
    (await asSystem(kernel, (db) => db('audit_log').where('action', 'like', `${prefix}%`).orderBy('id'))).map(
      (r) => r.action,
    );

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [] } });
    kernel.container.register('kernel.domainVerifier', {
      useValue: { hasTxtRecord: async (name: string, value: string) => txt.get(name) === value },
    });
    await kernel.db.knex('users').insert({
      email: 'root@example.com',
      role: 'super_admin',
      password_hash: await hashPassword('root-password', 4),
    });
    await createTestPlatform(kernel, 'nordic');
    await createTestVendor(kernel, { code: 'tea' });
    await createTestVendor(kernel, { code: 'other' });
    admin = new FormSession(kernel);
    await admin.signIn('/admin/login', 'root@example.com', 'root-password');
  });
  after(() => kernel.stop());

  it('edits the name and languages; invalid input re-renders with a 422 and changes nothing', async () => {
    const form = await admin.get('/admin/vendors/tea/edit');
    assert.equal(form.status, 200);
    assert.match(form.html, /name="name"[^>]*value="Shop tea"/);

    const invalid = await admin.post('/admin/vendors/tea/edit', { name: '  ', defaultLanguage: 'de', languages: 'fr' });
    assert.equal(invalid.status, 422);
    assert.match(invalid.html, /Enter a name of 1 to 120 characters/);
    assert.match(invalid.html, /The default language must be one of the languages offered/);
    assert.equal((await vendor()).name, 'Shop tea', 'nothing changed');

    const saved = await admin.post('/admin/vendors/tea/edit', {
      name: 'Tea House',
      languages: ['en', 'fr'],
      defaultLanguage: 'fr',
    });
    assert.equal(saved.status, 303);
    const row = await vendor();
    assert.equal(row.name, 'Tea House');
    assert.deepEqual(row.languages, ['en', 'fr']);
    assert.equal(row.default_language, 'fr');
    assert.deepEqual((await actions('tenancy.vendor.changed')).length, 1);

    // With htmx: errors come back in the form, success as HX-Redirect.
    const htmx = { headers: { 'hx-request': 'true' } };
    const partial = await admin.post(
      '/admin/vendors/tea/edit',
      { name: '', languages: 'en', defaultLanguage: 'en' },
      htmx,
    );
    assert.equal(partial.status, 422);
    assert.match(partial.html, /id="vendor-edit-form"/);
    const done = await admin.post(
      '/admin/vendors/tea/edit',
      { name: 'Tea House', languages: ['en', 'fr'], defaultLanguage: 'fr' },
      htmx,
    );
    assert.equal(done.headers.get('hx-redirect'), '/admin/vendors/tea');
    assert.equal((await actions('tenancy.vendor.changed')).length, 1, 'saving the same values writes nothing');
  });

  it('adds the vendor to a platform and removes it after asking; refuses the last one', async () => {
    await admin.get('/admin/vendors/tea/edit');
    const unknown = await admin.post('/admin/vendors/tea/platforms', { platform: 'nowhere' });
    assert.equal(unknown.status, 422);
    assert.match(unknown.html, /Choose a platform you manage/);
    assert.deepEqual(await memberships(), ['main']);

    assert.equal((await admin.post('/admin/vendors/tea/platforms', { platform: 'nordic' })).status, 303);
    assert.deepEqual(await memberships(), ['main', 'nordic']);
    const again = await admin.post('/admin/vendors/tea/platforms', { platform: 'nordic' });
    assert.equal(again.status, 422, 'the form does not offer it any more: a stale post is refused');

    const ask = await admin.get('/admin/vendors/tea/platforms/nordic/remove');
    assert.match(ask.html, /role="alertdialog"/);
    assert.deepEqual(await memberships(), ['main', 'nordic'], 'asking changes nothing');
    assert.equal((await admin.post('/admin/vendors/tea/platforms/nordic/remove', {})).status, 303);
    assert.deepEqual(await memberships(), ['main']);

    await admin.get('/admin/vendors/tea/edit');
    const last = await admin.post('/admin/vendors/tea/platforms/main/remove', {});
    assert.equal(last.status, 409);
    assert.match(last.html, /on no other platform/);
    assert.deepEqual(await memberships(), ['main']);
    assert.deepEqual(await actions('tenancy.vendor.platform_'), [
      'tenancy.vendor.platform_added',
      'tenancy.vendor.platform_removed',
    ]);
  });

  it('adds a domain with its token, verifies it, makes it primary and removes it', async () => {
    await admin.get('/admin/vendors/tea/domains');
    const invalid = await admin.post('/admin/vendors/tea/domains', { domain: 'not a domain', platform: 'main' });
    assert.equal(invalid.status, 422);
    assert.match(invalid.html, /Enter a domain name such as shop.example.com/);
    const offPlatform = await admin.post('/admin/vendors/tea/domains', { domain: 'tea.example', platform: 'nordic' });
    assert.equal(offPlatform.status, 422, 'the vendor is not on nordic');
    assert.equal((await domains()).length, 0, 'nothing added');

    assert.equal(
      (await admin.post('/admin/vendors/tea/domains', { domain: 'www.Tea.example', platform: 'main' })).status,
      303,
    );
    assert.equal(
      (await admin.post('/admin/vendors/tea/domains', { domain: 'tea2.example', platform: 'main' })).status,
      303,
    );
    const [first, second] = await domains();
    assert.equal(first.domain, 'tea.example');
    const page = await admin.get('/admin/vendors/tea/domains');
    assert.ok(page.html.includes(first.verification_token), 'the token to publish is shown');
    assert.match(page.html, /_orion-verification\.tea\.example/);

    await createTestVendor(kernel, { code: 'rival' });
    await admin.get('/admin/vendors/rival/domains');
    const taken = await admin.post('/admin/vendors/rival/domains', { domain: 'tea.example', platform: 'main' });
    assert.equal(taken.status, 422);
    assert.match(taken.html, /already in use/);

    await admin.get('/admin/vendors/tea/domains');
    const unverified = await admin.post(`/admin/vendors/tea/domains/${first.id}/verify`, {});
    assert.equal(unverified.status, 422);
    assert.match(unverified.html, /No TXT record/);
    assert.equal((await domains())[0].verified_at, null);
    txt.set('_orion-verification.tea.example', first.verification_token);
    assert.equal((await admin.post(`/admin/vendors/tea/domains/${first.id}/verify`, {})).status, 303);
    assert.notEqual((await domains())[0].verified_at, null);

    await admin.get('/admin/vendors/tea/domains');
    await admin.post(`/admin/vendors/tea/domains/${first.id}/primary`, {});
    await admin.post(`/admin/vendors/tea/domains/${second.id}/primary`, {});
    const primaries = (await domains()).filter((d) => d.vendor_id === first.vendor_id).map((d) => d.is_primary);
    assert.deepEqual(primaries, [false, true], 'one primary domain at a time');

    assert.equal((await admin.get(`/admin/vendors/other/domains/${first.id}/remove`)).status, 404, "another vendor's");
    assert.match((await admin.get(`/admin/vendors/tea/domains/${second.id}/remove`)).html, /role="alertdialog"/);
    assert.equal((await admin.post(`/admin/vendors/tea/domains/${second.id}/remove`, {})).status, 303);
    assert.deepEqual(
      (await domains()).map((d) => d.domain),
      ['tea.example'],
    );
    assert.deepEqual(await actions('tenancy.domain.'), [
      'tenancy.domain.added',
      'tenancy.domain.added',
      'tenancy.domain.verified',
      'tenancy.domain.made_primary',
      'tenancy.domain.made_primary',
      'tenancy.domain.removed',
    ]);
  });

  it('refuses to take the vendor off a platform where it still has a domain', async () => {
    await admin.get('/admin/vendors/tea/edit');
    await admin.post('/admin/vendors/tea/platforms', { platform: 'nordic' });
    await admin.get('/admin/vendors/tea/domains');
    assert.equal(
      (await admin.post('/admin/vendors/tea/domains', { domain: 'tea.nordic-shop.example', platform: 'nordic' }))
        .status,
      303,
    );
    await admin.get('/admin/vendors/tea/edit');
    const refused = await admin.post('/admin/vendors/tea/platforms/nordic/remove', {});
    assert.equal(refused.status, 409);
    assert.deepEqual(await memberships(), ['main', 'nordic']);
  });

  it("keeps a platform administrator out of another platform's vendor, and to its own platforms", async () => {
    const [pa] = await kernel.db
      .knex('users')
      .insert({ email: 'pa@example.com', role: 'platform_admin', password_hash: await hashPassword('pa-password', 4) })
      .returning('id');
    await kernel.db
      .knex('admin_platforms')
      .insert({ user_id: pa.id, platform_id: kernel.platforms.findByCode('nordic')!.id });
    // In path mode on its own platform: the console of main is not this administrator's.
    const N = '/platforms/nordic';
    const nordic = new FormSession(kernel);
    await nordic.signIn(`${N}/admin/login`, 'pa@example.com', 'pa-password');
    await nordic.get(`${N}/admin/vendors`);
    assert.equal((await nordic.get(`${N}/admin/vendors/other/edit`)).status, 404, 'other is on main only');
    assert.equal((await nordic.get(`${N}/admin/vendors/other/domains`)).status, 404);
    const before = (await kernel.db.knex('vendors').where({ code: 'other' }).first()).name;
    const post = await nordic.post(`${N}/admin/vendors/other/edit`, {
      name: 'Hijacked',
      languages: 'en',
      defaultLanguage: 'en',
    });
    assert.equal(post.status, 404);
    assert.equal((await kernel.db.knex('vendors').where({ code: 'other' }).first()).name, before);
    assert.equal(
      (await nordic.post(`${N}/admin/vendors/other/domains`, { domain: 'x.example', platform: 'main' })).status,
      404,
    );

    // tea is on main and nordic: this administrator sees it, but may not take it off main, nor add a main domain.
    assert.equal((await nordic.get(`${N}/admin/vendors/tea/edit`)).status, 200);
    assert.equal((await nordic.post(`${N}/admin/vendors/tea/platforms/main/remove`, {})).status, 404);
    await nordic.get(`${N}/admin/vendors/tea/domains`);
    const foreign = await nordic.post(`${N}/admin/vendors/tea/domains`, {
      domain: 'tea-main.example',
      platform: 'main',
    });
    assert.equal(foreign.status, 422);
    assert.deepEqual(await memberships(), ['main', 'nordic']);
  });
});
