import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTestCustomer,
  createTestTeamMember,
  createTestVendor,
  enablePlugins,
  pluginPackageDir,
  startTestKernel,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { type AddressBody, address, call, shopApi, VENDOR_API } from './helpers.js';

describe("customer profiles: vendor pages edit a customer's profile and addresses", () => {
  let kernel: TestKernel;
  let a: TestVendor;
  let b: TestVendor;
  let anna: { id: number; email: string; headers: Record<string, string> };
  let outsider: { id: number; headers: Record<string, string> };
  let outsiderAddress: number;
  let pages: string;
  const auth = (headers: Record<string, string>) => ({ authorization: headers.authorization as string });
  const page = (p: string, headers: Record<string, string> = {}, v = a) =>
    kernel.request(`/vendor/${v.code}/customer-profiles${p}`, { headers: { ...auth(v.headers), ...headers } });
  const post = (p: string, fields: Record<string, string>, headers = a.headers) =>
    kernel.request(`/vendor/${a.code}/customer-profiles${p}`, {
      method: 'POST',
      headers: { ...auth(headers), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
  const profileOf = async (id: number, v = a) =>
    (await call(kernel, 'GET', `${VENDOR_API}/customers/${id}`, v.headers)).body;
  const addressesOf = async (id: number, v = a) => (await profileOf(id, v)).addresses as AddressBody[];
  const form = (extra: Record<string, string> = {}) => ({
    kind: 'shipping',
    fullName: 'Anna Muller',
    company: '',
    line1: '12 rue de la Gare',
    line2: '',
    postalCode: 'L-1611',
    city: 'Luxembourg',
    country: 'LU',
    phone: '',
    ...extra,
  });

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['customer-profiles']);
    a = await createTestVendor(kernel, { languages: ['en', 'fr', 'de'] });
    b = await createTestVendor(kernel);
    pages = `/vendor/${a.code}/customer-profiles`;
    anna = await createTestCustomer(kernel, a.id, `anna-${process.pid}@example.com`);
    outsider = await createTestCustomer(kernel, b.id);
    const theirs = await call(kernel, 'POST', `${shopApi(b.code)}/addresses`, outsider.headers, address('shipping'));
    outsiderAddress = (theirs.body as unknown as AddressBody).id;
  });
  after(() => kernel.stop());

  it('edits the profile with the form, and says the consent is the customer’s', async () => {
    const detail = await (await page(`/${anna.id}`)).text();
    assert.match(detail, new RegExp(`href="${pages}/${anna.id}/edit"`));
    assert.match(detail, /Only the customer can change their marketing consent/);
    const editor = await page(`/${anna.id}/edit`);
    assert.equal(editor.status, 200);
    const html = await editor.text();
    assert.match(html, /name="firstName"/);
    assert.doesNotMatch(html, /name="email"/, 'the email is not editable');
    assert.doesNotMatch(html, /name="marketing/, 'the consent is not editable');

    const saved = await post(`/${anna.id}/edit`, {
      firstName: 'Anna',
      lastName: 'Muller',
      phone: '+352 621 123 456',
      company: 'Atelier Moselle',
      vatNumber: 'lu 1234 5678',
      birthDate: '1990-04-25',
    });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), `${pages}/${anna.id}`);
    const p = await profileOf(anna.id);
    assert.deepEqual(
      [p.firstName, p.lastName, p.phone, p.company, p.vatNumber, p.birthDate, p.email],
      ['Anna', 'Muller', '+352 621 123 456', 'Atelier Moselle', 'LU12345678', '1990-04-25', anna.email],
    );
    const cookie = saved.headers.get('set-cookie')?.match(/orion_flash=[^;]*/)?.[0] ?? '';
    assert.match(await (await page(`/${anna.id}`, { cookie })).text(), /Profile saved\./);
  });

  it('re-renders the profile form with each field’s error and a 422, saving nothing', async () => {
    const res = await post(`/${anna.id}/edit`, {
      firstName: 'Changed',
      lastName: 'x'.repeat(101),
      phone: 'call me',
      company: 'Other',
      vatNumber: '12-345',
      birthDate: '1990-13-45',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /Keep the last name under 100 characters\./);
    assert.match(html, /Enter a phone number such as/);
    assert.match(html, /Enter a VAT number such as LU12345678\./);
    assert.match(html, /Enter a date such as 1990-04-25\./);
    assert.match(html, /value="12-345"/);
    assert.match(html, /value="Changed"/, 'what was typed stays in the form');
    const p = await profileOf(anna.id);
    assert.deepEqual([p.firstName, p.company, p.vatNumber], ['Anna', 'Atelier Moselle', 'LU12345678']);
  });

  it('adds, edits, makes default and deletes addresses from the pages', async () => {
    assert.equal((await page(`/${anna.id}/addresses/new`)).status, 200);
    assert.equal((await post(`/${anna.id}/addresses`, form())).status, 303);
    const added = await post(`/${anna.id}/addresses`, form({ line1: '3 place Guillaume', postalCode: '1648' }));
    assert.equal(added.status, 303);
    assert.equal(added.headers.get('location'), `${pages}/${anna.id}`);
    let list = await addressesOf(anna.id);
    assert.deepEqual(
      list.map((x) => [x.line1, x.isDefault]),
      [
        ['12 rue de la Gare', true],
        ['3 place Guillaume', false],
      ],
    );
    const [first, second] = list as [AddressBody, AddressBody];

    const bad = await post(`/${anna.id}/addresses`, form({ postalCode: '99', city: '' }));
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /Enter the city/);
    assert.match(badHtml, /value="99"/);
    assert.equal((await addressesOf(anna.id)).length, 2, 'a refused address is not saved');

    const editor = await (await page(`/${anna.id}/addresses/${second.id}/edit`)).text();
    assert.match(editor, /value="3 place Guillaume"/);
    const edited = await post(`/${anna.id}/addresses/${second.id}/edit`, form({ line1: '5 place Guillaume' }));
    assert.equal(edited.status, 303);
    const badEdit = await post(`/${anna.id}/addresses/${second.id}/edit`, form({ country: 'XX' }));
    assert.equal(badEdit.status, 422);
    assert.match(await badEdit.text(), /Enter a two-letter country code/);

    assert.equal((await post(`/${anna.id}/addresses/${second.id}/default`, {})).status, 303);
    list = await addressesOf(anna.id);
    assert.deepEqual(
      list.map((x) => [x.id, x.line1, x.isDefault]),
      [
        [second.id, '5 place Guillaume', true],
        [first.id, '12 rue de la Gare', false],
      ],
    );

    const confirm = await page(`/${anna.id}/addresses/${second.id}/delete`);
    assert.equal(confirm.status, 200);
    const question = await confirm.text();
    assert.match(question, /role="alertdialog"/);
    assert.match(question, /Delete this address\?/);
    assert.equal((await addressesOf(anna.id)).length, 2, 'asking deletes nothing');
    assert.equal((await post(`/${anna.id}/addresses/${second.id}/delete`, {})).status, 303);
    assert.deepEqual(
      (await addressesOf(anna.id)).map((x) => [x.id, x.isDefault]),
      [[first.id, true]],
      'the remaining address is the default again',
    );
  });

  it("answers 404 for another vendor's customer or address on every edit page, changing nothing", async () => {
    const mine = (await addressesOf(anna.id))[0] as AddressBody;
    const theirs = `/${outsider.id}/addresses/${outsiderAddress}`;
    for (const p of [`/${outsider.id}/edit`, `/${outsider.id}/addresses/new`, `${theirs}/edit`, `${theirs}/delete`]) {
      assert.equal((await page(p)).status, 404, `GET ${p}`);
    }
    for (const p of [
      `/${anna.id}/addresses/${outsiderAddress}/edit`,
      `/${anna.id}/addresses/${outsiderAddress}/delete`,
    ]) {
      assert.equal((await page(p)).status, 404, `GET ${p}`);
    }
    const posts: [string, Record<string, string>][] = [
      [`/${outsider.id}/edit`, { firstName: 'Mine' }],
      [`/${outsider.id}/addresses`, form()],
      [`${theirs}/edit`, form({ city: 'Mine' })],
      [`${theirs}/default`, {}],
      [`${theirs}/delete`, {}],
      [`/${anna.id}/addresses/${outsiderAddress}/edit`, form({ city: 'Mine' })],
      [`/${anna.id}/addresses/${outsiderAddress}/delete`, {}],
      [`/${outsider.id}/addresses/${mine.id}/delete`, {}],
    ];
    for (const [p, fields] of posts) assert.equal((await post(p, fields)).status, 404, `POST ${p}`);
    const other = await profileOf(outsider.id, b);
    assert.notEqual(other.firstName, 'Mine');
    assert.deepEqual(
      (other.addresses as AddressBody[]).map((x) => [x.id, x.city]),
      [[outsiderAddress, 'Luxembourg']],
    );
    assert.equal((await addressesOf(anna.id)).length, 1);
  });

  it('shows a viewer no edit links and answers 403 on every edit page', async () => {
    const viewer = await createTestTeamMember(kernel, a, 'viewer');
    const asViewer = auth(viewer.headers);
    const detail = await (await kernel.request(`${pages}/${anna.id}`, { headers: asViewer })).text();
    assert.doesNotMatch(detail, /\/edit"/);
    assert.doesNotMatch(detail, /\/addresses\/new"/);
    const mine = (await addressesOf(anna.id))[0] as AddressBody;
    const at = `/${anna.id}/addresses/${mine.id}`;
    for (const p of [`/${anna.id}/edit`, `/${anna.id}/addresses/new`, `${at}/edit`, `${at}/delete`]) {
      assert.equal((await kernel.request(`${pages}${p}`, { headers: asViewer })).status, 403, `GET ${p}`);
    }
    const posts: [string, Record<string, string>][] = [
      [`/${anna.id}/edit`, { firstName: 'Viewer' }],
      [`/${anna.id}/addresses`, form()],
      [`${at}/edit`, form({ city: 'Viewer' })],
      [`${at}/default`, {}],
      [`${at}/delete`, {}],
    ];
    for (const [p, fields] of posts) assert.equal((await post(p, fields, viewer.headers)).status, 403, `POST ${p}`);
    assert.equal((await profileOf(anna.id)).firstName, 'Anna');
    assert.deepEqual(
      (await addressesOf(anna.id)).map((x) => x.city),
      ['Luxembourg'],
    );
  });

  it('speaks French and German on the edit pages', async () => {
    assert.match(await (await page(`/${anna.id}/edit`, { 'accept-language': 'fr' })).text(), /Enregistrer le profil/);
    const de = await (await page(`/${anna.id}`, { 'accept-language': 'de' })).text();
    assert.match(de, /Profil bearbeiten/);
    assert.match(de, /Nur der Kunde kann seine Marketing-Einwilligung ändern/);
    assert.match(
      await (await page(`/${anna.id}/addresses/new`, { 'accept-language': 'de' })).text(),
      /Adresse speichern/,
    );
  });
});
