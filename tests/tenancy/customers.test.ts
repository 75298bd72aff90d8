import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestKernel, type TestKernel } from '../../kernel/testing/start-test-kernel.js';
import {
  createTestCustomer,
  createTestTeamMember,
  createTestVendor,
  type TestVendor,
} from '../../kernel/testing/tenants.js';
import { type Json, jsonCall } from '../support/json-call.js';

const json = { 'content-type': 'application/json' };

describe('customers on the vendor API', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  const call = jsonCall(() => kernel);
  const shopUrl = (s: TestVendor, path: string) => `/vendors/${s.code}/shop${path}`;
  const customerLogin = (s: TestVendor, email: string, password = 'customer-password') =>
    call('POST', shopUrl(s, '/api/v1/shop/auth/login'), json, { email, password });

  before(async () => {
    kernel = await startTestKernel();
    shop = await createTestVendor(kernel);
  });
  after(() => kernel.stop());

  it('deletes a customer softly: signed out, cannot sign in or register again, until restored', async () => {
    const customer = await createTestCustomer(kernel, shop.id, 'ada@example.com');
    const session = await customerLogin(shop, customer.email);
    assert.equal(session.status, 200);

    assert.equal((await call('DELETE', `/api/v1/vendor/customers/${customer.id}`, shop.headers)).status, 204);
    const refresh = await call('POST', shopUrl(shop, '/api/v1/shop/auth/refresh'), json, {
      refreshToken: session.body.refreshToken,
    });
    assert.equal(refresh.status, 401);
    const refused = await customerLogin(shop, customer.email);
    const unknown = await customerLogin(shop, 'nobody@example.com');
    assert.equal(refused.status, 401);
    assert.deepEqual([refused.body.code, refused.body.detail], [unknown.body.code, unknown.body.detail]);
    const again = await call('POST', shopUrl(shop, '/api/v1/shop/auth/register'), json, {
      email: 'ADA@example.com',
      password: 'another-password',
    });
    assert.deepEqual([again.status, again.body.code], [409, 'ORN_AUTH_EMAIL_TAKEN']);
    assert.equal((await call('DELETE', `/api/v1/vendor/customers/${customer.id}`, shop.headers)).status, 404);

    const restored = await call('POST', `/api/v1/vendor/customers/${customer.id}/restore`, shop.headers);
    assert.deepEqual([restored.status, restored.body.deletedAt], [200, null]);
    assert.equal((await customerLogin(shop, customer.email)).status, 200);
    assert.equal((await call('POST', `/api/v1/vendor/customers/${customer.id}/restore`, shop.headers)).status, 404);
  });

  it('lists customers without, with or only the deleted ones, with search and paging', async () => {
    const other = await createTestVendor(kernel);
    const kept = await createTestCustomer(kernel, other.id, 'kept@example.com');
    const gone = await createTestCustomer(kernel, other.id, 'gone@example.com');
    await call('DELETE', `/api/v1/vendor/customers/${gone.id}`, other.headers);
    const list = async (query: string) =>
      ((await call('GET', `/api/v1/vendor/customers${query}`, other.headers)).body.customers as Json[]).map(
        (c) => c.email,
      );
    assert.deepEqual(await list(''), ['kept@example.com']);
    assert.deepEqual(await list('?deleted=include'), ['gone@example.com', 'kept@example.com']);
    assert.deepEqual(await list('?deleted=only'), ['gone@example.com']);
    assert.deepEqual(await list('?search=KEPT&deleted=include'), ['kept@example.com']);
    const page = await call('GET', '/api/v1/vendor/customers?deleted=include&limit=1&offset=1', other.headers);
    assert.deepEqual([(page.body.customers as Json[]).map((c) => c.email), page.body.total], [['kept@example.com'], 2]);
    assert.equal((await call('GET', `/api/v1/vendor/customers/${kept.id}`, other.headers)).body.email, kept.email);
  });

  it('lets a viewer list customers but not delete them', async () => {
    const customer = await createTestCustomer(kernel, shop.id);
    const viewer = await createTestTeamMember(kernel, shop, 'viewer');
    assert.equal((await call('GET', '/api/v1/vendor/customers', viewer.headers)).status, 200);
    assert.equal((await call('DELETE', `/api/v1/vendor/customers/${customer.id}`, viewer.headers)).status, 403);
    assert.equal((await customerLogin(shop, customer.email)).status, 200);
  });

  it('records deletions and restores in the vendor audit log', async () => {
    const log = await call('GET', '/api/v1/vendor/audit-log?action=customer.', shop.headers);
    const actions = (log.body.entries as Json[]).map((e) => e.action);
    assert.ok(actions.includes('customer.deleted') && actions.includes('customer.restored'));
    const deleted = (log.body.entries as Json[]).find((e) => e.action === 'customer.deleted');
    assert.deepEqual(deleted?.before, { email: 'ada@example.com', deletedAt: null });
  });
});
