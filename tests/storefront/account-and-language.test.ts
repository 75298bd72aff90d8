import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lastMailTo, linkIn } from '../../kernel/testing/mail.js';
import { enablePlugins } from '../../kernel/testing/plugins.js';
import type { TestKernel } from '../../kernel/testing/start-test-kernel.js';
import { asSystem } from '../../kernel/testing/system-db.js';
import { FormSession } from '../ui/form-session.js';
import { createShop, type DemoShop, json, shopPath, startShopKernel } from './support.js';

describe('storefront: customer accounts, language switcher, validators', () => {
  let kernel: TestKernel;
  let a: DemoShop;
  let b: DemoShop;
  const account = (shop: DemoShop, rest = '') => shopPath(shop.vendor.code, `/account${rest}`);

  before(async () => {
    kernel = await startShopKernel();
    await enablePlugins(kernel, ['cms', 'customer-profiles']);
    a = await createShop(kernel, { id: 'classic' }, 'acct-a');
    b = await createShop(kernel, { id: 'bold' }, 'acct-b');
    await asSystem(kernel, (db) =>
      db('vendors')
        .where({ id: a.vendor.id })
        .update({ languages: ['en', 'fr', 'de'] }),
    );
    await kernel.vendors.refresh();
  });
  after(() => kernel.stop());

  it('registers a customer, shows the account, signs out and in again', async () => {
    const shopper = new FormSession(kernel);
    await shopper.get(account(a, '/register'));
    const registered = await shopper.post(account(a, '/register'), {
      email: 'ana@example.com',
      password: 'correct horse',
      firstName: 'Ana',
      lastName: 'Lima',
    });
    assert.equal(registered.status, 303);
    const page = await shopper.get(account(a));
    assert.equal(page.status, 200);
    assert.match(page.html, /Ana Lima · ana@example\.com/);
    assert.match(page.html, /No orders yet\./);
    const out = await shopper.post(account(a, '/logout'), {});
    assert.equal(out.status, 303);
    const gone = await shopper.get(account(a));
    assert.equal(gone.status, 303);
    assert.match(gone.location ?? '', /\/account\/login$/);
    await shopper.get(account(a, '/login'));
    const back = await shopper.post(account(a, '/login'), { email: 'ana@example.com', password: 'correct horse' });
    assert.equal(back.status, 303);
    assert.match((await shopper.get(account(a))).html, /ana@example\.com/);
  });

  it("lists the customer's saved addresses from the customer-profiles plugin", async () => {
    const login = await json(
      kernel,
      'POST',
      shopPath(a.vendor.code, '/api/v1/shop/auth/login'),
      {},
      {
        email: 'ana@example.com',
        password: 'correct horse',
      },
    );
    const bearer = { authorization: `Bearer ${String(login.accessToken)}` };
    await json(kernel, 'POST', shopPath(a.vendor.code, '/api/v1/shop/customer-profiles/addresses'), bearer, {
      kind: 'shipping',
      fullName: 'Ana Lima',
      line1: '1 Rue du Port',
      postalCode: 'L-1234',
      city: 'Luxembourg',
      country: 'LU',
      isDefault: true,
    });
    const shopper = new FormSession(kernel);
    await shopper.get(account(a, '/login'));
    await shopper.post(account(a, '/login'), { email: 'ana@example.com', password: 'correct horse' });
    const page = await shopper.get(account(a));
    assert.match(page.html, /Shipping \(default\)/);
    assert.match(page.html, /1 Rue du Port/);
  });

  it('answers a wrong password with an error, and re-asks for a missing email', async () => {
    const shopper = new FormSession(kernel);
    await shopper.get(account(a, '/login'));
    const wrong = await shopper.post(account(a, '/login'), { email: 'ana@example.com', password: 'wrong one' });
    assert.equal(wrong.status, 401);
    assert.match(wrong.html, /role="alert"/);
    const missing = await shopper.post(account(a, '/login'), { email: '', password: 'x' });
    assert.equal(missing.status, 422);
    assert.match(missing.html, /id="sf-account-email-error"/);
  });

  it("does not let another shop's customer sign in here", async () => {
    const shopper = new FormSession(kernel);
    await shopper.get(account(a, '/login'));
    const other = await shopper.post(account(b, '/login'), { email: 'ana@example.com', password: 'correct horse' });
    assert.equal(other.status, 401);
    assert.equal((await shopper.get(account(b))).status, 303, 'still signed out at shop B');
  });

  it('mails a reset link that sets a new password', async () => {
    const shopper = new FormSession(kernel);
    await shopper.get(account(a, '/forgot-password'));
    const asked = await shopper.post(account(a, '/forgot-password'), { email: 'ana@example.com' });
    assert.equal(asked.status, 200);
    const link = linkIn(await lastMailTo(kernel, 'ana@example.com'), 'reset-password');
    const landing = await shopper.get(new URL(link).pathname + new URL(link).search);
    assert.equal(landing.status, 303);
    const form = await shopper.get(landing.location ?? '');
    const token = /name="token" value="([^"]+)"/.exec(form.html)?.[1] ?? '';
    const changed = await shopper.post(account(a, '/reset-password'), { token, password: 'new password 1' });
    assert.equal(changed.status, 303);
    const signIn = await shopper.post(account(a, '/login'), { email: 'ana@example.com', password: 'new password 1' });
    assert.equal(signIn.status, 303);
  });

  it('switches the shop to another of its languages', async () => {
    const shopper = new FormSession(kernel);
    const home = await shopper.get(shopPath(a.vendor.code));
    assert.match(home.html, /<html lang="en"/);
    assert.match(home.html, /<option value="fr"/);
    const switched = await shopper.post(shopPath(a.vendor.code, '/language'), {
      lang: 'fr',
      next: shopPath(a.vendor.code, '/'),
    });
    assert.equal(switched.status, 303);
    const french = await shopper.get(shopPath(a.vendor.code));
    assert.match(french.html, /<html lang="fr"/);
    assert.match(french.html, /Produits à la une/);
    const category = await shopper.get(shopPath(a.vendor.code, `/categories/${a.categorySlug}`));
    assert.match(category.html, /Trier par/);
    assert.match(category.html, /<button type="submit" class="sf-button">Rechercher</);
    const product = await shopper.get(shopPath(a.vendor.code, `/products/${a.productSlug}`));
    assert.match(product.html, /Afficher/);
    await shopper.post(shopPath(a.vendor.code, '/language'), { lang: 'xx', next: shopPath(a.vendor.code, '/') });
    assert.match(
      (await shopper.get(shopPath(a.vendor.code))).html,
      /<html lang="fr"/,
      'an unknown language is ignored',
    );
    const single = await shopper.get(shopPath(b.vendor.code));
    assert.doesNotMatch(single.html, /name="lang"/, 'no switcher for a shop with one language');
  });

  it('changes the home page ETag when the CMS navigation changes', async () => {
    // One browser (its CSRF cookie is part of the page, in the language switcher).
    const browser = new FormSession(kernel);
    const etag = async () => (await browser.get(shopPath(a.vendor.code))).headers.get('etag');
    const before = await etag();
    assert.ok(before);
    await json(kernel, 'POST', '/api/v1/vendor/cms/pages', a.vendor.headers, {
      slug: 'our-story',
      status: 'published',
      showInHeader: true,
      translations: [{ language: 'en', title: 'Our story', content: 'Since 1998.' }],
    });
    const after = await etag();
    assert.notEqual(after, before);
    assert.equal(await etag(), after, 'stable while nothing changes');
    const res = await browser.get(shopPath(a.vendor.code), { 'if-none-match': String(after) });
    assert.equal(res.status, 304);
  });
});
