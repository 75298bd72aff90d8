import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { judgeCard, luhnValid, TEST_CARDS } from '../src/testgateway.js';
import { API, call, eur, startPaymentsKernel } from './helpers.js';

describe('payments: testgateway answers by card number', () => {
  it('approves Luhn-valid cards and declines the test decline cards, with a reason', () => {
    assert.deepEqual(judgeCard({ number: '4242 4242 4242 4242' }), { approved: true });
    assert.deepEqual(judgeCard({ number: '5555555555554444' }), { approved: true });
    assert.deepEqual(judgeCard({ number: TEST_CARDS.decline }), { approved: false, reason: 'card declined' });
    assert.deepEqual(judgeCard({ number: TEST_CARDS.insufficientFunds }), {
      approved: false,
      reason: 'insufficient funds',
    });
    assert.deepEqual(judgeCard({ number: '4242424242424241' }), { approved: false, reason: 'invalid card number' });
    assert.equal(luhnValid('79927398713'), false, 'too short for a card');
  });
});

describe('payments: the vendor API and the providers', () => {
  let kernel: TestKernel;
  let shop: TestVendor;

  before(async () => {
    kernel = await startPaymentsKernel(import.meta.url);
    shop = await createTestVendor(kernel);
  });
  after(() => kernel.stop());

  it('keeps a declined attempt and answers 402 PAYMENTS_DECLINED', async () => {
    const res = await call(kernel, 'POST', API, shop.headers, {
      orderRef: 'declined-1',
      provider: 'testgateway',
      amount: eur(1000),
      card: { number: TEST_CARDS.decline },
    });
    assert.deepEqual([res.status, res.body.code], [402, 'PAYMENTS_DECLINED']);
    const list = await call(kernel, 'GET', `${API}?orderRef=declined-1`, shop.headers);
    assert.deepEqual(
      list.body.payments.map((p: { status: string; cardLast4: string }) => [p.status, p.cardLast4]),
      [['declined', '0002']],
    );
  });

  it('runs a bank transfer: pending, marked paid, partly refunded, then refunded', async () => {
    const auth = await call(kernel, 'POST', API, shop.headers, {
      orderRef: 'bt-1',
      provider: 'manual',
      amount: eur(5000),
    });
    assert.equal(auth.body.status, 'pending');
    assert.match(auth.body.providerRef, /^BT-[0-9A-F]{10}$/);
    const paid = await call(kernel, 'POST', `${API}/${auth.body.id}/capture`, shop.headers, {});
    assert.deepEqual([paid.body.status, paid.body.captured.amountMinor], ['captured', 5000]);
    const part = await call(kernel, 'POST', `${API}/${auth.body.id}/refund`, shop.headers, { amount: eur(1250) });
    assert.deepEqual([part.body.status, part.body.refunded.amountMinor], ['partially_refunded', 1250]);
    const over = await call(kernel, 'POST', `${API}/${auth.body.id}/refund`, shop.headers, { amount: eur(3751) });
    assert.deepEqual([over.status, over.body.code], [422, 'PAYMENTS_AMOUNT_TOO_LARGE']);
    const rest = await call(kernel, 'POST', `${API}/${auth.body.id}/refund`, shop.headers, {});
    assert.deepEqual([rest.body.status, rest.body.refunded.amountMinor], ['refunded', 5000]);
    const again = await call(kernel, 'POST', `${API}/${auth.body.id}/void`, shop.headers);
    assert.deepEqual([again.status, again.body.code], [409, 'PAYMENTS_INVALID_STATE']);
  });

  it('voids an authorization that was not captured', async () => {
    const auth = await call(kernel, 'POST', API, shop.headers, {
      orderRef: 'void-1',
      provider: 'testgateway',
      amount: eur(700),
      card: { number: TEST_CARDS.approve },
    });
    assert.equal(auth.body.status, 'authorized');
    const voided = await call(kernel, 'POST', `${API}/${auth.body.id}/void`, shop.headers);
    assert.equal(voided.body.status, 'voided');
  });

  it('refuses an unknown provider with 422', async () => {
    const res = await call(kernel, 'POST', API, shop.headers, { orderRef: 'x-1', provider: 'paypal', amount: eur(1) });
    assert.deepEqual([res.status, res.body.code], [422, 'PAYMENTS_UNKNOWN_PROVIDER']);
    assert.match(res.body.detail, /manual, testgateway/);
  });

  it("never shows or touches another vendor's payments", async () => {
    const other = await createTestVendor(kernel);
    const mine = await call(kernel, 'POST', API, shop.headers, {
      orderRef: 'mine-1',
      provider: 'manual',
      amount: eur(100),
    });
    for (const [method, path] of [
      ['GET', `/${mine.body.id}`],
      ['POST', `/${mine.body.id}/capture`],
      ['POST', `/${mine.body.id}/refund`],
      ['POST', `/${mine.body.id}/void`],
    ] as const) {
      const res = await call(kernel, method, `${API}${path}`, other.headers, method === 'POST' ? {} : undefined);
      assert.deepEqual([res.status, res.body.code], [404, 'PAYMENTS_NOT_FOUND'], `${method} ${path}`);
    }
    const list = await call(kernel, 'GET', `${API}?orderRef=mine-1`, other.headers);
    assert.deepEqual(list.body.payments, []);
  });
});
