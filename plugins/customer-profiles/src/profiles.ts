import { type Knex, z } from '@orion/sdk';
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

interface JoinedRow {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  created_at: Date;
  account_consent: boolean;
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

export const toProfile = (r: JoinedRow): VendorProfile => ({
  customerId: Number(r.id),
  email: r.email,
  firstName: r.first_name,
  lastName: r.last_name,
  phone: r.phone,
  company: r.company,
  birthDate: day(r.birth_date),
  vatNumber: r.vat_number,
  // Until the customer sets it here, email consent is what they chose when they registered.
  marketing: {
    email: r.marketing_email ?? r.account_consent,
    sms: r.marketing_sms ?? false,
    updatedAt: iso(r.consent_updated_at),
  },
  createdAt: new Date(r.created_at).toISOString(),
  notes: r.notes ?? '',
  notesUpdatedAt: iso(r.notes_updated_at),
});

export const forShopper = ({ notes: _n, notesUpdatedAt: _u, ...p }: VendorProfile): Profile => p;

/** The vendor's live customers joined with their profiles (absent profiles give nulls). */
export function customersQuery(trx: Knex, vendorId: number) {
  return trx('customers as c')
    .leftJoin(`${PROFILES} as p`, function () {
      this.on('p.customer_id', 'c.id').andOn('p.vendor_id', 'c.vendor_id');
    })
    .where('c.vendor_id', vendorId)
    .whereNull('c.deleted_at')
    .select(
      'c.id',
      'c.email',
      'c.first_name',
      'c.last_name',
      'c.phone',
      'c.created_at',
      'c.marketing_consent as account_consent',
      'p.company',
      'p.birth_date',
      'p.vat_number',
      'p.marketing_email',
      'p.marketing_sms',
      'p.consent_updated_at',
      'p.notes',
      'p.notes_updated_at',
    );
}

export async function loadProfile(trx: Knex, vendorId: number, customerId: number): Promise<VendorProfile> {
  const row = await customersQuery(trx, vendorId).where('c.id', customerId).first<JoinedRow | undefined>();
  if (!row) throw ProfileErrors.NotFound({ what: 'customer', id: customerId });
  return toProfile(row);
}

/** Writes profile columns, creating the profile row on first write. */
async function upsert(trx: Knex, vendorId: number, customerId: number, values: Record<string, unknown>) {
  await trx(PROFILES)
    .insert({ vendor_id: vendorId, customer_id: customerId, ...values })
    .onConflict(['vendor_id', 'customer_id'])
    .merge({ ...values, updated_at: trx.fn.now() });
}

export async function updateProfile(trx: Knex, vendorId: number, customerId: number, patch: ProfilePatch) {
  const current = await loadProfile(trx, vendorId, customerId);
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
      values.consent_updated_at = trx.fn.now();
    }
  }
  if (Object.keys(values).length) await upsert(trx, vendorId, customerId, values);
  return loadProfile(trx, vendorId, customerId);
}

export async function updateNotes(trx: Knex, vendorId: number, customerId: number, notes: string) {
  await loadProfile(trx, vendorId, customerId);
  await upsert(trx, vendorId, customerId, { notes, notes_updated_at: trx.fn.now() });
  return loadProfile(trx, vendorId, customerId);
}

export interface ListOptions {
  search?: string;
  limit: number;
  offset: number;
}

/** One page of the vendor's customers with their profiles, newest first; `search` matches email, name or company. */
export async function listProfiles(trx: Knex, vendorId: number, o: ListOptions) {
  const filter = () => {
    const q = customersQuery(trx, vendorId);
    if (o.search) {
      const like = `%${o.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
      q.where((w) =>
        w
          .whereRaw('lower(c.email) like ?', [like])
          .orWhereRaw("lower(c.first_name || ' ' || c.last_name) like ?", [like])
          .orWhereRaw("lower(coalesce(p.company, '')) like ?", [like]),
      );
    }
    return q;
  };
  const rows = (await filter().orderBy('c.id', 'desc').limit(o.limit).offset(o.offset)) as JoinedRow[];
  const [counted] = await trx.from(filter().as('f')).count<{ count: string | number }[]>('* as count');
  return { customers: rows.map(toProfile), total: Number(counted?.count ?? 0) };
}

/** Every live customer of the vendor with their profile, oldest first, for the CSV export. */
export async function allProfiles(trx: Knex, vendorId: number): Promise<VendorProfile[]> {
  return ((await customersQuery(trx, vendorId).orderBy('c.id')) as JoinedRow[]).map(toProfile);
}
