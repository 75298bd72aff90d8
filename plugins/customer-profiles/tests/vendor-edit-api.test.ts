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

describe("customer profiles: the vendor API changes a customer's profile and addresses", () => {
  let kernel: TestKernel;
  let a: TestVendor;
  let b: TestVendor;
  let anna: { id: number; email: string; headers: Record<string, string> };
  let bob: { id: number; email: string; headers: Record<string, string> };
  let outsider: { id: number; headers: Record<string, string> };
  let outsiderAddress: number;
  let bobAddress: number;
  const customer = (id: number) => `${VENDOR_API}/customers/${id}`;
  const addressesOf = async (id: number, v = a) =>
    (await call(kernel, 'GET', customer(id), v.headers)).body.addresses as AddressBody[];

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['customer-profiles']);
    a = await createTestVendor(kernel);
    b = await createTestVendor(kernel);
    anna = await createTestCustomer(kernel, a.id, `anna-${process.pid}@example.com`);
    bob = await createTestCustomer(kernel, a.id, `bob-${process.pid}@example.com`);
    outsider = await createTestCustomer(kernel, b.id);
    const theirs = await call(kernel, 'POST', `${shopApi(b.code)}/addresses`, outsider.headers, address('shipping'));
    outsiderAddress = (theirs.body as unknown as AddressBody).id;
    const bobs = await call(kernel, 'POST', `${shopApi(a.code)}/addresses`, bob.headers, address('shipping'));
    bobAddress = (bobs.body as unknown as AddressBody).id;
  });
  after(() => kernel.stop());

  it('changes names, phone and profile fields, and the customer sees them', async () => {
    const res = await call(kernel, 'PATCH', customer(anna.id), a.headers, {
      firstName: ' Anna ',
      lastName: 'Muller',
      phone: '+352 621 123 456',
      company: 'Atelier Moselle',
      vatNumber: 'LU12345678',
      birthDate: '1990-04-25',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.firstName, 'Anna');
    assert.equal(res.body.phone, '+352 621 123 456');
    assert.equal(res.body.email, anna.email);
    const self = await call(kernel, 'GET', `${shopApi(a.code)}/me`, anna.headers);
    assert.deepEqual(
      [self.body.firstName, self.body.lastName, self.body.company, self.body.vatNumber, self.body.birthDate],
      ['Anna', 'Muller', 'Atelier Moselle', 'LU12345678', '1990-04-25'],
    );
    const cleared = await call(kernel, 'PATCH', customer(anna.id), a.headers, { phone: null, company: null });
    assert.deepEqual([cleared.body.phone, cleared.body.company, cleared.body.lastName], [null, null, 'Muller']);
  });

  it('refuses the email, the marketing consent and bad values with problem+json, changing nothing', async () => {
    for (const body of [
      { email: 'someone@example.com' },
      { marketing: { email: true } },
      { firstName: 'x'.repeat(101) },
      { phone: 'call me maybe' },
      { vatNumber: 'nope', firstName: 'Changed' },
      { birthDate: '1990-13-45' },
    ]) {
      const res = await call(kernel, 'PATCH', customer(anna.id), a.headers, body);
      assert.ok([400, 422].includes(res.status), `${JSON.stringify(body)}: ${res.status}`);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    }
    const view = await call(kernel, 'GET', customer(anna.id), a.headers);
    assert.deepEqual(
      [view.body.email, view.body.firstName, view.body.vatNumber, view.body.birthDate],
      [anna.email, 'Anna', 'LU12345678', '1990-04-25'],
    );
    assert.equal((view.body.marketing as { email: boolean }).email, false);
  });

  it("adds, changes, switches the default of and deletes a customer's addresses", async () => {
    const first = await call(kernel, 'POST', `${customer(anna.id)}/addresses`, a.headers, address('shipping'));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.isDefault, true, 'the first of its kind is the default');
    const second = await call(
      kernel,
      'POST',
      `${customer(anna.id)}/addresses`,
      a.headers,
      address('shipping', { line1: '3 place Guillaume', isDefault: true }),
    );
    assert.equal(second.body.isDefault, true);
    const changed = await call(kernel, 'PATCH', `${customer(anna.id)}/addresses/${first.body.id}`, a.headers, {
      city: 'Esch-sur-Alzette',
      postalCode: '4001',
      isDefault: true,
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(
      (await addressesOf(anna.id)).map((x) => [x.id, x.city, x.isDefault]),
      [
        [first.body.id, 'Esch-sur-Alzette', true],
        [second.body.id, 'Luxembourg', false],
      ],
    );
    const badPostal = await call(kernel, 'PATCH', `${customer(anna.id)}/addresses/${first.body.id}`, a.headers, {
      postalCode: 'ABC',
    });
    assert.deepEqual([badPostal.status, badPostal.body.code], [422, 'CUSTOMER_PROFILES_INVALID_ADDRESS']);
    const removed = await call(kernel, 'DELETE', `${customer(anna.id)}/addresses/${first.body.id}`, a.headers);
    assert.equal(removed.status, 204);
    assert.deepEqual(
      (await addressesOf(anna.id)).map((x) => [x.id, x.isDefault]),
      [[second.body.id, true]],
      'the other address took over as the default',
    );
  });

  it("answers 404 for another vendor's customer or address, and for another customer's address, on every new route", async () => {
    const cases: [string, string, unknown?][] = [
      ['PATCH', customer(outsider.id), { firstName: 'Mine' }],
      ['POST', `${customer(outsider.id)}/addresses`, address('billing')],
      ['PATCH', `${customer(outsider.id)}/addresses/${outsiderAddress}`, { city: 'Mine' }],
      ['DELETE', `${customer(outsider.id)}/addresses/${outsiderAddress}`],
      // Vendor a's own customer, with an address that is another vendor's or another customer's.
      ['PATCH', `${customer(anna.id)}/addresses/${outsiderAddress}`, { city: 'Mine' }],
      ['DELETE', `${customer(anna.id)}/addresses/${outsiderAddress}`],
      ['PATCH', `${customer(anna.id)}/addresses/${bobAddress}`, { city: 'Mine' }],
      ['DELETE', `${customer(anna.id)}/addresses/${bobAddress}`],
    ];
    for (const [method, path, body] of cases) {
      const res = await call(kernel, method, path, a.headers, body);
      assert.deepEqual([res.status, res.body.code], [404, 'CUSTOMER_PROFILES_NOT_FOUND'], `${method} ${path}`);
    }
    const theirs = await call(kernel, 'GET', customer(outsider.id), b.headers);
    assert.notEqual(theirs.body.firstName, 'Mine');
    assert.deepEqual(
      (theirs.body.addresses as AddressBody[]).map((x) => [x.id, x.city]),
      [[outsiderAddress, 'Luxembourg']],
    );
    assert.deepEqual(
      (await addressesOf(bob.id)).map((x) => [x.id, x.city]),
      [[bobAddress, 'Luxembourg']],
    );
  });

  it('refuses every change to a team member with only the view permission', async () => {
    const viewer = await createTestTeamMember(kernel, a, 'viewer');
    const cases: [string, string, unknown?][] = [
      ['PATCH', customer(bob.id), { firstName: 'Viewer' }],
      ['POST', `${customer(bob.id)}/addresses`, address('billing')],
      ['PATCH', `${customer(bob.id)}/addresses/${bobAddress}`, { city: 'Viewer' }],
      ['DELETE', `${customer(bob.id)}/addresses/${bobAddress}`],
    ];
    for (const [method, path, body] of cases) {
      const res = await call(kernel, method, path, viewer.headers, body);
      assert.deepEqual([res.status, res.body.code], [403, 'ORN_AUTH_FORBIDDEN'], `${method} ${path}`);
    }
    assert.equal((await call(kernel, 'GET', customer(bob.id), viewer.headers)).status, 200);
    assert.deepEqual(
      (await addressesOf(bob.id)).map((x) => x.city),
      ['Luxembourg'],
    );
  });

  it('documents the new routes in the OpenAPI document', async () => {
    const doc = (await (await kernel.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    assert.ok(doc.paths['/api/v1/vendor/customer-profiles/customers/{id}']?.patch);
    assert.ok(doc.paths['/api/v1/vendor/customer-profiles/customers/{id}/addresses']?.post);
    assert.ok(doc.paths['/api/v1/vendor/customer-profiles/customers/{id}/addresses/{addressId}']?.delete);
  });
});
