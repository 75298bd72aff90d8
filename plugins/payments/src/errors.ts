import { defineError } from '@orion/sdk';

/** The payments plugin's expected failures. Another vendor's payments answer like unknown ones: 404. */
export const PaymentErrors = {
  NotFound: defineError<{ id: number | string }>({
    code: 'PAYMENTS_NOT_FOUND',
    category: 'not-found',
    title: 'Not found',
    detail: (p) => `No payment ${p.id} in this shop.`,
  }),
  UnknownProvider: defineError<{ provider: string; known: string[] }>({
    code: 'PAYMENTS_UNKNOWN_PROVIDER',
    category: 'input',
    status: 422,
    title: 'Unknown payment provider',
    detail: (p) => `No payment provider "${p.provider}": use one of ${p.known.join(', ')}.`,
  }),
  Declined: defineError<{ reason: string }>({
    code: 'PAYMENTS_DECLINED',
    category: 'input',
    status: 402,
    title: 'Payment declined',
    detail: (p) => `The payment was declined: ${p.reason}.`,
  }),
  InvalidState: defineError<{ id: number; status: string; action: string }>({
    code: 'PAYMENTS_INVALID_STATE',
    category: 'conflict',
    title: 'Not possible in this state',
    detail: (p) => `Payment ${p.id} is ${p.status}: it cannot be ${p.action}.`,
  }),
  AmountTooLarge: defineError<{ id: number; action: string; max: string }>({
    code: 'PAYMENTS_AMOUNT_TOO_LARGE',
    category: 'input',
    status: 422,
    title: 'Amount too large',
    detail: (p) => `Payment ${p.id} can be ${p.action} for at most ${p.max}.`,
  }),
  SignatureInvalid: defineError<{ reason: string }>({
    code: 'PAYMENTS_WEBHOOK_SIGNATURE_INVALID',
    category: 'authentication',
    title: 'Webhook signature invalid',
    detail: (p) => `The webhook was refused: ${p.reason}.`,
  }),
  WebhookInvalid: defineError<{ reason: string }>({
    code: 'PAYMENTS_WEBHOOK_INVALID',
    category: 'input',
    title: 'Webhook not understood',
    detail: (p) => `The webhook body is not valid: ${p.reason}.`,
  }),
} as const;
