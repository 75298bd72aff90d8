import { defineError } from '../errors/define-error.js';

/**
 * The mailer's error codes. Both are `internal`: the reason names mail servers and their answers, which belong in
 * the logs, not in a page an anonymous visitor sees. A flow that wants to tell its user catches them with `.is()`.
 */
export const MailErrors = {
  SendFailed: defineError<{ to: string; server: string; reason: string }>({
    code: 'ORN_MAIL_SEND_FAILED',
    category: 'internal',
    title: 'Mail could not be sent',
    detail: (p) => `Mail to ${p.to} could not be sent through ${p.server}: ${p.reason}`,
  }),
  InvalidMessage: defineError<{ reason: string }>({
    code: 'ORN_MAIL_INVALID_MESSAGE',
    category: 'internal',
    title: 'Invalid mail message',
    detail: (p) => `The mail was not sent: ${p.reason}`,
  }),
} as const;
