import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestVendor, type TestKernel, type TestVendor } from '@orion/sdk/testing';
import { SIGNATURE_HEADER, signBody } from '../src/signature.js';
import { signedCallback } from '../src/testgateway.js';
import { API, call, eur, setSettings, startPaymentsKernel, webhookUrl } from './helpers.js';

const SECRET = 'webhook-test-secret';

describe('payments: testgateway callbacks are signed, checked and applied once', () => {
  let kernel: TestKernel;
  let shop: TestVendor;
  const captured: number[] = [];

  /** An authorized card payment whose capture waits for the gateway's callback (which the test sends). */
  const pendingCapture = async () => {
    const auth = await call(kernel, 'POST', API, shop.headers, {
      orderRef: `wh-${Date.now()}-${Math.random()}`,
      provider: 'testgateway',
      amount: eur(4200),
      card: { number: '4242424242424242' },
    });
    assert.equal(auth.status, 201, JSON.stringify(auth.body));
    const cap = await call(kernel, 'POST', `${API}/${auth.body.id}/capture`, shop.headers, {});
    assert.equal(cap.body.status, 'capture_pending');
    return cap.body as { id: number; providerRef: string };
  };
  const post = (body: string, headers: Record<string, string>) =>
    call(kernel, 'POST', webhookUrl(shop.code), headers, body);

  before(async () => {
    kernel = await startPaymentsKernel(import.meta.url);
    // The simulated gateway would call back after a minute: the test delivers the callbacks itself.
    await setSettings(kernel, { testgatewaySecret: SECRET, testgatewayCallbackDelayMs: 60_000 });
    shop = await createTestVendor(kernel);
    kernel.events.on('payments.payment.captured', (p) => {
      captured.push(p.paymentId);
    });
  });
  after(() => kernel.stop());

  it('refuses a callback with a bad signature with 401 problem+json, and changes nothing', async () => {
    const payment = await pendingCapture();
    const { body } = signedCallback(SECRET, {
      type: 'capture.succeeded',
      paymentRef: payment.providerRef,
      amountMinor: 4200,
    });
    const forged = await post(body, { [SIGNATURE_HEADER]: signBody('not-the-secret', body) });
    assert.deepEqual([forged.status, forged.body.code], [401, 'PAYMENTS_WEBHOOK_SIGNATURE_INVALID']);
    assert.equal(forged.headers.get('content-type'), 'application/problem+json');
    assert.match(forged.body.detail, /does not match the body/);

    const tampered = signedCallback(SECRET, {
      type: 'capture.succeeded',
      paymentRef: payment.providerRef,
      amountMinor: 1,
    });
    const swapped = await post(body.replace('4200', '1'), tampered.headers);
    assert.equal(swapped.status, 401, 'a signature of another body');

    const missing = await post(body, {});
    assert.equal(missing.status, 401);
    assert.match(missing.body.detail, /no testgateway-signature header/);

    const stale = await post(body, {
      [SIGNATURE_HEADER]: signBody(SECRET, body, Math.floor(Date.now() / 1000) - 3600),
    });
    assert.equal(stale.status, 401);
    assert.match(stale.body.detail, /too old/);

    assert.equal((await call(kernel, 'GET', `${API}/${payment.id}`, shop.headers)).body.status, 'capture_pending');
  });

  it('captures on a good signature, once: a replay answers 200 duplicate and changes nothing', async () => {
    const payment = await pendingCapture();
    const cb = signedCallback(SECRET, {
      type: 'capture.succeeded',
      paymentRef: payment.providerRef,
      amountMinor: 4200,
    });
    const first = await post(cb.body, cb.headers);
    assert.deepEqual(first.body, { received: true, duplicate: false, paymentId: payment.id });
    const replay = await post(cb.body, cb.headers);
    assert.equal(replay.status, 200);
    assert.deepEqual(replay.body, { received: true, duplicate: true, paymentId: payment.id });

    const detail = (await call(kernel, 'GET', `${API}/${payment.id}`, shop.headers)).body;
    assert.deepEqual([detail.status, detail.captured.amountMinor], ['captured', 4200]);
    assert.deepEqual(
      detail.transactions.map((t: { kind: string; status: string }) => `${t.kind}:${t.status}`),
      ['authorize:authorized', 'capture:capture_pending', 'capture:captured'],
    );
    await new Promise((r) => setImmediate(r));
    assert.equal(captured.filter((id) => id === payment.id).length, 1, 'one captured event');
  });

  it("answers 404 for another shop's payment, even with a good signature", async () => {
    const payment = await pendingCapture();
    const other = await createTestVendor(kernel);
    const cb = signedCallback(SECRET, {
      type: 'capture.succeeded',
      paymentRef: payment.providerRef,
      amountMinor: 4200,
    });
    const res = await call(kernel, 'POST', webhookUrl(other.code), cb.headers, cb.body);
    assert.deepEqual([res.status, res.body.code], [404, 'PAYMENTS_NOT_FOUND']);
  });

  it('refuses a well-signed body that is not a callback with 400', async () => {
    const body = JSON.stringify({ hello: 'world' });
    const res = await post(body, { [SIGNATURE_HEADER]: signBody(SECRET, body) });
    assert.deepEqual([res.status, res.body.code], [400, 'PAYMENTS_WEBHOOK_INVALID']);
  });
});
