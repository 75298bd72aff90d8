import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { OrionConfig } from '../config/schema.js';
import { createLogMailer } from './log-transport.js';
import type { Mailer } from './message.js';
import { createSmtpMailer } from './smtp-transport.js';

export { MailErrors } from './errors.js';
export type { Mailer, MailMessage, MailTransportName, SendOptions, SentMail } from './message.js';
export type { OutboxListOptions, OutboxMail, OutboxQuery } from './outbox.js';
export { MailOutbox } from './outbox.js';

export interface CreateMailerOptions {
  mail: OrionConfig['mail'];
  env: OrionConfig['env'];
  knex: Knex;
  logger: Logger;
}

/** SMTP when SMTP_URL is set; otherwise the log transport, which keeps every mail in `mail_outbox`. */
export async function createMailer({ mail, env, knex, logger }: CreateMailerOptions): Promise<Mailer> {
  const log = logger.child({ component: 'mail' });
  if (mail.smtpUrl) return createSmtpMailer({ url: mail.smtpUrl, from: mail.from, logger: log });
  if (env === 'production') {
    // Not an error, so that a deployment can start before mail is set up; but nobody receives anything.
    log.warn('SMTP_URL is unset: mail is not sent, only kept in the mail_outbox table');
  }
  return createLogMailer({ knex, logger: log, from: mail.from });
}
