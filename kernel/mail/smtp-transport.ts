import type { Logger } from 'pino';
import { MailErrors } from './errors.js';
import { checkMessage, type Mailer, type MailMessage } from './message.js';

export interface SmtpMailerOptions {
  /** `smtp://` (STARTTLS when the server offers it) or `smtps://` (TLS from the start), with credentials. */
  url: string;
  /** The default sender (MAIL_FROM). */
  from: string;
  logger: Logger;
  /**
   * How long to wait, in ms, for the connection, the greeting and each later answer. Short by default: mail is
   * often sent while a person waits for a page, and nodemailer's own defaults run to minutes.
   */
  timeouts?: { connectMs?: number; greetingMs?: number; socketMs?: number };
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
}

/**
 * Sends through an SMTP server with nodemailer, loaded only when SMTP_URL is set. The URL carries credentials, so
 * neither logs nor errors show it: they name the server as `host:port`, and the reason of a failure has the user
 * name and password cut out.
 */
export async function createSmtpMailer(options: SmtpMailerOptions): Promise<Mailer> {
  const { createTransport } = await import('nodemailer');
  const url = new URL(options.url);
  const server = `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`;
  const credentials = [url.username, url.password]
    .map((part) => decodeURIComponent(part))
    .filter((part) => part.length >= 3);
  const transport = createTransport({
    url: options.url,
    connectionTimeout: options.timeouts?.connectMs ?? 10_000,
    greetingTimeout: options.timeouts?.greetingMs ?? 10_000,
    socketTimeout: options.timeouts?.socketMs ?? 30_000,
  });
  const logger = options.logger;

  return {
    transport: 'smtp',
    async send(message: MailMessage) {
      const mail = checkMessage(message, options.from);
      const context = { to: mail.to, subject: mail.subject, tag: mail.tag, platformId: mail.platformId, server };
      try {
        const info = await transport.sendMail({
          to: mail.to,
          from: mail.from,
          replyTo: mail.replyTo,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: mail.tag ? { 'X-Orion-Tag': mail.tag } : undefined,
        });
        logger.info({ ...context, messageId: info.messageId }, 'mail sent');
        return { transport: 'smtp', messageId: info.messageId };
      } catch (err) {
        const reason = redact(describe(err as SmtpError), credentials);
        logger.warn({ ...context, reason }, 'mail not sent');
        throw MailErrors.SendFailed({ to: mail.to, server, reason });
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** nodemailer's code (EAUTH, ECONNECTION, EENVELOPE…) and message, which quotes the server's answer. */
function describe(err: SmtpError): string {
  return err.code ? `${err.code}: ${err.message}` : err.message;
}

function redact(text: string, secrets: string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}
