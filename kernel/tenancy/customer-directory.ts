import type { Knex } from 'knex';
import type { TenantScope } from '../db/tenant-scope.js';
import { KernelErrors } from '../errors/codes.js';

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
 * What a vendor may change on a customer's account. The email is the customer's sign-in identity: only they change
 * it. Names are trimmed, up to 100 characters each (empty is allowed); the phone is trimmed, up to 40 characters of
 * digits, spaces and `+ ( ) . / -`, and empty clears it.
 */
export interface CustomerAccountPatch {
  firstName?: string;
  lastName?: string;
  phone?: string | null;
}

export const CUSTOMER_NAME_MAX = 100;
export const CUSTOMER_PHONE_MAX = 40;
const PHONE = /^[+0-9 ()./-]*$/;

/** Why the patch is refused, per field (none: it is acceptable). */
function patchProblems(patch: CustomerAccountPatch): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of ['firstName', 'lastName'] as const) {
    const value = patch[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') problems[field] = 'must be text';
    else if (value.trim().length > CUSTOMER_NAME_MAX)
      problems[field] = `must be at most ${CUSTOMER_NAME_MAX} characters`;
  }
  const phone = patch.phone;
  if (phone !== undefined && phone !== null) {
    if (typeof phone !== 'string') problems.phone = 'must be text';
    else if (phone.trim().length > CUSTOMER_PHONE_MAX)
      problems.phone = `must be at most ${CUSTOMER_PHONE_MAX} characters`;
    else if (!PHONE.test(phone.trim())) problems.phone = 'must be a phone number such as +352 621 123 456';
  }
  return problems;
}

/**
 * `ctx.customers`: the vendor's live (not deleted) shop customers. Every call names the vendor and is scoped to it by
 * row-level security, so a plugin never reads or changes another vendor's customers and never touches the kernel's
 * `customers` table itself. Reads, and `update` of the names and phone (never the email, password or consent).
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
  /**
   * Changes the live customer's names and phone; the updated account, or undefined (unknown, deleted, or another
   * vendor's). A field left out stays as it is. Refuses bad values with 422 ORN_HTTP_VALIDATION_FAILED naming the
   * fields, changing nothing.
   */
  update(
    vendorId: number,
    id: number,
    patch: CustomerAccountPatch,
    options?: CustomerQueryOptions,
  ): Promise<CustomerAccount | undefined>;
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
    update: (vendorId, id, patch, options = {}) =>
      run(vendorId, options.trx, async (db) => {
        const problems = patchProblems(patch);
        if (Object.keys(problems).length) {
          const summary = Object.entries(problems)
            .map(([field, problem]) => `${field}: ${problem}`)
            .join('; ');
          throw KernelErrors.ValidationFailed({ summary }, { fields: problems });
        }
        if (!Number.isSafeInteger(id) || id <= 0) return undefined;
        const changes: Record<string, unknown> = {};
        if (patch.firstName !== undefined) changes.first_name = patch.firstName.trim();
        if (patch.lastName !== undefined) changes.last_name = patch.lastName.trim();
        if (patch.phone !== undefined) changes.phone = patch.phone?.trim() || null;
        if (Object.keys(changes).length) {
          const updated = await live(db, vendorId)
            .where({ id })
            .update({ ...changes, updated_at: db.fn.now() });
          if (!updated) return undefined;
        }
        const row = await live(db, vendorId).where({ id }).first<Row | undefined>(COLUMNS);
        return row ? toAccount(row) : undefined;
      }),
  };
}
