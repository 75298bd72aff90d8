import type { Knex } from '@orion/sdk';
import { InventoryErrors } from './errors.js';
import { T } from './tables.js';

export interface Location {
  id: number;
  name: string;
  isDefault: boolean;
}

interface LocationRow {
  id: number;
  name: string;
  is_default: boolean;
}

const toLocation = (r: LocationRow): Location => ({ id: Number(r.id), name: r.name, isDefault: r.is_default });

/** The vendor's default location, created ("Main warehouse") on first use. */
export async function defaultLocationId(trx: Knex, vendorId: number): Promise<number> {
  const found = await trx(T.locations).where({ vendor_id: vendorId, is_default: true }).first('id');
  if (found) return Number(found.id);
  // Two first requests may race here: the partial unique index keeps one default, the loser reads the winner's.
  const { rows } = (await trx.raw(
    `insert into ${T.locations} (vendor_id, name, is_default) values (?, 'Main warehouse', true)
     on conflict do nothing returning id`,
    [vendorId],
  )) as { rows: { id: number }[] };
  if (rows[0]) return Number(rows[0].id);
  const again = await trx(T.locations).where({ vendor_id: vendorId, is_default: true }).first('id');
  return Number(again.id);
}

/** The location asked for (another vendor's is unknown: 404), or the default one. */
export async function resolveLocation(trx: Knex, vendorId: number, locationId?: number): Promise<number> {
  if (locationId === undefined) return defaultLocationId(trx, vendorId);
  const row = await trx(T.locations).where({ vendor_id: vendorId, id: locationId }).first('id');
  if (!row) throw InventoryErrors.LocationNotFound({ id: locationId });
  return Number(row.id);
}

export async function listLocations(trx: Knex, vendorId: number): Promise<Location[]> {
  await defaultLocationId(trx, vendorId);
  const rows = await trx(T.locations).where({ vendor_id: vendorId }).orderBy(['name', 'id']);
  return rows.map(toLocation);
}

function taken(err: unknown, name: string): never {
  const e = err as { code?: string; constraint?: string };
  if (e.code === '23505' && e.constraint === 'inventory__locations_vendor_name') {
    throw InventoryErrors.LocationTaken({ name }, { fields: { name: 'is already taken in this shop' } });
  }
  throw err;
}

async function clearDefault(trx: Knex, vendorId: number): Promise<void> {
  await trx(T.locations).where({ vendor_id: vendorId, is_default: true }).update({ is_default: false });
}

export async function createLocation(
  trx: Knex,
  vendorId: number,
  input: { name: string; isDefault?: boolean },
): Promise<Location> {
  await defaultLocationId(trx, vendorId);
  if (input.isDefault) await clearDefault(trx, vendorId);
  const [row] = await trx(T.locations)
    .insert({ vendor_id: vendorId, name: input.name, is_default: input.isDefault ?? false })
    .returning('*')
    .catch((err) => taken(err, input.name));
  return toLocation(row as LocationRow);
}

/** Renames a location, or makes it the default (the old default stops being one). */
export async function updateLocation(
  trx: Knex,
  vendorId: number,
  id: number,
  input: { name?: string; isDefault?: true },
): Promise<Location> {
  await resolveLocation(trx, vendorId, id);
  if (input.isDefault) await clearDefault(trx, vendorId);
  const cols: Record<string, unknown> = {};
  if (input.name !== undefined) cols.name = input.name;
  if (input.isDefault) cols.is_default = true;
  const q = trx(T.locations).where({ vendor_id: vendorId, id });
  const [row] = Object.keys(cols).length
    ? await q
        .update(cols)
        .returning('*')
        .catch((err) => taken(err, input.name ?? ''))
    : await q.select('*');
  return toLocation(row as LocationRow);
}
