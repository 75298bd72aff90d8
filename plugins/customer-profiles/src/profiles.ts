import { type CustomerAccount, type CustomerDirectory, type Knex, type PluginContext, z } from '@orion/sdk';
import type { Context } from 'hono';
import type { Change, Recorder } from './addresses.js';
import { ProfileErrors } from './errors.js';

export const PROFILES = 'customer_profiles__profiles';

/**
 * A customer as this plugin shows it: the kernel's account (email, names, phone: read here, owned by the kernel)
 * and this plugin's profile fields, consent and the vendor's notes.
 */
export const Profile = z
  .object({
    customerId: z.number().int(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    birthDate: z.string().nullable(),
    vatNumber: z.string().nullable(),
    marketing: z.object({ email: z.boolean(), sms: z.boolean(), updatedAt: z.string().nullable() }),
    createdAt: z.string(),
  })
  .openapi('CustomerProfilesProfile');
export type Profile = z.infer<typeof Profile>;
export const VendorProfile = Profile.extend({ notes: z.string(), notesUpdatedAt: z.string().nullable() }).openapi(
  'CustomerProfilesVendorProfile',
);
export type VendorProfile = z.infer<typeof VendorProfile>;

export const ProfilePatch = z
  .object({
    company: z.string().trim().max(120).nullable(),
    birthDate: z.iso.date('must be a date such as 1990-04-25').nullable(),
    vatNumber: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}[A-Z0-9]{2,13}$/, 'must be a VAT number such as LU12345678')
      .nullable(),
    marketing: z.object({ email: z.boolean().optional(), sms: z.boolean().optional() }),
  })
  .partial()
  .openapi('CustomerProfilesProfilePatch');
export type ProfilePatch = z.infer<typeof ProfilePatch>;

/** The kernel's limits for what `ctx.customers.update` accepts (names up to 100 characters, phone up to 40). */
const name = z.string().trim().max(100, 'must be at most 100 characters');
export const PHONE = /^[+0-9 ()./-]*$/;

/**
 * What a vendor changes on a customer: the account's names and phone (the kernel's, through `ctx.customers.update`)
 * and the profile fields. Never the email (the customer's sign-in identity) nor the marketing consent (the customer's
 * to give).
 */
export const VendorProfilePatch = ProfilePatch.omit({ marketing: true })
  .extend({
    firstName: name,
    lastName: name,
    phone: z
      .string()
      .trim()
      .max(40, 'must be at most 40 characters')
      .regex(PHONE, 'must be a phone number such as +352 621 123 456')
      .nullable(),
  })
  .partial()
  .strict()
  .openapi('CustomerProfilesVendorProfilePatch');
export type VendorProfilePatch = z.infer<typeof VendorProfilePatch>;

/** Where the profile functions run: the vendor's transaction and the kernel's customer directory (`ctx.customers`). */
export interface Scope {
  trx: Knex;
  vendorId: number;
  customers: CustomerDirectory;
  /** Audits a change in this transaction, as done by the request's signed-in user (or customer). */
  record: Recorder;
}

/**
 * Runs `fn` in a transaction scoped to the vendor, with the directory reading through that same transaction. `c`,
 * the request, names who acted in the audit entries of the changes `fn` makes.
 */
export const inVendor = <R>(ctx: PluginContext, vendorId: number, fn: (s: Scope) => Promise<R>, c?: Context) =>
  ctx.withTenant({ vendorId }, (trx) =>
    fn({
      trx,
      vendorId,
      customers: ctx.customers,
      record: (what, customerId, change = {}) =>
        ctx.audit(
          c,
          { action: `customer-profiles.${what}`, targetType: 'customer', targetId: customerId, vendorId, ...change },
          { trx },
        ),
    }),
  );

