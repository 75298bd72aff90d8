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
import { type AddressBody, address, call, shopApi, VENDOR_API } from './helpers.js';

interface Entry {
  action: string;
  actor: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe("customer profiles: changes to a customer's data are in the vendor's audit log", () => {
  let kernel: TestKernel;
  let a: TestVendor;
  let b: TestVendor;
  let anna: { id: number; headers: Record<string, string> };
  const log = async (v: TestVendor) =>
    ((await call(kernel, 'GET', '/api/v1/vendor/audit-log', v.headers)).body.entries as Entry[]).filter((e) =>
      e.action.startsWith('customer-profiles.'),
    );

  before(async () => {
    kernel = await startTestKernel({ plugins: { roots: [], extraDirs: [pluginPackageDir(import.meta.url)] } });
    await enablePlugins(kernel, ['customer-profiles']);
    a = await createTestVendor(kernel);
    b = await createTestVendor(kernel);
    anna = await createTestCustomer(kernel, a.id);
  });
  after(() => kernel.stop());

  it('records who changed which fields, from what to what, and keeps notes out of the log', async () => {
    const customer = `${VENDOR_API}/customers/${anna.id}`;
    assert.equal(
      (await call(kernel, 'PATCH', customer, a.headers, { company: 'Atelier', phone: '+352 1' })).status,
      200,
    );
    assert.equal((await call(kernel, 'PUT', `${customer}/notes`, a.headers, { notes: 'secret remark' })).status, 200);
    const added = await call(kernel, 'POST', `${customer}/addresses`, a.headers, address('shipping'));
    assert.equal(added.status, 201);
    const id = (added.body as unknown as AddressBody).id;
    assert.equal((await call(kernel, 'DELETE', `${customer}/addresses/${id}`, a.headers)).status, 204);

    const entries = await log(a);
    assert.deepEqual(
      entries.map((e) => e.action),
      [
        'customer-profiles.address.deleted',
        'customer-profiles.address.created',
        'customer-profiles.notes.updated',
        'customer-profiles.profile.updated',
      ],
    );
    for (const e of entries) {
      assert.equal(e.targetId, String(anna.id));
      assert.match(e.actor, /^owner-/, 'the signed-in vendor user is the actor');
    }
    const profile = entries[3]!;
    assert.deepEqual(profile.before, { company: null, phone: null });
    assert.deepEqual(profile.after, { company: 'Atelier', phone: '+352 1' });
    assert.ok(!JSON.stringify(entries).includes('secret remark'), 'the notes text is not copied into the log');
    assert.deepEqual(await log(b), [], "another vendor's log shows none of it");
  });

  it("records the shopper's own consent change, with the shopper as the actor", async () => {
    const res = await call(kernel, 'PATCH', `${shopApi(a.code)}/me`, anna.headers, { marketing: { sms: true } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [latest] = await log(a);
    assert.equal(latest?.action, 'customer-profiles.profile.updated');
    assert.equal(latest?.actor, `customer:${anna.id}`);
    assert.equal((latest?.after?.marketing as { sms?: boolean } | undefined)?.sms, true);
  });
});
