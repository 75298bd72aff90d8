import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { FormSession, menuLabels } from './form-session.js';

describe('admin platforms pages', () => {
  let kernel: TestKernel;
  let admin: FormSession;

  const platform = (code: string) => kernel.db.knex('platforms').where({ code }).first();
  const audited = async (action: string) =>
    asSystem(kernel, (db) => db('audit_log').where({ action }).orderBy('id', 'desc').first());

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [] } });
    await kernel.db.knex('users').insert({
      email: 'root@example.com',
      role: 'super_admin',
      password_hash: await hashPassword('root-password', 4),
    });
    admin = new FormSession(kernel);
    await admin.signIn('/admin/login', 'root@example.com', 'root-password');
  });
  after(() => kernel.stop());

  it('lists the platforms, linked from the menu', async () => {
    const page = await admin.get('/admin/platforms');
    assert.equal(page.status, 200);
    assert.ok(menuLabels(page.html).includes('Platforms'));
    assert.match(page.html, /<code class="text-xs">main<\/code>/);
    assert.match(page.html, />default</);
    assert.match(page.html, /href="\/admin\/platforms\/new"/);
    const current = (html: string) =>
      [...html.matchAll(/data-menu-item="kernel:([a-z-]+)" aria-current="page"/g)].map((m) => m[1]);
    assert.deepEqual(current(page.html), ['platforms']);
    assert.deepEqual(current((await admin.get('/admin/platforms/main/plugins')).html), ['plugins'], 'one current item');
    assert.deepEqual(current((await admin.get('/admin/platforms/main/edit')).html), ['platforms']);
  });

  it('re-renders the new platform form with field errors and creates nothing', async () => {
    await admin.get('/admin/platforms/new');
    const count = Number((await kernel.db.knex('platforms').count({ n: '*' }))[0]?.n);
    const invalid = await admin.post('/admin/platforms/new', {
      code: 'Bad Code!',
      name: '',
      domain: 'not a host',
      defaultLanguage: 'xx',
      primaryColor: 'blue',
    });
    assert.equal(invalid.status, 422);
    for (const field of ['name', 'defaultLanguage', 'primaryColor']) {
      assert.match(invalid.html, new RegExp(`id="field-${field}-error"`), `${field} has its error`);
    }
    const second = await admin.post('/admin/platforms/new', {
      code: 'Bad Code!',
      name: 'Ok',
      domain: 'not a host',
      defaultLanguage: 'fr',
    });
    assert.equal(second.status, 422);
    assert.match(second.html, /id="field-code-error"/);
    assert.match(second.html, /id="field-domain-error"/);
    assert.match(second.html, /value="Ok"/, 'valid input is kept');
    assert.equal(Number((await kernel.db.knex('platforms').count({ n: '*' }))[0]?.n), count);
  });

  it('creates a platform, audit-logged, and refuses a taken code on its field', async () => {
    await admin.get('/admin/platforms/new');
    const done = await admin.post('/admin/platforms/new', {
      code: 'nordic',
      name: 'Nordic Market',
      domain: 'nordic.example.com',
      defaultLanguage: 'de',
      primaryColor: '#2563eb',
      logoUrl: 'https://cdn.example.com/logo.svg',
    });
    assert.equal(done.status, 303);
    assert.equal(done.location, '/admin/platforms');
    const row = await platform('nordic');
    assert.equal(row.domain, 'nordic.example.com');
    assert.equal(row.default_language, 'de');
    assert.deepEqual(row.branding, { primaryColor: '#2563eb', logoUrl: 'https://cdn.example.com/logo.svg' });
    assert.ok(kernel.platforms.findByCode('nordic'), 'the registry knows it at once');
    assert.equal((await audited('tenancy.platform.created'))?.target_id, String(row.id));
    assert.match((await admin.get('/admin/platforms')).html, /Platform Nordic Market created\./);

    await admin.get('/admin/platforms/new');
    const taken = await admin.post('/admin/platforms/new', { code: 'nordic', name: 'Again', defaultLanguage: 'en' });
    assert.equal(taken.status, 422);
    assert.match(taken.html, /id="field-code-error"/);
  });

  it('edits the name, domain, language and branding, keeping other branding keys', async () => {
    await kernel.db
      .knex('platforms')
      .where({ code: 'nordic' })
      .update({ branding: JSON.stringify({ primaryColor: '#000000', font: 'Inter' }) });
    const form = await admin.get('/admin/platforms/nordic/edit');
    assert.equal(form.status, 200);
    assert.match(form.html, /value="nordic\.example\.com"/);
    const saved = await admin.post(
      '/admin/platforms/nordic/edit',
      { name: 'Nordic', domain: '', defaultLanguage: 'fr', primaryColor: '#ff0000' },
      { headers: { 'hx-request': 'true' } },
    );
    assert.equal(saved.headers.get('hx-redirect'), '/admin/platforms');
    const row = await platform('nordic');
    assert.deepEqual([row.name, row.domain, row.default_language], ['Nordic', null, 'fr']);
    assert.deepEqual(row.branding, { primaryColor: '#ff0000', font: 'Inter' });
    const entry = await audited('tenancy.platform.changed');
    assert.equal(entry?.before?.domain, 'nordic.example.com');
  });

  it('deactivates a platform after asking, and reactivates it; the default one cannot be deactivated', async () => {
    const ask = await admin.get('/admin/platforms/nordic/deactivate');
    assert.match(ask.html, /role="alertdialog"/);
    assert.equal((await platform('nordic')).is_active, true, 'asking changes nothing');
    const off = await admin.post('/admin/platforms/nordic/deactivate', {});
    assert.equal(off.status, 303);
    assert.equal((await platform('nordic')).is_active, false);
    assert.match((await admin.get('/admin/platforms')).html, /Nordic deactivated\.[\s\S]*inactive/);
    await admin.post('/admin/platforms/nordic/reactivate', {});
    assert.equal((await platform('nordic')).is_active, true);
    assert.ok(await audited('tenancy.platform.reactivated'));

    await admin.get('/admin/platforms/main/deactivate');
    const refused = await admin.post('/admin/platforms/main/deactivate', {});
    assert.equal(refused.status, 409);
    assert.equal((await platform('main')).is_active, true);
  });

  it('lets a platform administrator edit only its own platform, and neither create nor deactivate one', async () => {
    const [user] = await kernel.db
      .knex('users')
      .insert({ email: 'pa@example.com', role: 'platform_admin', password_hash: await hashPassword('pa-password', 4) })
      .returning('id');
    await kernel.db.knex('platforms').insert({ code: 'baltic', name: 'Baltic' });
    for (const code of ['main', 'nordic']) {
      await kernel.db.knex('admin_platforms').insert({ user_id: user.id, platform_id: (await platform(code)).id });
    }
    const pa = new FormSession(kernel);
    await pa.signIn('/admin/login', 'pa@example.com', 'pa-password');
    const list = await pa.get('/admin/platforms');
    assert.match(list.html, /<code class="text-xs">nordic<\/code>/);
    assert.doesNotMatch(list.html, /<code class="text-xs">baltic<\/code>/);
    assert.doesNotMatch(list.html, /New platform|Deactivate/);
    assert.equal((await pa.get('/admin/platforms/baltic/edit')).status, 404);
    assert.equal((await pa.get('/admin/platforms/nordic/edit')).status, 200);
    assert.equal((await pa.get('/admin/platforms/new')).status, 403);
    assert.equal((await pa.post('/admin/platforms/nordic/deactivate', {})).status, 403);
    assert.equal((await platform('nordic')).is_active, true);
  });
});