/** The fields of `after` that differ from `before`, each side: what an audit entry keeps of a profile change. */
function diff(before: VendorProfile, after: VendorProfile): Change {
  const keys = (Object.keys(after) as (keyof VendorProfile)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}

interface ProfileRow {
  customer_id: number | string;
  company: string | null;
  birth_date: string | Date | null;
  vat_number: string | null;
  marketing_email: boolean | null;
  marketing_sms: boolean | null;
  consent_updated_at: Date | null;
  notes: string | null;
  notes_updated_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const day = (d: string | Date | null) =>
  d === null
    ? null
    : typeof d === 'string'
      ? d.slice(0, 10)
      : new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/** The kernel's account (email, names, phone) joined, in code, with this plugin's profile row (absent: nulls). */
export const toProfile = (a: CustomerAccount, p: ProfileRow | undefined): VendorProfile => ({
  customerId: a.id,
  email: a.email,
  firstName: a.firstName,
  lastName: a.lastName,
  phone: a.phone,
  company: p?.company ?? null,
  birthDate: day(p?.birth_date ?? null),
  vatNumber: p?.vat_number ?? null,
  // Until the customer sets it here, email consent is what they chose when they registered.
  marketing: {
    email: p?.marketing_email ?? a.marketingConsent,
    sms: p?.marketing_sms ?? false,
    updatedAt: iso(p?.consent_updated_at ?? null),
  },
  createdAt: a.createdAt,
  notes: p?.notes ?? '',
  notesUpdatedAt: iso(p?.notes_updated_at ?? null),
});

export const forShopper = ({ notes: _n, notesUpdatedAt: _u, ...p }: VendorProfile): Profile => p;

/** The profiles of these accounts, in the accounts' order. */
async function withProfiles(s: Scope, accounts: CustomerAccount[]): Promise<VendorProfile[]> {
  if (!accounts.length) return [];
  const rows = (await s
    .trx(PROFILES)
    .where({ vendor_id: s.vendorId })
    .whereIn(
      'customer_id',
      accounts.map((a) => a.id),
    )) as ProfileRow[];
  const byId = new Map(rows.map((r) => [Number(r.customer_id), r]));
  return accounts.map((a) => toProfile(a, byId.get(a.id)));
}

export async function loadProfile(s: Scope, customerId: number): Promise<VendorProfile> {
  const account = await s.customers.get(s.vendorId, customerId, { trx: s.trx });
  if (!account) throw ProfileErrors.NotFound({ what: 'customer', id: customerId });
  const [profile] = await withProfiles(s, [account]);
  return profile as VendorProfile;
}

/** Writes profile columns, creating the profile row on first write. */
async function upsert(s: Scope, customerId: number, values: Record<string, unknown>) {
  await s
    .trx(PROFILES)
    .insert({ vendor_id: s.vendorId, customer_id: customerId, ...values })
    .onConflict(['vendor_id', 'customer_id'])
    .merge({ ...values, updated_at: s.trx.fn.now() });
}

/** Writes the profile fields of `patch` over `current` (the profile as just read in this transaction). */
async function writeProfile(s: Scope, customerId: number, patch: ProfilePatch, current: VendorProfile) {
  const values: Record<string, unknown> = {};
  if ('company' in patch) values.company = patch.company || null;
  if ('birthDate' in patch) values.birth_date = patch.birthDate;
  if ('vatNumber' in patch) values.vat_number = patch.vatNumber || null;
  if (patch.marketing) {
    const email = patch.marketing.email ?? current.marketing.email;
    const sms = patch.marketing.sms ?? current.marketing.sms;
    values.marketing_email = email;
    values.marketing_sms = sms;
    if (email !== current.marketing.email || sms !== current.marketing.sms || !current.marketing.updatedAt) {
      values.consent_updated_at = s.trx.fn.now();
    }
  }
  if (Object.keys(values).length) await upsert(s, customerId, values);
  return loadProfile(s, customerId);
}

/** Changes the profile fields and consent (the shopper's own page and API), audited. */
export async function updateProfile(s: Scope, customerId: number, patch: ProfilePatch) {
  const before = await loadProfile(s, customerId);
  const after = await writeProfile(s, customerId, patch, before);
  await recordDiff(s, customerId, before, after);
  return after;
}

async function recordDiff(s: Scope, customerId: number, before: VendorProfile, after: VendorProfile) {
  const change = diff(before, after);
  if (Object.keys(change.after as object).length) await s.record('profile.updated', customerId, change);
}

/** The vendor's change to a customer's account (names, phone) and profile, in the scope's one transaction. */
export async function updateCustomer(s: Scope, customerId: number, patch: VendorProfilePatch) {
  const before = await loadProfile(s, customerId);
  const { firstName, lastName, phone, ...profile } = patch;
  const account = Object.fromEntries(
    Object.entries({ firstName, lastName, phone }).filter(([, v]) => v !== undefined),
  ) as VendorProfilePatch;
  if (Object.keys(account).length) {
    const updated = await s.customers.update(s.vendorId, customerId, account, { trx: s.trx });
    if (!updated) throw ProfileErrors.NotFound({ what: 'customer', id: customerId });
  }
  const after = await writeProfile(s, customerId, profile, before);
  await recordDiff(s, customerId, before, after);
  return after;
}

export async function updateNotes(s: Scope, customerId: number, notes: string) {
  const before = await loadProfile(s, customerId);
  await upsert(s, customerId, { notes, notes_updated_at: s.trx.fn.now() });
  // The notes themselves stay out of the log (they may hold anything); their length says a change happened.
  await s.record('notes.updated', customerId, { details: { before: before.notes.length, after: notes.length } });
  return loadProfile(s, customerId);
}

export interface ListOptions {
  search?: string;
  limit: number;
  offset: number;
}

/** One page of the vendor's customers with their profiles, newest first; `search` matches email, name or company. */
export async function listProfiles(s: Scope, o: ListOptions) {
  let alsoIds: number[] = [];
  if (o.search) {
    // The directory matches email and name; the company is ours, so its matches are passed in as ids.
    const like = `%${o.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    const rows = await s
      .trx(PROFILES)
      .where({ vendor_id: s.vendorId })
      .whereRaw("lower(coalesce(company, '')) like ?", [like])
      .limit(500)
      .select('customer_id');
    alsoIds = rows.map((r: { customer_id: number | string }) => Number(r.customer_id));
  }
  const page = await s.customers.list(s.vendorId, { ...o, alsoIds, trx: s.trx });
  return { customers: await withProfiles(s, page.customers), total: page.total };
}

/** Every live customer of the vendor with their profile, oldest first, for the CSV export. */
export async function allProfiles(s: Scope): Promise<VendorProfile[]> {
  const all: VendorProfile[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await s.customers.list(s.vendorId, { order: 'oldest', limit: 500, offset, trx: s.trx });
    all.push(...(await withProfiles(s, page.customers)));
    if (page.customers.length < 500) return all;
  }
}
