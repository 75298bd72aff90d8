import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestTeamMember, createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';
import { FormSession } from './form-session.js';

describe('vendor dashboard: shop settings page', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let owner: FormSession;

  const row = () => asSystem(kernel, (db) => db('vendors').where({ id: shop.id }).first());
  const domains = () => asSystem(kernel, (db) => db('vendor_domains').where({ vendor_id: shop.id }));
  const valid = {
    name: 'Maison Thé',
    contactEmail: 'hello@the.example',
    contactPhone: '+352 123',
    languages: ['en', 'fr'],
    defaultLanguage: 'fr',
  };

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [] } });
    shop = await createTestVendor(kernel, { code: 'tea' });
    owner = new FormSession(kernel);
    assert.equal((await owner.signIn('/vendor/tea/login', shop.ownerEmail, shop.ownerPassword)).status, 303);
  });
  after(() => kernel.stop());

  it('shows the current settings in a labelled form', async () => {
    const page = await owner.get('/vendor/tea/settings');
    assert.equal(page.status, 200);
    assert.match(page.html, /<label[^>]*for="field-name"[^>]*>Shop name/);
    assert.match(page.html, /name="name"[^>]*value="Shop tea"/);
    assert.match(page.html, /name="languages" value="en" checked/);
    assert.match(page.html, /No custom domain yet\./);
  });

  it('re-renders with field errors and changes nothing', async () => {
    await owner.get('/vendor/tea/settings');
    const bad = await owner.post('/vendor/tea/settings/general', {
      name: '',
      contactEmail: 'nope',
      defaultLanguage: 'en',
    });
    assert.equal(bad.status, 422);
    for (const field of ['name', 'contactEmail', 'languages'])
      assert.match(bad.html, new RegExp(`id="field-${field}-error"`));
    const orphan = await owner.post('/vendor/tea/settings/general', {
      ...valid,
      languages: ['en'],
      defaultLanguage: 'de',
    });
    assert.equal(orphan.status, 422);
    assert.match(
      orphan.html,
      /id="field-defaultLanguage-error"[^>]*>The default language must be one of the languages offered\./,
    );
    const swapped = await owner.post(
      '/vendor/tea/settings/general',
      { name: '' },
      { headers: { 'hx-request': 'true' } },
    );
    assert.equal(swapped.status, 422);
    assert.ok(!swapped.html.includes('<html'), 'htmx gets the page content alone, to swap the form');
    assert.match(swapped.html, /id="settings-form"[\s\S]*id="field-name-error"/);
    assert.equal((await row()).name, 'Shop tea');
  });

  it('saves name, contact and languages, audited, and the dashboard follows at once', async () => {
    await owner.get('/vendor/tea/settings');
    const saved = await owner.post('/vendor/tea/settings/general', valid);
    assert.equal(saved.status, 303);
    const page = await owner.get(saved.location!);
    assert.match(page.html, /Your changes were saved\./);
    assert.ok(page.html.includes('<html lang="fr"'), 'no language chosen: the new default language, at once');
    assert.ok(page.html.includes('>Maison Thé</a>'), 'the new name in the top bar');
    const vendor = await row();
    assert.deepEqual([vendor.name, vendor.languages, vendor.default_language], ['Maison Thé', ['en', 'fr'], 'fr']);
    assert.deepEqual(vendor.settings.contact, { email: 'hello@the.example', phone: '+352 123' });
    const entry = await asSystem(kernel, (db) =>
      db('audit_log').where({ action: 'tenancy.vendor.changed', vendor_id: shop.id }).first(),
    );
    assert.equal(entry.before.name, 'Shop tea');
    const visitor = await new FormSession(kernel).get('/vendor/tea/login', { 'accept-language': 'de' });
    assert.ok(visitor.html.includes('Se connecter à Maison Thé'), 'German is not offered: the default, French');
  });

  it('requests a custom domain and shows its verification record; refuses a bad or taken one', async () => {
    await owner.get('/vendor/tea/settings');
    // The shop's default language is French now: this owner chooses English.
    await owner.post('/vendor/tea/language', { lang: 'en', next: '/vendor/tea/settings' });
    const bad = await owner.post('/vendor/tea/settings/domains', { domain: 'not a domain' });
    assert.equal(bad.status, 422);
    assert.match(bad.html, /id="field-domain-error"/);
    const ok = await owner.post('/vendor/tea/settings/domains', { domain: 'WWW.Tea.Example.com' });
    assert.equal(ok.status, 303);
    const page = await owner.get('/vendor/tea/settings');
    assert.match(
      page.html,
      /tea\.example\.com[\s\S]*pending[\s\S]*_orion-verification\.tea\.example\.com[\s\S]*orion-verify=/,
    );
    const again = await owner.post('/vendor/tea/settings/domains', { domain: 'tea.example.com' });
    assert.equal(again.status, 422);
    assert.match(again.html, /This domain is already in use\./);
    assert.equal((await domains()).length, 1);
  });

  it('lets a viewer read the settings but not change them', async () => {
    const { email } = await createTestTeamMember(kernel, shop, 'viewer');
    const viewer = new FormSession(kernel);
    assert.equal((await viewer.signIn('/vendor/tea/login', email, 'member-password')).status, 303);
    const page = await viewer.get('/vendor/tea/settings');
    assert.equal(page.status, 200);
    assert.ok(!page.html.includes('id="domain-form"'));
    assert.equal((await viewer.post('/vendor/tea/settings/general', valid)).status, 403);
    assert.equal((await viewer.post('/vendor/tea/settings/domains', { domain: 'x.example.com' })).status, 403);
  });
});
