import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Knex } from 'knex';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenant-scope.js';
import { createTestDatabase } from '../testing/test-database.js';
import { consumeToken, findToken, issueToken } from './one-time-tokens.js';
import { hashSecret } from './sessions.js';

describe('one-time tokens', () => {
  let db: Database;
  // auth_tokens is a tenant table: these tests act as the system does, across vendors.
  const sys = <T>(fn: (k: Knex) => Promise<T>) => withTenant(db.knex, { bypass: true, reason: 'test' }, fn);
  let userId: number;
  let vendorId: number;

  before(async () => {
    db = await createTestDatabase();
    const knex = db.knex;
    [{ id: userId }] = await knex('users').insert({ email: 'ott@example.com', role: 'vendor_user' }).returning('id');
    const [{ id: companyId }] = await knex('companies').insert({ name: 'C' }).returning('id');
    [{ id: vendorId }] = await knex('vendors')
      .insert({ code: 'ott', name: 'V', company_id: companyId })
      .returning('id');
  });
  after(() => db.close());

  it('stores only the hash, and works once', async () => {
    const { token, expiresAt } = await sys((k) => issueToken(k, 'password_reset', { userId }, 60));
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(expiresAt.getTime() > Date.now());
    const row = await sys((k) =>
      k('auth_tokens')
        .where({ token_hash: hashSecret(token) })
        .first(),
    );
    assert.ok(row);
    assert.ok(!JSON.stringify(row).includes(token));
    assert.equal((await sys((k) => findToken(k, 'password_reset', token)))?.userId, userId);
    assert.equal(await sys((k) => findToken(k, 'invitation', token)), undefined, 'another purpose');
    assert.equal((await sys((k) => consumeToken(k, 'password_reset', token)))?.userId, userId);
    assert.equal(await sys((k) => consumeToken(k, 'password_reset', token)), undefined);
    assert.equal(await sys((k) => findToken(k, 'password_reset', token)), undefined);
  });

  it('refuses an expired token', async () => {
    const { token } = await sys((k) => issueToken(k, 'password_reset', { userId }, 60));
    await sys((k) =>
      k('auth_tokens')
        .where({ token_hash: hashSecret(token) })
        .update({ expires_at: new Date(Date.now() - 1) }),
    );
    assert.equal(await sys((k) => consumeToken(k, 'password_reset', token)), undefined);
  });

  it('replaces earlier unused tokens of the same purpose, subject and vendor, not others', async () => {
    const first = await sys((k) => issueToken(k, 'password_reset', { userId }, 60));
    const invitation = await sys((k) => issueToken(k, 'invitation', { userId, vendorId }, 60));
    const second = await sys((k) => issueToken(k, 'password_reset', { userId }, 60));
    assert.equal(await sys((k) => findToken(k, 'password_reset', first.token)), undefined);
    assert.ok(await sys((k) => findToken(k, 'password_reset', second.token)));
    assert.equal((await sys((k) => findToken(k, 'invitation', invitation.token)))?.vendorId, vendorId);
  });

  it("limits a consumption to one vendor's tokens when asked", async () => {
    const [{ id: customerId }] = await sys((k) =>
      k('customers').insert({ vendor_id: vendorId, email: 'c@example.com' }).returning('id'),
    );
    const { token } = await sys((k) => issueToken(k, 'password_reset', { customerId, vendorId }, 60));
    assert.equal(await sys((k) => consumeToken(k, 'password_reset', token, { vendorId: vendorId + 1 })), undefined);
    assert.equal((await sys((k) => consumeToken(k, 'password_reset', token, { vendorId })))?.customerId, customerId);
  });

  it('ignores strings that cannot be tokens', async () => {
    assert.equal(await sys((k) => consumeToken(k, 'password_reset', '')), undefined);
    assert.equal(await sys((k) => findToken(k, 'password_reset', 'x'.repeat(500))), undefined);
  });
});
