import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTestCustomer,
  createTestVendor,
  enablePlugins,
  pluginPackageDir,
  startTestKernel,
  type TestKernel,
  type TestVendor,
} from '@orion/sdk/testing';
import { type AddressBody, address, call, shopApi } from './helpers.js';

describe("customer profiles: the shopper's address pages in the shop", () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let anna: { id: number; headers: Record<string, string> };
  let rival: { id: number; headers: Record<string, string> };
  const pageUrl = () => `/vendors/${shop.code}/shop/customer-profiles/addresses`;
  const get = (headers: Record<string, string> = anna.headers) =>
    kernel.request(pageUrl(), { headers, redirect: 'manual' });
  const post = (p: string, fields: Record<string, string>, headers = anna.headers) =>
    kernel.request(`${pageUrl()}${p}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
  const addresses = async (who = anna) =>
    (await call(kernel, 'GET', `${shopApi(shop.code)}/addresses`, who.headers)).body.addresses as AddressBody[];

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['customer-profiles']);
    shop = await createTestVendor(kernel);
    anna = await createTestCustomer(kernel, shop.id);
    rival = await createTestCustomer(kernel, shop.id);
  });
  after(() => kernel.stop());

  it('sends a shopper who is not signed in to the sign-in page, and back here after', async () => {
    const res = await get({});
    assert.equal(res.status, 303);
    assert.equal(
      res.headers.get('location'),
      `/vendors/${shop.code}/shop/account/login?next=${encodeURIComponent(pageUrl())}`,
    );
  });

  it('adds an address from the form, and re-renders it with the field errors, saving nothing, when it is wrong', async () => {
    const page = await get();
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<h1 class="sf-heading text-3xl">My addresses<\/h1>/);
    assert.match(html, /<label for="address-postalCode"/);

    const wrong = await post('', {
      kind: 'shipping',
      fullName: 'Anna',
      line1: '1 rue',
      city: 'Lux',
      country: 'LU',
      postalCode: '12',
    });
    assert.equal(wrong.status, 422);
    const body = await wrong.text();
    assert.match(body, /aria-invalid="true"[^>]*aria-describedby="address-postalCode-error"/);
    assert.match(body, /is not a LU postal code/);
    assert.match(body, /value="Anna"/, 'what was typed is kept');
    assert.deepEqual(await addresses(), [], 'nothing saved');

    const fields = Object.fromEntries(Object.entries(address('shipping')).map(([k, v]) => [k, String(v)]));
    const ok = await post('', fields);
    assert.equal(ok.status, 303);
    const [saved] = await addresses();
    assert.equal(saved?.line1, '12 rue de la Gare');
    assert.equal(saved?.isDefault, true, 'the first of its kind is the default');
    assert.match(await (await get()).text(), /12 rue de la Gare/);
  });

  it('makes another address the default and deletes one, and cannot touch another customer’s', async () => {
    const second = Object.fromEntries(
      Object.entries(address('shipping', { line1: '3 Grand-Rue' })).map(([k, v]) => [k, String(v)]),
    );
    await post('', second);
    const before = await addresses();
    const grandRue = before.find((a) => a.line1 === '3 Grand-Rue') as AddressBody;
    assert.equal(grandRue.isDefault, false);
    assert.equal((await post(`/${grandRue.id}/default`, {})).status, 303);
    assert.equal((await addresses()).find((a) => a.id === grandRue.id)?.isDefault, true);

    const rivalsTry = await post(`/${grandRue.id}/delete`, {}, rival.headers);
    assert.equal(rivalsTry.status, 303);
    assert.equal((await addresses()).length, 2, "another customer's request deletes nothing");

    await post(`/${grandRue.id}/delete`, {});
    const after = await addresses();
    assert.deepEqual(
      after.map((a) => [a.line1, a.isDefault]),
      [['12 rue de la Gare', true]],
      'the other address takes over as the default',
    );
  });
});
