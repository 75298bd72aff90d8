import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { withTenant } from '../db/tenant-scope.js';
import { checkMessage, type Mailer, type MailMessage, type SendOptions } from './message.js';

export interface LogMailerOptions {
  knex: Knex;
  logger: Logger;
  /** The default sender (MAIL_FROM). */
  from: string;
}

/**
 * The transport used when SMTP_URL is unset (development, tests): nothing leaves the machine. Each mail is kept in
 * `mail_outbox`, where an admin page and the test helpers read it, and logged without its body at info level (the
 * text, with its links, at debug), since bodies carry invitation and password-reset links.
 */
export function createLogMailer({ knex, logger, from }: LogMailerOptions): Mailer {
  return {
    transport: 'log',
    async send(message: MailMessage, options: SendOptions = {}) {
      const mail = checkMessage(message, from);
      // System-scoped: a platform's mail has no vendor, and the outbox is one record across vendors. Within the
      // caller's transaction (`trx`) this nests, and the caller's scope comes back afterwards.
      const [row] = await withTenant(options.trx ?? knex, { bypass: true, reason: 'mail outbox' }, (db) =>
        db('mail_outbox')
          .insert({
            to: mail.to,
            from: mail.from,
            subject: mail.subject,
            text: mail.text,
            html: mail.html ?? null,
            tag: mail.tag ?? null,
            platform_id: mail.platformId ?? null,
            vendor_id: mail.vendorId ?? null,
            transport: 'log',
          })
          .returning<{ id: number }[]>('id'),
      );
      const outboxId = Number(row?.id);
      const context = { outboxId, to: mail.to, subject: mail.subject, tag: mail.tag, platformId: mail.platformId };
      logger.info(context, 'mail kept in the outbox, not sent (SMTP_URL is unset)');
      logger.debug({ outboxId, text: mail.text }, 'mail text');
      return { transport: 'log', outboxId };
    },
    async close() {},
  };
}
