import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../../kernel/auth/passwords.js';
import { ROOT } from '../../kernel/paths.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { FormSession } from './form-session.js';

const SHIPPING = path.join(ROOT, 'tests', 'fixtures', 'ui-plugins', 'shipping');
const URL = '/admin/platforms/main/plugins/shipping/settings';

describe('plugin settings form', () => {
  let kernel: TestKernel;
  let admin: FormSession;
  let platformId: number;

  const stored = async () =>
    (await kernel.db.knex('platform_plugins').where({ platform_id: platformId, plugin_id: 'shipping' }).first())
      ?.settings;
  /** What the plugin itself reads. */
  const read = () => kernel.plugins.loaded.get('shipping')!.context.settings(platformId);

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [SHIPPING] } });
    await enablePlugins(kernel, ['shipping']);
    platformId = kernel.platforms.findByCode('main')!.id;
    await kernel.db.knex('users').insert({
      email: 'root@example.com',
      role: 'super_admin',
      password_hash: await hashPassword('root-password', 4),
    });
    admin = new FormSession(kernel);
    await admin.signIn('/admin/login', 'root@example.com', 'root-password');
  });
  after(() => kernel.stop());

  it('generates a labelled field per setting, with the defaults filled in', async () => {
    const list = await admin.get('/admin/platforms/main/plugins');
    assert.match(list.html, new RegExp(`href="${URL}"`), 'the list links to the settings');
    const page = await admin.get(URL);
    assert.equal(page.status, 200);
    assert.match(page.html, /<label for="field-carrier"[^>]*>Carrier<\/label>/);
    assert.match(page.html, /id="field-freeAbove"[^>]*type="number"[^>]*value="5000"/);
    assert.match(page.html, /<input id="field-express" type="checkbox" name="express" value="true"/);
    assert.match(page.html, /<option value="eu" selected="">eu<\/option>/);
    assert.match(page.html, /at least 0, at most 100000/, 'the limits are told');
  });

  it('re-renders invalid values with one error per field and stores nothing', async () => {
    await admin.get(URL);
    const invalid = await admin.post(URL, { carrier: 'DHL-123', freeAbove: '12.5', zone: 'mars' });
    assert.equal(invalid.status, 422);
    assert.match(invalid.html, /id="field-carrier-error"[^>]*>Carrier must match the pattern/);
    assert.match(invalid.html, /id="field-freeAbove-error"[^>]*>Free shipping above must be a whole number/);
    assert.match(invalid.html, /Zone must be one of eu, world/);
    assert.match(invalid.html, /value="DHL-123"/, 'what was typed is kept');
    assert.deepEqual(await stored(), {});
    const audit = await asSystem(kernel, (db) => db('audit_log').where({ action: 'plugin.settings.changed' }).first());
    assert.equal(audit, undefined);
  });

  it('stores valid values for the platform, which the plugin reads, and audit-logs the change', async () => {
    await admin.get(URL);
    const saved = await admin.post(URL, { carrier: 'La Poste', freeAbove: '2500', express: 'true', zone: 'world' });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, '/admin/platforms/main/plugins');
    assert.deepEqual(await read(), { carrier: 'La Poste', freeAbove: 2500, express: true, zone: 'world' });
    assert.match((await admin.get('/admin/platforms/main/plugins')).html, /Settings of Shipping saved for /);
    const entry = await asSystem(kernel, (db) => db('audit_log').where({ action: 'plugin.settings.changed' }).first());
    assert.equal(entry.target_id, 'shipping');
    assert.equal(Number(entry.platform_id), platformId);
    assert.deepEqual(entry.after, { carrier: 'La Poste', freeAbove: 2500, express: true, zone: 'world' });

    await admin.get(URL);
    const cleared = await admin.post(URL, { carrier: '', freeAbove: '' }, { headers: { 'hx-request': 'true' } });
    assert.equal(cleared.headers.get('hx-redirect'), '/admin/platforms/main/plugins');
    assert.deepEqual(await read(), { freeAbove: 5000, express: false, zone: 'eu' }, 'empty fields take the default');
  });

  it('answers 404 for a plugin or platform that is not there', async () => {
    assert.equal((await admin.get('/admin/platforms/main/plugins/nope/settings')).status, 404);
    assert.equal((await admin.get('/admin/platforms/nowhere/plugins/shipping/settings')).status, 404);
  });
});
