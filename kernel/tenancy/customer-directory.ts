import type { Knex } from 'knex';
import type { TenantScope } from '../db/tenant-scope.js';

/** A shop customer's account as plugins see it: what the kernel owns, never the password or sign-in data. */
export interface CustomerAccount {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  language: string | null;
  /** The consent given at registration. */
  marketingConsent: boolean;
  createdAt: string;
}

export interface CustomerQueryOptions {
  /**
   * Your transaction, already scoped to the same vendor (`ctx.withTenant({ vendorId }, trx => …)`), so that the read
   * joins your own work (on the embedded database there is one connection). Without it the directory opens its own.
   * A transaction scoped to another vendor sees no customer at all: row-level security still applies.
   */
  trx?: Knex;
}

export interface CustomerListOptions extends CustomerQueryOptions {
  /** Part of the email or of "first last" name, case-insensitive. */
  search?: string;
  /** Customers that match too, whatever `search` says: matches a plugin found in its own data (a company name). */
  alsoIds?: number[];
  /** `newest` (default) or `oldest` first, by account id. */
  order?: 'newest' | 'oldest';
  /** 1 to 500, default 50. */
  limit?: number;
  offset?: number;
}

/**
 * `ctx.customers`: the vendor's live (not deleted) shop customers, read only. Every call names the vendor and is
 * scoped to it by row-level security, so a plugin never reads another vendor's customers and never touches the
 * kernel's `customers` table itself.
 */
export interface CustomerDirectory {
  get(vendorId: number, id: number, options?: CustomerQueryOptions): Promise<CustomerAccount | undefined>;
  /** The customers among `ids` (unknown, deleted and other vendors' ids are left out), in id order. */
  getMany(vendorId: number, ids: readonly number[], options?: CustomerQueryOptions): Promise<CustomerAccount[]>;
  /** Up to `limit` (default 20) customers whose email or name contains `text`, newest first. */
  search(
    vendorId: number,
    text: string,
    options?: CustomerQueryOptions & { limit?: number },
  ): Promise<CustomerAccount[]>;
  /** One page of customers, and how many match in all. */
  list(vendorId: number, options?: CustomerListOptions): Promise<{ customers: CustomerAccount[]; total: number }>;
}

interface Row {
  id: number | string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  language: string | null;
  marketing_consent: boolean;
  created_at: Date;
}

const COLUMNS = ['id', 'email', 'first_name', 'last_name', 'phone', 'language', 'marketing_consent', 'created_at'];

const toAccount = (r: Row): CustomerAccount => ({
  id: Number(r.id),
  email: r.email,
  firstName: r.first_name,
  lastName: r.last_name,
  phone: r.phone,
  language: r.language,
  marketingConsent: r.marketing_consent,
  createdAt: new Date(r.created_at).toISOString(),
});

type Scoped = <T>(scope: TenantScope, fn: (trx: Knex.Transaction) => Promise<T>) => Promise<T>;

/** The directory behind `ctx.customers`; `withTenant` is the plugin context's own. */
export function createCustomerDirectory(withTenant: Scoped): CustomerDirectory {
  const run = <T>(vendorId: number, trx: Knex | undefined, fn: (db: Knex) => Promise<T>): Promise<T> =>
    trx ? fn(trx) : withTenant({ vendorId }, fn);
  // The explicit vendor filter and row-level security both apply: either alone keeps other vendors out.
  const live = (db: Knex, vendorId: number) => db('customers').where({ vendor_id: vendorId }).whereNull('deleted_at');
  const matching = (db: Knex, vendorId: number, search?: string, alsoIds: readonly number[] = []) => {
    const q = live(db, vendorId);
    const text = search?.trim().toLowerCase();
    if (text) {
      const like = `%${text.replace(/[\\%_]/g, '\\$&')}%`;
      q.where((w) => {
        w.whereRaw('lower(email) like ?', [like]).orWhereRaw("lower(first_name || ' ' || last_name) like ?", [like]);
        if (alsoIds.length) w.orWhereIn('id', [...alsoIds]);
      });
    }
    return q;
  };
  const clamp = (n: number | undefined, min: number, max: number, fallback: number) =>
    n === undefined || !Number.isFinite(n) ? fallback : Math.min(max, Math.max(min, Math.trunc(n)));

  return {
    get: (vendorId, id, options = {}) =>
      run(vendorId, options.trx, async (db) => {
        if (!Number.isSafeInteger(id) || id <= 0) return undefined;
        const row = await live(db, vendorId).where({ id }).first<Row | undefined>(COLUMNS);
        return row ? toAccount(row) : undefined;
      }),
    getMany: (vendorId, ids, options = {}) =>
      run(vendorId, options.trx, async (db) => {
        const wanted = ids.filter((id) => Number.isSafeInteger(id) && id > 0);
        if (!wanted.length) return [];
        const rows = (await live(db, vendorId).whereIn('id', wanted).orderBy('id').select(COLUMNS)) as Row[];
        return rows.map(toAccount);
      }),
    search: (vendorId, text, options = {}) =>
      run(vendorId, options.trx, async (db) => {
        if (!text.trim()) return [];
        const rows = (await matching(db, vendorId, text)
          .orderBy('id', 'desc')
          .limit(clamp(options.limit, 1, 500, 20))
          .select(COLUMNS)) as Row[];
        return rows.map(toAccount);
      }),
    list: (vendorId, options = {}) =>
      run(vendorId, options.trx, async (db) => {
        const rows = (await matching(db, vendorId, options.search, options.alsoIds)
          .orderBy('id', options.order === 'oldest' ? 'asc' : 'desc')
          .limit(clamp(options.limit, 1, 500, 50))
          .offset(clamp(options.offset, 0, Number.MAX_SAFE_INTEGER, 0))
          .select(COLUMNS)) as Row[];
        const [counted] = await matching(db, vendorId, options.search, options.alsoIds).count<
          { count: string | number }[]
        >('* as count');
        return { customers: rows.map(toAccount), total: Number(counted?.count ?? 0) };
      }),
  };
}
