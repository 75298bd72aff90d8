import crypto from 'node:crypto';
import type { PaymentProvider } from './provider.js';

/**
 * Bank transfer. Authorizing opens a payment that waits for the customer's transfer (`pending`, with a reference
 * to quote); the vendor marks it paid when the money arrived (`capture`). Refunds and voids are recorded here and
 * done by the vendor at the bank.
 */
export const manualProvider: PaymentProvider = {
  id: 'manual',
  takesCards: false,
  async authorize() {
    return { status: 'pending', providerRef: `BT-${crypto.randomBytes(5).toString('hex').toUpperCase()}` };
  },
  async capture() {
    return { status: 'captured' };
  },
  async refund(payment, amount) {
    const left = payment.captured.amountMinor - payment.refunded.amountMinor - amount.amountMinor;
    return { status: left === 0 ? 'refunded' : 'partially_refunded' };
  },
  async void() {
    return { status: 'voided' };
  },
};
