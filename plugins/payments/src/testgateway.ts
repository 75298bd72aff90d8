import crypto from 'node:crypto';
import { z } from '@orion/sdk';
import { PaymentErrors } from './errors.js';
import type { CardInput, PaymentProvider, ProviderContext, ProviderOutcome, WebhookEvent } from './provider.js';
import { SIGNATURE_HEADER, signatureProblem, signBody } from './signature.js';

/** Card numbers with a fixed answer, like a real gateway's test cards. Any other Luhn-valid number approves. */
export const TEST_CARDS = {
  approve: '4242424242424242',
  decline: '4000000000000002',
  insufficientFunds: '4000000000009995',
  /** Authorizes, but the gateway reports the capture as failed in its callback. */
  captureFails: '4000000000000341',
} as const;

const DECLINES: Record<string, string> = {
  [TEST_CARDS.decline]: 'card declined',
  [TEST_CARDS.insufficientFunds]: 'insufficient funds',
};

/** The Luhn check every card number passes. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The gateway's deterministic answer to a card: approved, or declined with a reason. */
export function judgeCard(card: CardInput | undefined): { approved: true } | { approved: false; reason: string } {
  const digits = (card?.number ?? '').replace(/[\s-]/g, '');
  if (!luhnValid(digits)) return { approved: false, reason: 'invalid card number' };
  const declined = DECLINES[digits];
  return declined ? { approved: false, reason: declined } : { approved: true };
}

const secretOf = async (pc: ProviderContext) => String((await pc.settings()).testgatewaySecret);

const CallbackBody = z.object({
  id: z.string().min(1).max(100),
  type: z.enum(['capture.succeeded', 'capture.failed', 'refund.succeeded']),
  paymentRef: z.string().min(1).max(100),
  amountMinor: z.number().int().min(0),
  message: z.string().max(500).optional(),
});

/** A callback as the gateway sends it: a JSON body and its signature header. */
export function signedCallback(
  secret: string,
  event: Omit<z.infer<typeof CallbackBody>, 'id'> & { id?: string },
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ id: event.id ?? `evt_${crypto.randomBytes(8).toString('hex')}`, ...event });
  return { body, headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(secret, body) } };
}

/**
 * A card gateway that runs here, for development and tests. Authorization answers at once and deterministically
 * by card number; a capture answers `capture_pending`, and the gateway confirms it later through an HMAC-signed
 * callback to `POST /api/v1/shop/payments/webhooks/testgateway` (the plugin delivers it in-process after
 * `testgatewayCallbackDelayMs`, through the same signature check as an HTTP call).
 */
export const testgatewayProvider: PaymentProvider = {
  id: 'testgateway',
  takesCards: true,
  async authorize({ card }) {
    const digits = (card?.number ?? '').replace(/[\s-]/g, '');
    const verdict = judgeCard(card);
    // The gateway remembers a card that fails at capture in its own reference, so no state is kept here.
    const prefix = digits === TEST_CARDS.captureFails ? 'tgx' : 'tg';
    const providerRef = `${prefix}_${crypto.randomBytes(8).toString('hex')}`;
    const cardLast4 = digits.slice(-4) || undefined;
    if (!verdict.approved) return { status: 'declined', providerRef, message: verdict.reason, cardLast4 };
    return { status: 'authorized', providerRef, cardLast4 };
  },
  async capture(payment, amount, pc): Promise<ProviderOutcome> {
    const fails = payment.providerRef.startsWith('tgx_');
    const settings = await pc.settings();
    const callback = signedCallback(String(settings.testgatewaySecret), {
      type: fails ? 'capture.failed' : 'capture.succeeded',
      paymentRef: payment.providerRef,
      amountMinor: amount.amountMinor,
      ...(fails ? { message: 'issuer refused the capture' } : {}),
    });
    return {
      status: 'capture_pending',
      callback: { ...callback, delayMs: Number(settings.testgatewayCallbackDelayMs) },
    };
  },
  async refund(payment, amount) {
    const left = payment.captured.amountMinor - payment.refunded.amountMinor - amount.amountMinor;
    return { status: left === 0 ? 'refunded' : 'partially_refunded' };
  },
  async void() {
    return { status: 'voided' };
  },
  async verifyWebhook(rawBody, headers, pc): Promise<WebhookEvent> {
    const problem = signatureProblem(await secretOf(pc), rawBody, headers[SIGNATURE_HEADER]);
    if (problem) throw PaymentErrors.SignatureInvalid({ reason: problem });
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody);
    } catch {
      throw PaymentErrors.WebhookInvalid({ reason: 'not JSON' });
    }
    const result = CallbackBody.safeParse(parsed);
    if (!result.success) throw PaymentErrors.WebhookInvalid({ reason: result.error.issues[0]?.message ?? 'bad shape' });
    const { id, type, paymentRef, amountMinor, message } = result.data;
    return { id, type, providerRef: paymentRef, amountMinor, ...(message ? { message } : {}) };
  },
};
