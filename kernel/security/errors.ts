import { defineError } from '../errors/define-error.js';

/** Whole minutes above a minute, so that a person reads "15 minutes" rather than "900 seconds". */
function inWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** The codes of the kernel's request-security guards (`kernel/security/`). */
export const SecurityErrors = {
  Throttled: defineError<{ retryAfterSeconds: number }>({
    code: 'ORN_AUTH_THROTTLED',
    category: 'rate-limited',
    title: 'Too many sign-in attempts',
    // The same answer whether the account or the address hit the limit, and whether the email exists.
    detail: (p) => `Too many failed sign-in attempts. Try again in ${inWords(p.retryAfterSeconds)}.`,
    headers: (p) => ({ 'retry-after': String(p.retryAfterSeconds) }),
  }),
  CsrfRejected: defineError<{ reason: string }>({
    code: 'ORN_HTTP_CSRF_REJECTED',
    category: 'not-allowed',
    title: 'Request refused',
    detail: (p) =>
      `Orion refused this request to protect you from cross-site request forgery: ${p.reason}. Reload the page and send it again.`,
  }),
} as const;
