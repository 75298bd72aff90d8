import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../kernel/paths.js';
import { adminHeaders } from '../../kernel/testing/admin-token.js';
import { requestJson } from '../../kernel/testing/json-request.js';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { createTestVendor, type TestVendor } from '../../kernel/testing/tenants.js';

const ADMIN_PAGES = '/api/v1/admin/cms/pages';

describe("the platform's own site at its domain root", () => {
  let kernel: TestKernel;
  let admin: Record<string, string>;
  let shop: TestVendor;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [path.join(ROOT, 'plugins', 'cms')] } });
    admin = await adminHeaders(kernel);
    shop = await createTestVendor(kernel);
  });
  after(() => kernel.stop());

  const html = async (url: string, headers: Record<string, string> = {}) => {
    const res = await kernel.request(url, { headers });
    return { status: res.status, body: await res.text() };
  };
  const marketing = async (slug: string, title: string, content: string, more: Record<string, unknown> = {}) => {
    const res = await requestJson(kernel, 'POST', ADMIN_PAGES, admin, {
      slug,
      tier: 'marketing',
      status: 'published',
      translations: [{ language: 'en', title, content }],
      ...more,
    });
    assert.equal(res.status, 201, res.text);
  };

  it("lists the platform's open shops, linked, before it has a home page", async () => {
    const home = await html('/');
    assert.equal(home.status, 200);
    const platform = kernel.platforms.defaultPlatform();
    assert.match(home.body, new RegExp(`<h1 class="text-3xl font-bold">${platform?.name}</h1>`));
    assert.match(home.body, new RegExp(`<a [^>]*href="/vendors/${shop.code}/shop/">Shop ${shop.code}</a>`));
    assert.match(home.body, /href="\/admin">Administration</);
  });

  it('shows its published marketing pages, sanitised, with them in the header, and nothing for a draft', async () => {
    await marketing('home', 'Welcome', '# Sell with us\n\n<script>alert(1)</script>Low fees.');
    await marketing('pricing', 'Pricing', 'Plans from **0 €**.', { showInHeader: true, navOrder: 1 });
    await marketing('secret', 'Secret', 'Not yet.', { status: 'draft' });

    const home = await html('/');
    assert.match(home.body, /<h1>Sell with us<\/h1>/);
    assert.doesNotMatch(home.body, /<script>alert/);
    assert.match(home.body, /<a class="text-gray-800 underline" href="\/pages\/pricing">Pricing<\/a>/);
    assert.match(home.body, new RegExp(`href="/vendors/${shop.code}/shop/"`), 'the shops stay below');

    const pricing = await html('/pages/pricing');
    assert.equal(pricing.status, 200);
    assert.match(pricing.body, /<title>Pricing<\/title>/);
    assert.match(pricing.body, /Plans from <strong>0 €<\/strong>/);
    assert.equal((await html('/pages/secret')).status, 404, 'a draft is not shown');
    assert.equal((await html('/pages/nothing-here')).status, 404);
  });

  it("speaks the visitor's language", async () => {
    const home = await html('/', { 'accept-language': 'fr' });
    assert.match(home.body, /<html lang="fr">/);
    assert.match(home.body, />Boutiques</);
  });
});
