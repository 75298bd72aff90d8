import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';
import { FormSession } from './form-session.js';

const switcher = (html: string) => /<nav aria-label="Shop"[\s\S]*?<\/nav>/.exec(html)?.[0];

describe('vendor dashboard: vendor switcher', () => {
  let kernel: TestKernel;
  let tea: TestVendor;
  let coffee: TestVendor;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [] } });
    tea = await createTestVendor(kernel, { code: 'tea' });
    coffee = await createTestVendor(kernel, { code: 'coffee' });
  });
  after(() => kernel.stop());

  it('shows no switcher to a member of one shop', async () => {
    const owner = new FormSession(kernel);
    await owner.signIn('/vendor/coffee/login', coffee.ownerEmail, coffee.ownerPassword);
    const page = await owner.get('/vendor/coffee');
    assert.equal(page.status, 200);
    assert.equal(switcher(page.html), undefined);
  });

  it("lists a member's shops, marks the current one, and leads to the other's sign-in and dashboard", async () => {
    await asSystem(kernel, (db) =>
      db('vendor_memberships').insert({
        vendor_id: coffee.id,
        user_id: tea.ownerUserId,
        role_id: coffee.roles.staff,
        status: 'active',
      }),
    );
    const member = new FormSession(kernel);
    assert.equal((await member.signIn('/vendor/tea/login', tea.ownerEmail, tea.ownerPassword)).status, 303);
    const nav = switcher((await member.get('/vendor/tea')).html);
    assert.ok(nav, 'a switcher in the top bar');
    assert.match(nav, /<a href="\/vendor\/coffee"[^>]*>Shop coffee<\/a>/);
    assert.match(nav, /<a href="\/vendor\/tea" aria-current="page"[^>]*>Shop tea<\/a>/);
    // A sign-in is bound to one shop: the link leads to the other's sign-in, where the same account signs in.
    const other = await member.get('/vendor/coffee');
    assert.equal(other.status, 303);
    assert.match(other.location ?? '', /^\/vendor\/coffee\/login/);
    assert.equal((await member.signIn('/vendor/coffee/login', tea.ownerEmail, tea.ownerPassword)).status, 303);
    const dashboard = await member.get('/vendor/coffee');
    assert.equal(dashboard.status, 200);
    assert.match(switcher(dashboard.html) ?? '', /<a href="\/vendor\/coffee" aria-current="page"/);
  });
});
