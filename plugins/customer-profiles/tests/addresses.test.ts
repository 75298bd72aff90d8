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

describe('customer profiles: a customer manages their addresses and profile', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  let api: string;
  let me: Record<string, string>;

  const addresses = async () =>
    ((await call(kernel, 'GET', `${api}/addresses`, me)).body.addresses as AddressBody[]).map(
      (a) => `${a.kind}:${a.city}${a.isDefault ? '*' : ''}`,
    );

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['customer-profiles']);
    shop = await createTestVendor(kernel);
    api = shopApi(shop.code);
    me = (await createTestCustomer(kernel, shop.id)).headers;
  });
  after(() => kernel.stop());

  it('answers 401 to a visitor who is not signed in', async () => {
    assert.equal((await call(kernel, 'GET', `${api}/me`)).status, 401);
    assert.equal((await call(kernel, 'GET', `${api}/addresses`)).status, 401);
  });

  it('makes the first address of each kind its default, and switches the default on request', async () => {
    const first = await call(kernel, 'POST', `${api}/addresses`, me, address('shipping', { city: 'Esch' }));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.isDefault, true);
    await call(kernel, 'POST', `${api}/addresses`, me, address('shipping', { city: 'Ettelbruck' }));
    await call(kernel, 'POST', `${api}/addresses`, me, address('billing', { city: 'Differdange' }));
    assert.deepEqual(await addresses(), ['shipping:Esch*', 'shipping:Ettelbruck', 'billing:Differdange*']);

    const list = (await call(kernel, 'GET', `${api}/addresses`, me)).body.addresses as AddressBody[];
    const ettelbruck = list.find((a) => a.city === 'Ettelbruck')!;
    const switched = await call(kernel, 'PATCH', `${api}/addresses/${ettelbruck.id}`, me, { isDefault: true });
    assert.equal(switched.status, 200, JSON.stringify(switched.body));
    assert.deepEqual(await addresses(), ['shipping:Ettelbruck*', 'shipping:Esch', 'billing:Differdange*']);

    const added = await call(
      kernel,
      'POST',
      `${api}/addresses`,
      me,
      address('billing', { city: 'Wiltz', isDefault: true }),
    );
    assert.equal(added.body.isDefault, true);
    assert.deepEqual(await addresses(), [
      'shipping:Ettelbruck*',
      'shipping:Esch',
      'billing:Wiltz*',
      'billing:Differdange',
    ]);

    assert.equal((await call(kernel, 'DELETE', `${api}/addresses/${ettelbruck.id}`, me)).status, 204);
    assert.deepEqual(await addresses(), ['shipping:Esch*', 'billing:Wiltz*', 'billing:Differdange']);
  });

  it('refuses an address without its required fields, with a bad country or a postal code of another format', async () => {
    const missing = await call(kernel, 'POST', `${api}/addresses`, me, { kind: 'shipping', country: 'LU' });
    assert.equal(missing.status, 422);
    const fields = Object.keys(missing.body.errors as object).sort();
    assert.deepEqual(fields, ['city', 'fullName', 'line1']);

    const country = await call(kernel, 'POST', `${api}/addresses`, me, address('shipping', { country: 'XX' }));
    assert.equal(country.status, 422);
    assert.match(String((country.body.errors as Record<string, string>).country), /ISO 3166-1 alpha-2/);

    const postal = await call(
      kernel,
      'POST',
      `${api}/addresses`,
      me,
      address('shipping', { country: 'DE', postalCode: '1234' }),
    );
    assert.deepEqual(postal.body.errors, { postalCode: 'is not a DE postal code (such as 10115)' });

    const lower = await call(
      kernel,
      'POST',
      `${api}/addresses`,
      me,
      address('billing', { country: 'de', postalCode: '10115' }),
    );
    assert.deepEqual([lower.status, lower.body.country], [201, 'DE'], 'a lower-case code is accepted as upper case');

    const id = lower.body.id as number;
    const patch = await call(kernel, 'PATCH', `${api}/addresses/${id}`, me, { country: 'NL' });
    assert.deepEqual([patch.status, patch.body.code], [422, 'CUSTOMER_PROFILES_INVALID_ADDRESS']);
  });

  it("never lets a customer reach another customer's address", async () => {
    const other = (await createTestCustomer(kernel, shop.id)).headers;
    const theirs = await call(kernel, 'POST', `${api}/addresses`, other, address('shipping'));
    const id = theirs.body.id as number;
    for (const [method, body] of [
      ['PATCH', { city: 'Hijacked' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(kernel, method, `${api}/addresses/${id}`, me, body);
      assert.deepEqual([res.status, res.body.code], [404, 'CUSTOMER_PROFILES_NOT_FOUND']);
    }
    const still = (await call(kernel, 'GET', `${api}/addresses`, other)).body.addresses as AddressBody[];
    assert.equal(still[0]?.city, 'Luxembourg');
  });

  it('keeps profile fields and marketing consent, with the time consent last changed', async () => {
    const before = await call(kernel, 'GET', `${api}/me`, me);
    assert.deepEqual(before.body.marketing, { email: false, sms: false, updatedAt: null });
    const res = await call(kernel, 'PATCH', `${api}/me`, me, {
      company: 'Acme Sàrl',
      birthDate: '1990-04-25',
      vatNumber: 'LU12345678',
      marketing: { email: true },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.company, 'Acme Sàrl');
    assert.equal(res.body.birthDate, '1990-04-25');
    const marketing = res.body.marketing as { email: boolean; sms: boolean; updatedAt: string | null };
    assert.deepEqual([marketing.email, marketing.sms], [true, false]);
    assert.ok(marketing.updatedAt, 'the consent change is timed');
    assert.equal('notes' in res.body, false, "the vendor's notes are never shown to the customer");
    const bad = await call(kernel, 'PATCH', `${api}/me`, me, { birthDate: '25/04/1990' });
    assert.equal(bad.status, 422);
  });
});
