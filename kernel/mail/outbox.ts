import type { Knex } from 'knex';
import { withTenant } from '../db/tenant-scope.js';

/** A mail the log transport kept, as the admin pages and tests read it. */
export interface OutboxMail {
  id: number;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  tag: string | null;
  platformId: number | null;
  vendorId: number | null;
  transport: string;
  createdAt: Date;
}

export interface OutboxQuery {
  /** Only mails to this address (any case). */
  to?: string;
}

export interface OutboxListOptions extends OutboxQuery {
  /** At most this many, 1 to 200 (default 50). */
  limit?: number;
  offset?: number;
}

interface OutboxRow {
  id: number;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  tag: string | null;
  platform_id: number | null;
  vendor_id: number | null;
  transport: string;
  created_at: Date;
}

const MAX_LIMIT = 200;

/** Reads `mail_outbox`, newest first: what Orion would have sent had SMTP been configured. */
export class MailOutbox {
  constructor(private readonly knex: Knex) {}

  async list(options: OutboxListOptions = {}): Promise<OutboxMail[]> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), MAX_LIMIT);
    const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
    const rows = await this.system((db) =>
      this.query(db, options)
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(limit)
        .offset(offset)
        .select<OutboxRow[]>('*'),
    );
    return rows.map(toMail);
  }

  async count(query: OutboxQuery = {}): Promise<number> {
    const row = await this.system((db) => this.query(db, query).count<{ count: number }[]>('* as count').first());
    return Number(row?.count ?? 0);
  }

  async get(id: number): Promise<OutboxMail | undefined> {
    if (!Number.isSafeInteger(id) || id < 1) return undefined;
    const row = await this.system((db) => db('mail_outbox').where({ id }).first<OutboxRow | undefined>('*'));
    return row && toMail(row);
  }

  /** The outbox spans vendors: administrators and tests read it system-scoped. */
  private system<T>(fn: (db: Knex) => Promise<T>): Promise<T> {
    return withTenant(this.knex, { bypass: true, reason: 'mail outbox' }, fn);
  }

  private query(db: Knex, query: OutboxQuery): Knex.QueryBuilder {
    const q = db('mail_outbox');
    if (query.to !== undefined) q.whereRaw('lower(??) = ?', ['to', query.to.trim().toLowerCase()]);
    return q;
  }
}

function toMail(row: OutboxRow): OutboxMail {
  return {
    id: Number(row.id),
    to: row.to,
    from: row.from,
    subject: row.subject,
    text: row.text,
    html: row.html,
    tag: row.tag,
    platformId: row.platform_id === null ? null : Number(row.platform_id),
    vendorId: row.vendor_id === null ? null : Number(row.vendor_id),
    transport: row.transport,
    createdAt: row.created_at,
  };
}
