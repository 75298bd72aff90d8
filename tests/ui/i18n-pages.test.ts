import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';
import { FormSession, menuLabels } from './form-session.js';

const FR = { 'accept-language': 'fr' };
const LB = { 'accept-language': 'lb-LU,lb;q=0.9' };
/** The sidebar's labels whatever the language of its `aria-label`. */
const labels = (html: string) =>
  menuLabels(html.replace(/<nav aria-label="[^"]*" class="border/, '<nav aria-label="Main menu" class="border'));

describe('pages translated in French and Luxembourgish', () => {
  let kernel: TestKernel;
  let shop: TestVendor;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [] } });
    shop = await createTestVendor(kernel, { code: 'lux', languages: ['lb', 'fr', 'en'] });
    await kernel.db.knex('users').insert({
      email: 'root@example.com',
      role: 'super_admin',
      password_hash: await hashPassword('root-password', 4),
    });
  });
  after(() => kernel.stop());

  it('shows the admin sign-in in Luxembourgish and French, with its errors', async () => {
    const visitor = new FormSession(kernel);
    const lb = await visitor.get('/admin/login', LB);
    assert.match(lb.html, /<html lang="lb"/);
    assert.match(lb.html, /Bei der Admin-Konsole umellen/);
    assert.match(lb.html, /<label[^>]*>Passwuert/);
    assert.match(lb.html, /Passwuert vergiess\?/);
    const fr = await visitor.post('/admin/login', { email: 'nope', password: '' }, { headers: FR });
    assert.equal(fr.status, 422);
    assert.match(fr.html, /Se connecter à la console d’administration/);
    assert.match(fr.html, /Saisissez votre adresse e-mail/);
    const wrong = await visitor.post('/admin/login', { email: 'root@example.com', password: 'x' }, { headers: LB });
    assert.equal(wrong.status, 401);
    assert.match(wrong.html, /D’E-Mail-Adress oder d’Passwuert ass falsch\./);
  });

  it('shows the password reset pages in French', async () => {
    const visitor = new FormSession(kernel);
    const ask = await visitor.get('/admin/forgot-password', FR);
    assert.match(ask.html, /Mot de passe oublié/);
    assert.match(ask.html, /Envoyer le lien/);
    const invalid = await visitor.post('/admin/forgot-password', { email: 'not-an-email' }, { headers: FR });
    assert.equal(invalid.status, 422);
    assert.match(invalid.html, /Veuillez corriger les champs ci-dessous/);
    const sent = await visitor.post('/admin/forgot-password', { email: 'root@example.com' }, { headers: FR });
    assert.match(sent.html, /Si cette adresse appartient à un compte/);
    const choose = await visitor.get('/vendor/lux/reset-password?token=abc', LB);
    assert.match(choose.html, /En neit Passwuert wielen/);
    assert.match(choose.html, /Mindestens 8 Zeechen/);
    const expired = await visitor.post(
      '/vendor/lux/reset-password',
      { token: 'abc', password: 'long-enough-1' },
      { headers: LB },
    );
    assert.equal(expired.status, 410);
    assert.match(expired.html, /Dëse Link ass net méi gëlteg/);
  });

  it('shows the vendor Dashboard and Team in Luxembourgish, and an invalid invitation in French', async () => {
    const owner = new FormSession(kernel);
    await owner.signIn('/vendor/lux/login', shop.ownerEmail, shop.ownerPassword);
    await owner.get('/vendor/lux');
    await owner.post('/vendor/lux/language', { lang: 'lb', next: '/vendor/lux' });
    const dashboard = await owner.get('/vendor/lux');
    assert.match(dashboard.html, /<html lang="lb"/);
    assert.match(dashboard.html, /Wëllkomm am Dashboard vun Shop lux/);
    assert.deepEqual(labels(dashboard.html).slice(0, 2), ['Dashboard', 'Equipe']);
    assert.match(dashboard.html, /Ofmellen/);
    const team = await owner.get('/vendor/lux/team');
    assert.match(team.html, /E Member invitéieren/);
    assert.match(team.html, /\(Besëtzer\)/);

    await owner.post('/vendor/lux/language', { lang: 'fr', next: '/vendor/lux/team' });
    await owner.get('/vendor/lux/team');
    const invalid = await owner.post('/vendor/lux/team/invite', { email: 'nobody', roleId: '' });
    assert.equal(invalid.status, 422);
    assert.match(invalid.html, /Saisissez l’adresse e-mail de la personne à inviter/);
    assert.match(invalid.html, /Choisissez un rôle\./);
  });

  it('shows the invitation page in Luxembourgish', async () => {
    const visitor = new FormSession(kernel);
    const page = await visitor.get('/vendor/lux/accept-invitation?token=abc', LB);
    assert.match(page.html, /Der Equipe vun Shop lux bäitrieden/);
    assert.match(page.html, /Invitatioun unhuelen/);
    const expired = await visitor.post('/vendor/lux/accept-invitation', { token: 'abc' }, { headers: LB });
    assert.equal(expired.status, 410);
    assert.match(expired.html, /Dësen Invitatiounslink ass net méi gëlteg/);
  });

  it('shows a new admin page in French, and Luxembourgish with English for what it lacks', async () => {
    const admin = new FormSession(kernel);
    await admin.signIn('/admin/login', 'root@example.com', 'root-password');
    await admin.get('/admin');
    await admin.post('/admin/language', { lang: 'fr', next: '/admin' });
    const fr = await admin.get('/admin/vendors/lux/domains');
    assert.match(fr.html, /Domaines de Shop lux/);
    assert.match(fr.html, /Ajouter un domaine/);
    await admin.post('/admin/language', { lang: 'lb', next: '/admin' });
    const lb = await admin.get('/admin/vendors/lux/domains');
    assert.match(lb.html, /<html lang="lb"/);
    assert.match(lb.html, /Ofmellen/, 'the frame is in Luxembourgish');
    assert.match(lb.html, /Domains of Shop lux/, 'the page falls back to English');
  });

  it('shows the vendor list, a vendor, platforms, users, audit log and outgoing mail in French', async () => {
    const admin = new FormSession(kernel);
    await admin.signIn('/admin/login', 'root@example.com', 'root-password');
    await admin.get('/admin');
    await admin.post('/admin/language', { lang: 'fr', next: '/admin' });
    const vendors = await admin.get('/admin/vendors');
    assert.match(vendors.html, /Nouveau vendeur/);
    assert.match(vendors.html, /<th[^>]*>.*Société/s);
    assert.match(vendors.html, /1–1 sur 1/, 'the kit pager is in French');
    assert.match(vendors.html, />actif</);
    const none = await admin.get('/admin/vendors?q=zzz');
    assert.match(none.html, /Aucun résultat pour « zzz »/);
    const vendor = await admin.get('/admin/vendors/lux');
    assert.match(vendor.html, /Suspendre le vendeur/);
    assert.match(vendor.html, /Lëtzebuergesch, Français, English/);
    const invalid = await admin.post('/admin/vendors/new', { code: '', name: '', ownerEmail: 'x' });
    assert.equal(invalid.status, 422);
    assert.match(invalid.html, /Saisissez le nom de la boutique/);
    assert.match(invalid.html, /Veuillez corriger les champs ci-dessous/);
    assert.match((await admin.get('/admin/platforms')).html, /Nouvelle plateforme/);
    assert.match((await admin.get('/admin/platforms/new')).html, /Langue par défaut/);
    const users = await admin.get('/admin/users');
    assert.match(users.html, /Administrateurs/);
    assert.match(users.html, /super administrateur/);
    const audit = await admin.get('/admin/audit-log');
    assert.match(audit.html, /Journal d’audit/);
    assert.match(audit.html, /L’action commence par/);
    assert.match((await admin.get('/admin/mail')).html, /E-mails sortants/);
    assert.match((await admin.get('/admin')).html, /Vendeurs actifs/);
  });

  it('shows the plugins page and a disabling plan in German', async () => {
    const admin = new FormSession(kernel);
    await admin.signIn('/admin/login', 'root@example.com', 'root-password');
    await admin.get('/admin');
    await admin.post('/admin/language', { lang: 'de', next: '/admin' });
    const users = await admin.get('/admin/users');
    assert.match(users.html, /Art des Benutzers/);
    assert.match(users.html, /Händler-Benutzer/);
    const vendor = await admin.get('/admin/vendors/lux/delete');
    assert.match(vendor.html, /Shop lux löschen\?/);
    assert.match(vendor.html, />Abbrechen</, 'the confirm panel is in German');
    const platforms = await admin.get('/admin/platforms');
    assert.match(platforms.html, /Plattformen/);
    assert.match(platforms.html, /Menüs/);
    const code = platforms.html.match(/href="\/admin\/platforms\/([a-z0-9-]+)\/plugins"/)?.[1];
    assert.ok(code, 'a platform links to its plugins');
    const plugins = await admin.get(`/admin/platforms/${code}/plugins`);
    assert.match(plugins.html, /Plugin-Ordner neu einlesen/);
    assert.match(plugins.html, /Abhängigkeiten/);
    const menus = (await admin.get(`/admin/platforms/${code}/menus`)).html;
    assert.match(menus, /Menüs speichern/);
    assert.match(menus, /Händler <span[^>]*>\(Mandanten\)/, 'menu items and sections as the sidebar names them');
  });

  it("names preset roles in the reader's language and leaves custom roles as typed", async () => {
    const owner = new FormSession(kernel);
    await owner.signIn('/vendor/lux/login', shop.ownerEmail, shop.ownerPassword);
    await owner.get('/vendor/lux');
    await owner.post('/vendor/lux/language', { lang: 'fr', next: '/vendor/lux/team/roles' });
    await owner.post('/vendor/lux/team/roles', { name: 'Préparateurs', permissions: 'team.view' });
    const roles = await owner.get('/vendor/lux/team/roles');
    assert.match(roles.html, />Propriétaire</);
    assert.match(roles.html, />Gérant</);
    assert.match(roles.html, />Préparateurs</);
    assert.doesNotMatch(roles.html, />Manager</);
    const team = await owner.get('/vendor/lux/team');
    assert.match(team.html, /Propriétaire \(propriétaire\)/);
    assert.match(team.html, /<option value="\d+">Gérant<\/option>/);
  });
});
