import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { ROOT } from '../../kernel/paths.js';
import { missingEnglishKeys, strayKeys } from '../../kernel/testing/index.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';
import { messages as ledgerMessages } from '../fixtures/ui-plugins/ledger/src/locales/index.js';
import { FormSession, menuLabels } from './form-session.js';

const LEDGER = path.join(ROOT, 'tests', 'fixtures', 'ui-plugins', 'ledger');
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const balance = (html: string) => nbsp(/data-balance[^>]*>([^<]+)</.exec(html)?.[1] ?? '');
/** The sidebar's labels whatever the language of its `aria-label`. */
const labels = (html: string) =>
  menuLabels(html.replace(/<nav aria-label="[^"]*" class="border/, '<nav aria-label="Main menu" class="border'));

describe('translated pages', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let owner: FormSession;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [LEDGER] } });
    await enablePlugins(kernel, ['ledger']);
    shop = await createTestVendor(kernel, { code: 'poly', languages: ['en', 'fr', 'de'] });
    owner = new FormSession(kernel);
    assert.equal((await owner.signIn('/vendor/poly/login', shop.ownerEmail, shop.ownerPassword)).status, 303);
  });
  after(() => kernel.stop());

  it("shows the sign-in page in the browser's language, with its errors", async () => {
    const visitor = new FormSession(kernel);
    const fr = { 'accept-language': 'fr-LU,fr;q=0.9,en;q=0.5' };
    const page = await visitor.get('/vendor/poly/login', fr);
    assert.match(page.html, /<html lang="fr"/);
    assert.match(page.html, /Se connecter à Shop poly/);
    assert.match(page.html, /<label[^>]*>Mot de passe/);
    const wrong = await visitor.post(
      '/vendor/poly/login',
      { email: shop.ownerEmail, password: 'wrong-password' },
      { headers: fr },
    );
    assert.equal(wrong.status, 401);
    assert.match(wrong.html, /L’adresse e-mail ou le mot de passe est incorrect\./);
    const de = await visitor.get('/vendor/poly/login', { 'accept-language': 'de' });
    assert.match(de.html, /Bei Shop poly anmelden/);
  });

  it('switches language from the shell: menus, frame and plugin pages follow, and stay switched', async () => {
    const english = await owner.get('/vendor/poly/ledger');
    assert.deepEqual(labels(english.html), [
      'Dashboard',
      'Team',
      'Shop settings',
      'Theme',
      'API keys',
      'Profile',
      'Ledger',
    ]);
    assert.match(english.html, /<select id="language-select" name="lang"/);
    assert.match(english.html, /<label for="language-select"[^>]*>Language</);

    const switched = await owner.post('/vendor/poly/language', { lang: 'de', next: '/vendor/poly/ledger' });
    assert.equal(switched.status, 303);
    assert.equal(switched.location, '/vendor/poly/ledger');
    const german = await owner.get('/vendor/poly/ledger');
    assert.match(german.html, /<html lang="de"/);
    assert.deepEqual(labels(german.html), [
      'Übersicht',
      'Team',
      'Shop-Einstellungen',
      'Design',
      'API-Schlüssel',
      'Profil',
      'Hauptbuch',
    ]);
    assert.match(german.html, /Finanzen/, 'the plugin section is translated');
    assert.match(german.html, /Abmelden/);
    assert.match(german.html, /<option value="de" selected=""/);

    await owner.post('/vendor/poly/language', { lang: 'fr', next: '/vendor/poly' });
    const french = await owner.get('/vendor/poly/ledger');
    assert.deepEqual(labels(french.html), [
      'Tableau de bord',
      'Équipe',
      'Paramètres de la boutique',
      'Thème',
      'Clés d’API',
      'Profil',
      'Grand livre',
    ]);
    assert.match(french.html, /Se déconnecter/);
    await owner.post('/vendor/poly/language', { lang: 'en', next: '/vendor/poly' });
  });

  it('formats a date and an amount per locale', async () => {
    const set = (lang: string) => owner.post('/vendor/poly/language', { lang, next: '/vendor/poly' });
    await set('fr');
    assert.equal(balance((await owner.get('/vendor/poly/ledger')).html), 'Solde au 28 nov. 2026 : 1 234,56 €');
    await set('de');
    assert.equal(balance((await owner.get('/vendor/poly/ledger')).html), 'Saldo am 28.11.2026: 1.234,56 €');
    await set('en');
    assert.equal(balance((await owner.get('/vendor/poly/ledger')).html), 'Balance on Nov 28, 2026: €1,234.56');
  });

  it('ignores a language the vendor does not offer, and a next page outside the dashboard', async () => {
    const res = await owner.post('/vendor/poly/language', { lang: 'lb', next: 'https://evil.example/' });
    assert.equal(res.location, '/vendor/poly');
    assert.match((await owner.get('/vendor/poly')).html, /<html lang="en"/);
  });

  it('switches the admin console too, offering every supported language', async () => {
    await kernel.db.knex('users').insert({
      email: 'root@example.com',
      role: 'super_admin',
      password_hash: await hashPassword('root-password', 4),
    });
    const admin = new FormSession(kernel);
    assert.equal((await admin.signIn('/admin/login', 'root@example.com', 'root-password')).status, 303);
    const page = await admin.get('/admin');
    assert.match(page.html, /<option value="lb"[^>]*>Lëtzebuergesch</);
    const switched = await admin.post('/admin/language', { lang: 'de', next: '/admin/plugins' });
    assert.equal(switched.location, '/admin/plugins');
    const german = await admin.get('/admin');
    assert.match(german.html, /<html lang="de"/);
    assert.deepEqual(labels(german.html).slice(0, 4), ['Übersicht', 'Händler', 'Benutzer', 'Plattformen']);
    assert.match(german.html, /Abmelden/);
  });

  it("keeps a plugin's catalogues complete in English", () => {
    assert.deepEqual(missingEnglishKeys(ledgerMessages, path.join(LEDGER, 'src')), []);
    assert.deepEqual(strayKeys(ledgerMessages, 'fr'), []);
  });
});
