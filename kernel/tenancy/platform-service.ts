import type { Context } from 'hono';
import type { Knex } from 'knex';
import { z } from 'zod';
import { audit } from '../audit/audit.js';
import { uniqueViolation } from '../db/unique-violation.js';
import { TenancyErrors } from './errors.js';
import { SUPPORTED_LANGUAGES } from './language.js';

/** A host name such as `oms.example.com`, or a single label such as `localhost`; lowercase, without `www.`. */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^www\./, ''))
  .refine((d) => HOST.test(d), 'must be a host name such as oms.example.com');
const json = z.record(z.string(), z.unknown());

/** What may change on a platform (the API's PATCH body, the console's edit form). */
export const PlatformPatch = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120).optional(),
  domain: domain.nullable().optional(),
  branding: json.optional(),
  defaultLanguage: z.enum(SUPPORTED_LANGUAGES).optional(),
  settings: json.optional(),
});
export const NewPlatform = PlatformPatch.extend({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .refine((c) => /^[a-z][a-z0-9-]{0,39}$/.test(c), 'must be 1 to 40 lowercase letters, digits or dashes'),
  name: z.string().trim().min(1, 'must not be empty').max(120),
});
export type PlatformPatchInput = z.infer<typeof PlatformPatch>;
export type NewPlatformInput = z.infer<typeof NewPlatform>;

export interface PlatformRow {
  id: number;
  code: string;
  name: string;
  domain: string | null;
  is_default: boolean;
  is_active: boolean;
  default_language: string;
  branding: Record<string, unknown>;
  settings: Record<string, unknown>;
  created_at: Date;
}

export const presentPlatform = (p: PlatformRow) => ({
  id: Number(p.id),
  code: p.code,
  name: p.name,
  domain: p.domain,
  isDefault: p.is_default,
  isActive: p.is_active,
  defaultLanguage: p.default_language,
  branding: p.branding,
  settings: p.settings,
  createdAt: p.created_at.toISOString(),
});

/** The platforms an administrator manages: `all`, or their ids. */
export type PlatformScope = 'all' | readonly number[];

const columns = (patch: PlatformPatchInput) => ({
  ...(patch.name !== undefined ? { name: patch.name } : {}),
  ...(patch.domain !== undefined ? { domain: patch.domain } : {}),
  ...(patch.branding !== undefined ? { branding: JSON.stringify(patch.branding) } : {}),
  ...(patch.defaultLanguage !== undefined ? { default_language: patch.defaultLanguage } : {}),
  ...(patch.settings !== undefined ? { settings: JSON.stringify(patch.settings) } : {}),
});

/** The platforms in `scope`, oldest first. */
export function platformsQuery(db: Knex, scope: PlatformScope): Knex.QueryBuilder {
  const q = db('platforms').orderBy('id');
  if (scope !== 'all') q.whereIn('id', [...scope]);
  return q;
}

/** One platform by code, if in `scope`. */
export function findPlatform(db: Knex, scope: PlatformScope, code: string): Promise<PlatformRow | undefined> {
  return platformsQuery(db, scope).whereRaw('lower(code) = ?', [code.toLowerCase()]).first<PlatformRow | undefined>();
}

/** A platform's domain must not be another platform's, nor a vendor's custom domain (the indexes catch races). */
async function checkDomain(db: Knex, host: string | null | undefined, self?: number): Promise<void> {
  if (!host) return;
  const platform = await db('platforms')
    .whereRaw('lower(domain) = ?', [host])
    .whereNot('id', self ?? -1)
    .first('id');
  const vendor = await db('vendor_domains').whereRaw('lower(domain) = ?', [host]).first('id');
  if (platform || vendor) throw TenancyErrors.DomainTaken({ domain: host });
}

/** The unique indexes catch what the checks above miss when two requests race: the same 409, never a 500. */
const conflicts = (input: { code?: string; domain?: string | null }) => (err: unknown) => {
  const violation = uniqueViolation(err);
  if (!violation) throw err;
  if (/domain/.test(violation.constraint)) throw TenancyErrors.DomainTaken({ domain: input.domain ?? '' });
  throw TenancyErrors.PlatformCodeTaken({ code: input.code ?? '' });
};

/**
 * Creates a platform, active at once, and audit-logs it (`tenancy.platform.created`). `run` opens the system-scoped
 * transaction (`db.asSystem`), so that a unique violation is seen after the rollback and told as a 409.
 */
export function createPlatform(
  run: <T>(fn: (db: Knex) => Promise<T>) => Promise<T>,
  c: Context | undefined,
  input: NewPlatformInput,
): Promise<PlatformRow> {
  return run(async (db) => {
    const taken = await db('platforms').whereRaw('lower(code) = ?', [input.code]).first('id');
    if (taken) throw TenancyErrors.PlatformCodeTaken({ code: input.code });
    await checkDomain(db, input.domain);
    const [row] = await db('platforms')
      .insert({ code: input.code, ...columns(input) })
      .returning<PlatformRow[]>('*');
    const platform = row as PlatformRow;
    await audit(db, c, {
      action: 'tenancy.platform.created',
      targetType: 'platform',
      targetId: platform.id,
      platformId: platform.id,
      after: input,
    });
    return platform;
  }).catch(conflicts(input));
}

/** Changes a platform (undefined when not in scope) and audit-logs the fields changed (`tenancy.platform.changed`). */
export function changePlatform(
  run: <T>(fn: (db: Knex) => Promise<T>) => Promise<T>,
  c: Context | undefined,
  target: { scope: PlatformScope; code: string },
  patch: PlatformPatchInput,
): Promise<PlatformRow | undefined> {
  return run(async (db) => {
    const before = await findPlatform(db, target.scope, target.code);
    if (!before || !Object.keys(columns(patch)).length) return before;
    await checkDomain(db, patch.domain, Number(before.id));
    const [row] = await db('platforms')
      .where({ id: before.id })
      .update({ ...columns(patch), updated_at: db.fn.now() })
      .returning<PlatformRow[]>('*');
    const keys = Object.keys(patch) as (keyof typeof patch)[];
    const was = presentPlatform(before) as Record<string, unknown>;
    await audit(db, c, {
      action: 'tenancy.platform.changed',
      targetType: 'platform',
      targetId: before.id,
      platformId: Number(before.id),
      before: Object.fromEntries(keys.map((k) => [k, was[k]])),
      after: patch,
    });
    return row as PlatformRow;
  }).catch(conflicts(patch));
}

/**
 * Deactivates (every host of the platform answers 404) or reactivates a platform and audit-logs it
 * (`tenancy.platform.deactivated|reactivated`). The default platform cannot be deactivated. Undefined when not in
 * scope. Run in a system-scoped transaction.
 */
export async function setPlatformActive(
  db: Knex,
  c: Context | undefined,
  target: { scope: PlatformScope; code: string },
  active: boolean,
): Promise<PlatformRow | undefined> {
  const platform = await findPlatform(db, target.scope, target.code);
  if (!platform) return undefined;
  if (!active && platform.is_default) throw TenancyErrors.DefaultPlatform({ code: platform.code });
  const [row] = await db('platforms')
    .where({ id: platform.id })
    .update({ is_active: active, updated_at: db.fn.now() })
    .returning<PlatformRow[]>('*');
  const verb = active ? 'reactivate' : 'deactivate';
  await audit(db, c, {
    action: `tenancy.platform.${verb}d`,
    targetType: 'platform',
    targetId: platform.id,
    platformId: Number(platform.id),
    before: { isActive: platform.is_active },
    after: { isActive: active },
  });
  return row as PlatformRow;
}
