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
import { address, call, shopApi, VENDOR_API } from './helpers.js';

describe('customer profiles: the vendor lists, views, annotates and exports customers', () => {
  let kernel: TestKernel;
  let a: TestVendor;
  let b: TestVendor;
  let anna: { id: number; email: string; headers: Record<string, string> };
  let bob: { id: number; email: string; headers: Record<string, string> };
  let outsider: { id: number };

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['customer-profiles']);
    a = await createTestVendor(kernel);
    b = await createTestVendor(kernel);
    anna = await createTestCustomer(kernel, a.id, `anna-${process.pid}@example.com`);
    bob = await createTestCustomer(kernel, a.id, `bob-${process.pid}@example.com`);
    outsider = await createTestCustomer(kernel, b.id);
    const api = shopApi(a.code);
    await call(kernel, 'PATCH', `${api}/me`, anna.headers, {
      company: 'Atelier, "Moselle"',
      marketing: { email: true },
    });
    await call(kernel, 'POST', `${api}/addresses`, anna.headers, address('shipping'));
    await call(
      kernel,
      'POST',
      `${api}/addresses`,
      anna.headers,
      address('billing', { city: 'Esch-sur-Alzette', postalCode: '4001' }),
    );
  });
  after(() => kernel.stop());

  it('lists and searches customers with their profiles', async () => {
    const all = await call(kernel, 'GET', `${VENDOR_API}/customers`, a.headers);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.equal(all.body.total, 2);
    const found = await call(kernel, 'GET', `${VENDOR_API}/customers?search=moselle`, a.headers);
    assert.deepEqual(
      (found.body.customers as { email: string }[]).map((c) => c.email),
      [anna.email],
    );
  });

  it('shows one customer with addresses, and keeps notes the customer never sees', async () => {
    const notes = await call(kernel, 'PUT', `${VENDOR_API}/customers/${bob.id}/notes`, a.headers, {
      notes: 'Prefers pickup',
    });
    assert.equal(notes.status, 200, JSON.stringify(notes.body));
    const view = await call(kernel, 'GET', `${VENDOR_API}/customers/${anna.id}`, a.headers);
    assert.deepEqual(
      (view.body.addresses as { kind: string; isDefault: boolean }[]).map((x) => [x.kind, x.isDefault]),
      [
        ['shipping', true],
        ['billing', true],
      ],
    );
    const bobView = await call(kernel, 'GET', `${VENDOR_API}/customers/${bob.id}`, a.headers);
    assert.equal(bobView.body.notes, 'Prefers pickup');
    const bobSelf = await call(kernel, 'GET', `${shopApi(a.code)}/me`, bob.headers);
    assert.equal('notes' in bobSelf.body, false);
  });

  it('exports every customer as CSV, with quoting and default addresses', async () => {
    const res = await call(kernel, 'GET', `${VENDOR_API}/customers/export.csv`, a.headers);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="customers-/);
    const lines = res.text.trimEnd().split('\r\n');
    assert.equal(
      lines[0],
      'customer_id,email,first_name,last_name,phone,company,vat_number,birth_date,marketing_email,marketing_sms,shipping_address,billing_address,notes',
    );
    assert.equal(lines.length, 3);
    assert.equal(
      lines[1],
      `${anna.id},${anna.email},,,,"Atelier, ""Moselle""",,,true,false,"Anna Muller, 12 rue de la Gare, L-1611 Luxembourg, LU","Anna Muller, 12 rue de la Gare, 4001 Esch-sur-Alzette, LU",`,
    );
    assert.ok(lines[2]?.startsWith(`${bob.id},${bob.email},`));
    assert.ok(lines[2]?.endsWith(',false,false,,,Prefers pickup'));
  });

  it("answers 404 for another vendor's customer on every route, and keeps it out of lists and exports", async () => {
    for (const [method, path, body] of [
      ['GET', `/customers/${outsider.id}`],
      ['PUT', `/customers/${outsider.id}/notes`, { notes: 'x' }],
    ] as const) {
      const res = await call(kernel, method, `${VENDOR_API}${path}`, a.headers, body);
      assert.deepEqual([res.status, res.body.code], [404, 'CUSTOMER_PROFILES_NOT_FOUND'], `${method} ${path}`);
    }
    const bList = await call(kernel, 'GET', `${VENDOR_API}/customers`, b.headers);
    assert.deepEqual(
      (bList.body.customers as { customerId: number }[]).map((c) => c.customerId),
      [outsider.id],
    );
    const bCsv = await call(kernel, 'GET', `${VENDOR_API}/customers/export.csv`, b.headers);
    assert.equal(bCsv.text.includes(anna.email), false);
  });

  it('needs the view permission to list or export and the edit permission for notes', async () => {
    const viewer = await createTestTeamMember(kernel, a, 'viewer');
    assert.equal((await call(kernel, 'GET', `${VENDOR_API}/customers`, viewer.headers)).status, 200);
    assert.equal((await call(kernel, 'GET', `${VENDOR_API}/customers/export.csv`, viewer.headers)).status, 200);
    const notes = await call(kernel, 'PUT', `${VENDOR_API}/customers/${bob.id}/notes`, viewer.headers, { notes: 'x' });
    assert.deepEqual([notes.status, notes.body.code], [403, 'ORN_AUTH_FORBIDDEN']);
    const support = await createTestTeamMember(kernel, a, 'support');
    assert.equal((await call(kernel, 'GET', `${VENDOR_API}/customers/export.csv`, support.headers)).status, 403);
  });

  it('documents its shop and vendor routes in the OpenAPI document', async () => {
    const res = await kernel.request('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { paths: Record<string, object> };
    for (const path of [
      '/api/v1/vendor/customer-profiles/customers',
      '/api/v1/vendor/customer-profiles/customers/{id}/notes',
      '/api/v1/shop/customer-profiles/me',
      '/api/v1/shop/customer-profiles/addresses/{id}',
    ]) {
      assert.ok(doc.paths[path], `${path} is documented`);
    }
  });
});
