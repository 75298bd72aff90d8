import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  asSystem,
  createTestCustomer,
  createTestTeamMember,
  createTestVendor,
  enablePlugins,
  missingEnglishKeys,
  pluginPackageDir,
  startTestKernel,
  strayKeys,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { messages } from '../src/locales/index.js';
import { address, call, shopApi, VENDOR_API } from './helpers.js';

describe('customer profiles: vendor pages', () => {
  let kernel: TestKernel;
  let a: TestVendor;
  let b: TestVendor;
  let anna: { id: number; email: string; headers: Record<string, string> };
  let bob: { id: number; email: string };
  let outsider: { id: number; email: string };
  let pages: string;
  const auth = (v: TestVendor) => ({ authorization: v.headers.authorization as string });
  const page = (p: string, headers: Record<string, string> = {}, v = a) =>
    kernel.request(`/vendor/${v.code}/customer-profiles${p}`, { headers: { ...auth(v), ...headers } });
  const post = (p: string, fields: Record<string, string>, v = a) =>
    kernel.request(`/vendor/${v.code}/customer-profiles${p}`, {
      method: 'POST',
      headers: { ...auth(v), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
  const notesOf = async (id: number, v = a) =>
    (await call(kernel, 'GET', `${VENDOR_API}/customers/${id}`, v.headers)).body.notes;

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['customer-profiles']);
    a = await createTestVendor(kernel, { languages: ['en', 'fr', 'de'] });
    b = await createTestVendor(kernel);
    pages = `/vendor/${a.code}/customer-profiles`;
    anna = await createTestCustomer(kernel, a.id, `anna-${process.pid}@example.com`);
    bob = await createTestCustomer(kernel, a.id, `bob-${process.pid}@example.com`);
    outsider = await createTestCustomer(kernel, b.id, `outsider-${process.pid}@example.com`);
    await asSystem(kernel, async (db) => {
      await db('customers').where({ id: anna.id }).update({ first_name: 'Anna', last_name: 'Muller' });
      await db('customers').where({ id: bob.id }).update({ first_name: 'Bob', last_name: 'Schmit' });
      // Enough customers for a second page of 25.
      await db('customers').insert(
        Array.from({ length: 25 }, (_, i) => ({ vendor_id: a.id, email: `filler-${i}-${process.pid}@example.com` })),
      );
    });
    await call(kernel, 'PATCH', `${shopApi(a.code)}/me`, anna.headers, {
      company: 'Atelier Moselle',
      marketing: { email: true, sms: false },
    });
    await call(kernel, 'POST', `${shopApi(a.code)}/addresses`, anna.headers, address('shipping'));
  });
  after(() => kernel.stop());

  it('lists customers newest first, in pages, with a search by name, email or company', async () => {
    const res = await page('');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1[^>]*>Customers<\/h1>/);
    assert.match(html, /27 customers/);
    assert.match(html, /1–25 of 27/);
    assert.match(html, /href="[^"]*\/customer-profiles\/export\.csv"/);
    assert.doesNotMatch(html, /outsider-/, "another vendor's customer is never listed");
    const second = await (await page('?page=2')).text();
    assert.match(second, /26–27 of 27/);
    assert.match(second, /Anna Muller/, 'the oldest customers are on the last page');

    const byName = await (await page('?q=schmit')).text();
    assert.match(byName, /Bob Schmit/);
    assert.doesNotMatch(byName, /Anna Muller/);
    const byEmail = await (await page(`?q=anna-${process.pid}`)).text();
    assert.match(byEmail, /Anna Muller/);
    assert.doesNotMatch(byEmail, /Bob Schmit/);
    assert.match(await (await page('?q=moselle')).text(), /Anna Muller/, 'the company matches too');
    const none = await (await page(`?q=outsider-${process.pid}`)).text();
    assert.match(none, /No customer matches/);
  });

  it('shows a customer with profile, consent and addresses', async () => {
    const res = await page(`/${anna.id}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1[^>]*>Anna Muller<\/h1>/);
    assert.match(html, /Atelier Moselle/);
    assert.match(html, /12 rue de la Gare/);
    assert.match(html, /Agreed/);
    assert.match(html, /<textarea id="field-notes" name="notes"/);
    assert.doesNotMatch(html, /<h2[^>]*>Orders</, 'no orders section without the orders plugin');
  });

  it('saves notes with the form, and re-renders too long notes with the error, changing nothing', async () => {
    const saved = await post(`/${bob.id}/notes`, { notes: 'Prefers pickup\r\nCall first' });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), `${pages}/${bob.id}`);
    assert.equal(await notesOf(bob.id), 'Prefers pickup\nCall first');
    assert.match(await (await page(`/${bob.id}`)).text(), /Prefers pickup/);

    const tooLong = await post(`/${bob.id}/notes`, { notes: 'x'.repeat(5001) });
    assert.equal(tooLong.status, 422);
    const html = await tooLong.text();
    assert.match(html, /Keep the notes under 5,000 characters \(now 5001\)\./);
    assert.match(html, /aria-invalid="true"/);
    assert.equal(await notesOf(bob.id), 'Prefers pickup\nCall first');
  });

  it("answers 404 for another vendor's customer, and never changes its notes", async () => {
    assert.equal((await page(`/${outsider.id}`)).status, 404);
    assert.equal((await post(`/${outsider.id}/notes`, { notes: 'Mine now' })).status, 404);
    assert.equal(await notesOf(outsider.id, b), '');
    assert.equal((await page('/not-a-number')).status, 404);
  });

  it('shows a viewer the notes without a form, and refuses a posted change', async () => {
    const viewer = await createTestTeamMember(kernel, a, 'viewer');
    const asViewer = { authorization: viewer.headers.authorization as string };
    const html = await (await kernel.request(`${pages}/${bob.id}`, { headers: asViewer })).text();
    assert.match(html, /Prefers pickup/);
    assert.doesNotMatch(html, /<textarea/);
    const res = await kernel.request(`${pages}/${bob.id}/notes`, {
      method: 'POST',
      headers: { ...asViewer, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'notes=Gone',
    });
    assert.equal(res.status, 403);
    assert.equal(await notesOf(bob.id), 'Prefers pickup\nCall first');
  });

  it("exports the vendor's customers as CSV from the dashboard", async () => {
    const res = await page('/export.csv');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
    const csv = await res.text();
    assert.match(csv, new RegExp(anna.email));
    assert.doesNotMatch(csv, /outsider-/);
  });

  it('speaks French and German, and English has every key the pages use', async () => {
    assert.match(await (await page('', { 'accept-language': 'fr' })).text(), /Exporter en CSV/);
    assert.match(await (await page(`/${anna.id}`, { 'accept-language': 'de' })).text(), /Notizen für Ihr Team/);
    assert.deepEqual(missingEnglishKeys(messages, path.join(pluginPackageDir(import.meta.url), 'src')), []);
    assert.deepEqual(strayKeys(messages, 'fr'), []);
    assert.deepEqual(strayKeys(messages, 'de'), []);
  });
});
