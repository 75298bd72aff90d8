import type { Knex } from 'knex';
import { SEARCH_INDEX_MARK } from './tenant-search.js';

/** A relation with a `vendor_id` column that row-level security does not protect as `enableTenantRls` would. */
export interface TenantTableProblem {
  table: string;
  problems: string[];
}

interface Row {
  table: string;
  kind: 'r' | 'p' | 'v' | 'm';
  enabled: boolean;
  forced: boolean;
  options: string[] | null;
  comment: string | null;
  policies: Array<{
    name: string;
    permissive: boolean;
    cmd: string;
    roles: string;
    using: string;
    check: string;
  }> | null;
}

// Catalog reads only: pg_class, pg_attribute and pg_policy are readable by every role, the app role included.
const QUERY = `
select c.relname as "table", c.relkind as kind, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
  c.reloptions as options, obj_description(c.oid, 'pg_class') as comment,
  (select json_agg(json_build_object(
      'name', p.polname, 'permissive', p.polpermissive, 'cmd', p.polcmd, 'roles', p.polroles::text,
      'using', coalesce(pg_get_expr(p.polqual, p.polrelid), ''),
      'check', coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')))
    from pg_policy p where p.polrelid = c.oid) as policies
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = current_schema()
  and c.relkind in ('r', 'p', 'v', 'm')
  and exists (select 1 from pg_attribute a
    where a.attrelid = c.oid and a.attname = 'vendor_id' and a.attnum > 0 and not a.attisdropped)
order by c.relname`;

const mentionsVendor = (expr: string) => expr.includes("'orion.vendor_id'");

function problemsOf(row: Row): string[] {
  if (row.kind === 'm') return ['a materialized view: row-level security cannot apply to it'];
  if (row.kind === 'v') {
    const invoker = (row.options ?? []).some((o) => /^security_invoker=(true|on|yes|1)$/i.test(o));
    // A view reads its tables with its owner's rights, and the owner (a superuser, often) bypasses the policy.
    return invoker ? [] : ['a view without security_invoker = true reads past row-level security'];
  }
  const problems: string[] = [];
  if (!row.enabled) problems.push('row-level security is not enabled');
  // A search index is read by its owner's definer function, which checks the vendor itself (`tenant-search.ts`).
  if (!row.forced && row.comment !== SEARCH_INDEX_MARK) problems.push('row-level security is not forced');
  const policies = row.policies ?? [];
  const tenant = policies.find((p) => p.name === 'tenant_isolation');
  if (!tenant) problems.push('no tenant_isolation policy');
  else if (
    !tenant.permissive ||
    tenant.cmd !== '*' ||
    tenant.roles !== '{0}' ||
    !mentionsVendor(tenant.using) ||
    !mentionsVendor(tenant.check)
  ) {
    problems.push('tenant_isolation does not check orion.vendor_id for every command and role, on read and write');
  }
  for (const p of policies) {
    // Permissive policies are OR-ed: any other one widens what tenant_isolation allows.
    if (p.permissive && p.name !== 'tenant_isolation') problems.push(`permissive policy ${p.name} widens access`);
  }
  return problems;
}

/** Every relation in the current schema with a `vendor_id` column that lacks forced RLS or the tenant policy. */
export async function findTenantTablesWithoutPolicy(knex: Knex): Promise<TenantTableProblem[]> {
  const { rows } = (await knex.raw(QUERY)) as { rows: Row[] };
  return rows.map((row) => ({ table: row.table, problems: problemsOf(row) })).filter((t) => t.problems.length);
}

export function describeTenantProblems(found: TenantTableProblem[]): string {
  return found.map((t) => `${t.table} (${t.problems.join('; ')})`).join(', ');
}

/** Throws, naming each offender, unless every tenant table is protected. For tests and release checks. */
export async function assertTenantTablesHavePolicies(knex: Knex): Promise<void> {
  const found = await findTenantTablesWithoutPolicy(knex);
  if (found.length) {
    throw new Error(
      `tenant tables without row-level security: ${describeTenantProblems(found)}. Call enableTenantRls(knex, table) in a migration.`,
    );
  }
}

/** At start-up outside production: one warning naming the offenders, so plugin authors notice. Never throws. */
export async function warnAboutTenantTablesWithoutPolicy(
  knex: Knex,
  logger: { warn(obj: object, msg: string): void },
): Promise<TenantTableProblem[]> {
  try {
    const found = await findTenantTablesWithoutPolicy(knex);
    if (found.length) {
      logger.warn(
        { tables: found.map((t) => t.table), problems: describeTenantProblems(found) },
        'tenant tables without row-level security: any vendor can read their rows; call enableTenantRls in a migration',
      );
    }
    return found;
  } catch (err) {
    logger.warn({ err }, 'could not check tenant tables for row-level security');
    return [];
  }
}
