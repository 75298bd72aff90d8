import type { Knex } from 'knex';
import type { Database } from '../db/database.js';
import { MailOutbox, type OutboxMail } from '../mail/outbox.js';

/** Where the outbox lives: a knex instance, a `Database`, or a (test) kernel. */
export type OutboxSource = Knex | Pick<Database, 'knex'> | { db: Pick<Database, 'knex'> };

function knexOf(source: OutboxSource): Knex {
  if (typeof source === 'function') return source; // a knex instance is a function
  return 'db' in source ? source.db.knex : source.knex;
}

/**
 * Every mail the log transport kept for this address (any case), newest first. Test kernels always use the log
 * transport: their settings never include SMTP_URL unless a test sets it.
 */
export function mailsTo(source: OutboxSource, email: string): Promise<OutboxMail[]> {
  return new MailOutbox(knexOf(source)).list({ to: email, limit: 200 });
}

/** The newest mail to this address; throws, naming the address, when there is none. */
export async function lastMailTo(source: OutboxSource, email: string): Promise<OutboxMail> {
  const [mail] = await mailsTo(source, email);
  if (!mail) throw new Error(`no mail to ${email} in mail_outbox`);
  return mail;
}

/**
 * The first absolute link in a mail's text (every mail has one) that contains `contains`, such as
 * `/auth/reset-password`. Throws, quoting the text, when there is none.
 *
 * @example
 * const link = linkIn(await lastMailTo(kernel, 'ada@example.com'), '/invitations/');
 * const res = await kernel.request(new URL(link).pathname + new URL(link).search);
 */
export function linkIn(mail: Pick<OutboxMail, 'text'>, contains = ''): string {
  // A link that ends a sentence is followed by punctuation that is not part of it.
  const links = (mail.text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? []).map((l) => l.replace(/[.,;:!?]+$/, ''));
  const link = links.find((l) => l.includes(contains));
  if (!link) throw new Error(`no link${contains ? ` containing ${contains}` : ''} in the mail text:\n${mail.text}`);
  return link;
}
