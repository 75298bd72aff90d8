import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestTeamMember, createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';
import { FormSession, menuLabels } from './form-session.js';

describe('vendor dashboard: API keys page', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let owner: FormSession;

  const count = (table: string, where: Record<string, unknown>) =>
    asSystem(kernel, async (db) => Number((await db(table).where(where).count({ n: '*' }))[0]?.n));
  const keyCount = () => count('api_keys', { vendor_id: shop.id });
  const audited = (action: string) => count('audit_log', { action, vendor_id: shop.id });
  const callWith = (key: string) =>
    kernel.request('/api/v1/vendor/team', { headers: { authorization: `Bearer ${key}` } });

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [] } });
    shop = await createTestVendor(kernel, { code: 'keys' });
    owner = new FormSession(kernel);
    assert.equal((await owner.signIn('/vendor/keys/login', shop.ownerEmail, shop.ownerPassword)).status, 303);
  });
  after(() => kernel.stop());

  it('lists no key at first, with a labelled creation form and the menu item', async () => {
    const page = await owner.get('/vendor/keys/api-keys');
    assert.equal(page.status, 200);
    assert.match(page.html, /No API key yet\./);
    assert.match(page.html, /<label[^>]*for="field-name"/);
    assert.match(page.html, /<legend[^>]*>Permissions<\/legend>/);
    assert.ok(menuLabels(page.html).includes('API keys'));
  });

  it('re-renders the form with field errors and creates nothing', async () => {
    await owner.get('/vendor/keys/api-keys');
    const empty = await owner.post('/vendor/keys/api-keys', { name: ' ' });
    assert.equal(empty.status, 422);
    assert.match(empty.html, /id="field-name-error"/);
    assert.match(empty.html, /id="field-permissions-error"[^>]*>Choose at least one permission\./);
    const unknown = await owner.post('/vendor/keys/api-keys', { name: 'Sync', permissions: 'orders.steal' });
    assert.equal(unknown.status, 422, 'only permissions offered on the page');
    assert.match(unknown.html, /value="Sync"/, 'keeps what was typed');
    const swapped = await owner.post('/vendor/keys/api-keys', { name: '' }, { headers: { 'hx-request': 'true' } });
    assert.equal(swapped.status, 422);
    assert.ok(!swapped.html.includes('<html'), 'htmx gets the page content alone');
    assert.match(swapped.html, /^<div id="api-keys">[\s\S]*id="field-name-error"/);
    assert.equal(await keyCount(), 0);
  });

  it('creates a key shown once, that works on the API, then revokes it after a confirmation', async () => {
    await owner.get('/vendor/keys/api-keys');
    const created = await owner.post('/vendor/keys/api-keys', { name: 'ERP sync', permissions: ['team.view'] });
    assert.equal(created.status, 201);
    const key = /data-api-key[^>]*>(ork_[^<]+)</.exec(created.html)?.[1];
    assert.ok(key, 'the new key is on the page');
    assert.equal((await callWith(key)).status, 200);
    assert.equal(await audited('api_key.created'), 1);

    const list = await owner.get('/vendor/keys/api-keys');
    assert.match(list.html, /ERP sync[\s\S]*team\.view/);
    assert.ok(!list.html.includes(key), 'never shown again');
    const id = /api-keys\/(\d+)\/revoke/.exec(list.html)?.[1];

    const confirm = await owner.get(`/vendor/keys/api-keys/${id}/revoke`);
    assert.equal(confirm.status, 200);
    assert.match(confirm.html, /role="alertdialog"[\s\S]*Integrations using it stop working at once/);
    const revoked = await owner.post(`/vendor/keys/api-keys/${id}/revoke`, {});
    assert.equal(revoked.status, 303);
    const after = await owner.get(revoked.location!);
    assert.match(after.html, /The key ERP sync was revoked\./);
    assert.match(after.html, />revoked</);
    assert.equal((await callWith(key)).status, 401);
    assert.equal(await audited('api_key.revoked'), 1);
    assert.equal((await owner.post(`/vendor/keys/api-keys/${id}/revoke`, {})).status, 404, 'only once');
  });

  it('is refused to a member without api_keys.manage, and absent from their menu', async () => {
    const { email } = await createTestTeamMember(kernel, shop, 'viewer');
    const viewer = new FormSession(kernel);
    assert.equal((await viewer.signIn('/vendor/keys/login', email, 'member-password')).status, 303);
    assert.equal((await viewer.get('/vendor/keys/api-keys')).status, 403);
    assert.ok(!menuLabels((await viewer.get('/vendor/keys')).html).includes('API keys'));
  });
});
