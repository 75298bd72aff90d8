import type { Knex } from '@orion/sdk';
import { type Address, type AddressInput, type AddressPatch, postalCodeProblem } from './address.js';
import { ProfileErrors } from './errors.js';

export const ADDRESSES = 'customer_profiles__addresses';

interface AddressRow {
  id: number;
  kind: 'shipping' | 'billing';
  is_default: boolean;
  full_name: string;
  company: string | null;
  line1: string;
  line2: string | null;
  postal_code: string | null;
  city: string;
  region: string | null;
  country: string;
  phone: string | null;
}

export const toAddress = (r: AddressRow): Address => ({
  id: Number(r.id),
  kind: r.kind,
  isDefault: r.is_default,
  fullName: r.full_name,
  company: r.company,
  line1: r.line1,
  line2: r.line2,
  postalCode: r.postal_code,
  city: r.city,
  region: r.region,
  country: r.country.trim(),
  phone: r.phone,
});

const columns = (a: Partial<AddressInput>) => {
  const out: Record<string, unknown> = {};
  const map: [keyof AddressInput, string][] = [
    ['kind', 'kind'],
    ['fullName', 'full_name'],
    ['company', 'company'],
    ['line1', 'line1'],
    ['line2', 'line2'],
    ['postalCode', 'postal_code'],
    ['city', 'city'],
    ['region', 'region'],
    ['country', 'country'],
    ['phone', 'phone'],
  ];
  for (const [k, col] of map) if (k in a) out[col] = a[k] ?? null;
  return out;
};

/** What an audit entry says of a change (`Scope.record` fills in the rest). */
export interface Change {
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
}
/** Writes an audit entry `customer-profiles.<what>` about a customer, in the transaction of the change. */
export type Recorder = (what: string, customerId: number, change?: Change) => Promise<void>;

export interface Owner {
  vendorId: number;
  customerId: number;
  /** Audits each change (the vendor's pages and API, the shopper's own address pages). */
  record?: Recorder;
}

export async function listAddresses(trx: Knex, o: Owner): Promise<Address[]> {
  const rows = await trx(ADDRESSES)
    .where({ vendor_id: o.vendorId, customer_id: o.customerId })
    .orderBy([{ column: 'kind', order: 'desc' }, { column: 'is_default', order: 'desc' }, 'id']);
  return (rows as AddressRow[]).map(toAddress);
}

async function load(trx: Knex, o: Owner, id: number): Promise<AddressRow> {
  const row = await trx(ADDRESSES)
    .where({ vendor_id: o.vendorId, customer_id: o.customerId, id })
    .first<AddressRow | undefined>();
  if (!row) throw ProfileErrors.NotFound({ what: 'address', id });
  return row;
}

/** Makes `id` the only default address of its kind. */
async function makeDefault(trx: Knex, o: Owner, kind: string, id: number): Promise<void> {
  const mine = { vendor_id: o.vendorId, customer_id: o.customerId };
  await trx(ADDRESSES)
    .where({ ...mine, kind, is_default: true })
    .whereNot({ id })
    .update({ is_default: false });
  await trx(ADDRESSES)
    .where({ ...mine, id })
    .update({ is_default: true });
}

/** When no address of `kind` is the default any more, the newest one becomes it. */
async function keepADefault(trx: Knex, o: Owner, kind: string): Promise<void> {
  const mine = { vendor_id: o.vendorId, customer_id: o.customerId, kind };
  if (
    await trx(ADDRESSES)
      .where({ ...mine, is_default: true })
      .first('id')
  )
    return;
  const newest = await trx(ADDRESSES).where(mine).orderBy('id', 'desc').first<{ id: number } | undefined>('id');
  if (newest) await trx(ADDRESSES).where({ id: newest.id, vendor_id: o.vendorId }).update({ is_default: true });
}

/** A new address. The first of its kind, or one sent with `isDefault: true`, becomes the default of its kind. */
export async function createAddress(trx: Knex, o: Owner, input: AddressInput): Promise<Address> {
  const [row] = await trx(ADDRESSES)
    .insert({ vendor_id: o.vendorId, customer_id: o.customerId, ...columns(input), is_default: false })
    .returning('id');
  const id = Number((row as { id: number }).id);
  if (input.isDefault) await makeDefault(trx, o, input.kind, id);
  else await keepADefault(trx, o, input.kind);
  const created = toAddress(await load(trx, o, id));
  await o.record?.('address.created', o.customerId, { after: created });
  return created;
}

/** Changes an address; `isDefault: true` switches the default of its kind to it. */
export async function updateAddress(trx: Knex, o: Owner, id: number, patch: AddressPatch): Promise<Address> {
  const before = await load(trx, o, id);
  const country = patch.country ?? before.country.trim();
  const postalCode = 'postalCode' in patch ? patch.postalCode : (before.postal_code ?? undefined);
  const problem = postalCodeProblem(country, postalCode);
  if (problem) {
    throw ProfileErrors.InvalidAddress({ summary: `postalCode: ${problem}` }, { fields: { postalCode: problem } });
  }
  const changes = columns(patch);
  const kind = patch.kind ?? before.kind;
  // A default that changes kind, or is given up, stops being the default first (one default per kind).
  if (kind !== before.kind || patch.isDefault === false) changes.is_default = false;
  if (Object.keys(changes).length) {
    await trx(ADDRESSES)
      .where({ vendor_id: o.vendorId, id })
      .update({ ...changes, updated_at: trx.fn.now() });
  }
  if (patch.isDefault) await makeDefault(trx, o, kind, id);
  await keepADefault(trx, o, before.kind);
  await keepADefault(trx, o, kind);
  const after = toAddress(await load(trx, o, id));
  await o.record?.('address.updated', o.customerId, { before: toAddress(before), after });
  return after;
}

/** Deletes an address; when it was the default, the newest other address of its kind takes over. */
export async function deleteAddress(trx: Knex, o: Owner, id: number): Promise<void> {
  const before = await load(trx, o, id);
  await trx(ADDRESSES).where({ vendor_id: o.vendorId, id }).del();
  await keepADefault(trx, o, before.kind);
  await o.record?.('address.deleted', o.customerId, { before: toAddress(before) });
}
