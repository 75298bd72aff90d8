import type { Knex } from 'knex';
import { KernelErrors } from '../errors/codes.js';

/**
 * Row-level security for tenant tables: any table with a `vendor_id` column. Its policy lets a transaction see and
 * write only the rows of the vendor it was scoped to (`withTenant`), or every row under an explicit bypass. A
 * transaction with no scope sees nothing, so a query that forgets `WHERE vendor_id = ?` returns no other vendor's
 * rows. Applies to the app role (see `app-role.ts`); the policy is forced, so it binds the tables' owner too.
 */

/** The policy every tenant table carries; `assertTenantTablesHavePolicies` looks for this name. */
export const TENANT_POLICY = 'tenant_isolation';
/** Transaction settings the policy reads. Only ever set with `set_config(…, true)`, i.e. SET LOCAL. */
export const TENANT_SETTINGS = {
  vendor: 'orion.vendor_id',
  bypass: 'orion.bypass_rls',
  /** Why a transaction bypasses: kept for audit code in the same transaction to read. */
  reason: 'orion.scope_reason',
} as const;

/** One vendor's rows, or all of them with a reason (platform administrators, jobs, migrations). */
export type TenantScope = { vendorId: number } | { bypass: true; reason: string };

export interface TenantRlsOptions {
  /** The column holding the vendor id (default `vendor_id`). */
  column?: string;
}

/**
 * The row test. A missing or empty vendor setting is NULL, which equals nothing: no rows. Each setting is read in a
 * sub-select, which PostgreSQL runs once per query (an InitPlan) instead of once per row, and whose unknown result
 * keeps the planner from counting the policy as a second `vendor_id = ?` filter: with bare `current_setting()`
 * calls it underestimated rows by the number of vendors and picked bitmap scans plus sorts over ordered index scans
 * (10 times slower on a 20-row page, see `npm run bench -- tenant-scope`).
 */
function rowAllowed(knex: Knex, column: string): Knex.Raw {
  return knex.raw(
    `(select current_setting('${TENANT_SETTINGS.bypass}', true) = 'on') or ?? = (select nullif(current_setting('${TENANT_SETTINGS.vendor}', true), '')::bigint)`,
    [column],
  );
}

/**
 * In a migration: turns row-level security on for `table`, forces it (so the owner is bound too), and (re)creates the
 * `tenant_isolation` policy for every command, checking both the rows read (USING) and the rows written (WITH CHECK).
 */
export async function enableTenantRls(knex: Knex, table: string, options: TenantRlsOptions = {}): Promise<void> {
  const allowed = rowAllowed(knex, options.column ?? 'vendor_id');
  await knex.raw('alter table ?? enable row level security', [table]);
  await knex.raw('alter table ?? force row level security', [table]);
  await knex.raw('drop policy if exists ?? on ??', [TENANT_POLICY, table]);
  await knex.raw('create policy ?? on ?? as permissive for all to public using (?) with check (?)', [
    TENANT_POLICY,
    table,
    allowed,
    allowed,
  ]);
}

/** In a down migration: removes what `enableTenantRls` added. Not needed before dropping the table. */
export async function disableTenantRls(knex: Knex, table: string): Promise<void> {
  await knex.raw('drop policy if exists ?? on ??', [TENANT_POLICY, table]);
  await knex.raw('alter table ?? no force row level security', [table]);
  await knex.raw('alter table ?? disable row level security', [table]);
}

type Settings = { vendor: string; bypass: string; reason: string };

function settingsOf(scope: TenantScope): Settings {
  const s = scope as Partial<{ vendorId: unknown; bypass: unknown; reason: unknown }> | null;
  if (s && 'vendorId' in s && !('bypass' in s)) {
    if (typeof s.vendorId === 'number' && Number.isSafeInteger(s.vendorId) && s.vendorId > 0) {
      return { vendor: String(s.vendorId), bypass: '', reason: '' };
    }
    throw KernelErrors.TenantScope({ detail: `vendorId must be a positive integer, not ${String(s.vendorId)}` });
  }
  if (s && s.bypass === true && !('vendorId' in s)) {
    if (typeof s.reason === 'string' && s.reason.trim()) return { vendor: '', bypass: 'on', reason: s.reason };
    throw KernelErrors.TenantScope({ detail: 'a bypass needs a reason (who or what reads across vendors, and why)' });
  }
  throw KernelErrors.TenantScope({ detail: 'give either { vendorId } or { bypass: true, reason }' });
}

async function apply(trx: Knex.Transaction, s: Settings): Promise<void> {
  // Bound parameters, never concatenation; `true` makes each setting local to the transaction.
  await trx.raw('select set_config(?, ?, true), set_config(?, ?, true), set_config(?, ?, true)', [
    TENANT_SETTINGS.vendor,
    s.vendor,
    TENANT_SETTINGS.bypass,
    s.bypass,
    TENANT_SETTINGS.reason,
    s.reason,
  ]);
}

async function current(trx: Knex.Transaction): Promise<Settings> {
  const { rows } = (await trx.raw(
    'select current_setting(?, true) as vendor, current_setting(?, true) as bypass, current_setting(?, true) as reason',
    [TENANT_SETTINGS.vendor, TENANT_SETTINGS.bypass, TENANT_SETTINGS.reason],
  )) as { rows: [Record<keyof Settings, string | null>] };
  const [r] = rows;
  return { vendor: r.vendor ?? '', bypass: r.bypass ?? '', reason: r.reason ?? '' };
}

export interface WithTenantOptions {
  /** Bypasses are logged here at debug level, with their reason. */
  logger?: { debug(obj: object, msg: string): void };
}

/**
 * Runs `fn(trx)` in a transaction scoped to one vendor, or bypassing the policy. On `knex` it opens a transaction;
 * on a transaction it nests in a savepoint, and puts the outer scope back when `fn` returns (a released savepoint
 * would otherwise keep the inner settings; a rolled-back one drops them by itself). Run every query of `fn` on
 * `trx`: a query on `knex` runs unscoped, and on the embedded database waits for the one connection.
 */
export async function withTenant<T>(
  knex: Knex,
  scope: TenantScope,
  fn: (trx: Knex.Transaction) => Promise<T>,
  options: WithTenantOptions = {},
): Promise<T> {
  const settings = settingsOf(scope);
  if (settings.bypass) options.logger?.debug({ reason: settings.reason }, 'tenant scope bypassed');
  if (!knex.isTransaction) {
    return knex.transaction(async (trx) => {
      await apply(trx, settings);
      return fn(trx);
    });
  }
  return knex.transaction(async (savepoint) => {
    const outer = await current(savepoint);
    await apply(savepoint, settings);
    const result = await fn(savepoint);
    await apply(savepoint, outer);
    return result;
  });
}

export {
  assertTenantTablesHavePolicies,
  findTenantTablesWithoutPolicy,
  type TenantTableProblem,
  warnAboutTenantTablesWithoutPolicy,
} from './tenant-policy-check.js';
