import type { Knex } from 'knex';
import { z } from 'zod';
import { mailboxAddress } from '../config/schema.js';
import { MailErrors } from './errors.js';

/** One mail to one person. Send one message per recipient, so that a failure or an outbox row names one person. */
export interface MailMessage {
  /** The recipient's bare address, such as `ada@example.com`. */
  to: string;
  /** One line. */
  subject: string;
  /** The plain-text body; every mail has one, links included, so that tests and text-only readers get them. */
  text: string;
  html?: string;
  /** `Name <address>` or an address; MAIL_FROM by default. */
  from?: string;
  replyTo?: string;
  /** What the mail is for, as `<area>.<what>`, such as `auth.invitation`: in log lines and the outbox. */
  tag?: string;
  /** The platform and vendor the mail is sent for, when there is one: in log lines and the outbox. */
  platformId?: number;
  vendorId?: number;
}

export type MailTransportName = 'smtp' | 'log';

export interface SendOptions {
  /**
   * The transaction the caller is in. The log transport writes its outbox row in it: on the embedded database a
   * write outside an open transaction waits for the only connection, which the transaction holds.
   */
  trx?: Knex.Transaction;
}

/** What `send` resolves with once the mail server accepted the mail (smtp) or the outbox holds it (log). */
export interface SentMail {
  transport: MailTransportName;
  /** The Message-ID the SMTP server accepted; smtp only. */
  messageId?: string;
  /** The `mail_outbox` row; log only. */
  outboxId?: number;
}

/** Sends mail for the kernel and plugins: SMTP when SMTP_URL is set, else the log transport (`mail_outbox`). */
export interface Mailer {
  readonly transport: MailTransportName;
  /** Rejects with ORN_MAIL_SEND_FAILED when the server refuses or cannot be reached. */
  send(message: MailMessage, options?: SendOptions): Promise<SentMail>;
  /** Closes open connections; the kernel calls it on stop. */
  close(): Promise<void>;
}

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !/[\r\n]/.test(v), 'must be one line');
const mailbox = z.string().refine((v) => mailboxAddress(v) !== undefined, 'must be an address');

const messageSchema = z.object({
  to: z.email('must be one email address'),
  subject: oneLine(998),
  text: z.string().min(1, 'must not be empty'),
  html: z.string().optional(),
  from: mailbox.optional(),
  replyTo: mailbox.optional(),
  tag: oneLine(100).optional(),
  platformId: z.number().int().optional(),
  vendorId: z.number().int().optional(),
});

/** The message with a sender filled in, or ORN_MAIL_INVALID_MESSAGE naming each field at fault. */
export function checkMessage(message: MailMessage, defaultFrom: string): MailMessage & { from: string } {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'message'} ${i.message}`).join('; ');
    throw MailErrors.InvalidMessage({ reason });
  }
  return { ...parsed.data, from: parsed.data.from ?? defaultFrom };
}
