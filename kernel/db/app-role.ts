import type { Knex } from 'knex';
import { KernelErrors } from '../errors/codes.js';

/**
 * The role the application's queries run as. Superusers and table owners bypass row-level security (owners unless
 * FORCE is set, superusers always), so the kernel connects as the owner and then switches every pooled connection to
 * this role: no superuser, no BYPASSRLS, owns nothing, may read and write the tables but not alter them. Migrations
 * switch back to the owner for their transaction only (`asOwner`).
 */
export const DEFAULT_APP_ROLE = 'orion_app';

/** Lower-case identifiers only, so a role name never needs quoting rules beyond the driver's. */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** What provisioning needs from a connection: node-postgres's `Client`, on a server and on PGlite's adapter alike. */
export interface RawConnection {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  escapeIdentifier(value: string): string;
}

/** Any number, the same in every process: serialises provisioning of one database by several processes. */
const PROVISION_LOCK = 0x6f72696f6e; // "orion"

function refuse(detail: string, cause?: unknown): Error {
  return KernelErrors.AppRole({ detail }, cause === undefined ? undefined : { cause });
}

async function createRole(conn: RawConnection, role: string): Promise<void> {
  try {
    await conn.query(`create role ${conn.escapeIdentifier(role)} nologin nosuperuser nobypassrls noinherit`);
  } catch (err) {
    // Roles are cluster-wide: another process (another test database, say) may have created it just now.
    const code = (err as { code?: string }).code;
    if (code !== '42710' && code !== '23505') throw err;
  }
}

/**
 * Makes `role` usable by this database, as the connecting user (the owner), before the connection switches to it:
 * creates the role if missing, lets the owner SET ROLE to it, and grants it data access (not TRUNCATE, which ignores
 * row-level security) on the schema's tables and sequences, now and for every table the owner creates later. Safe to
 * run by several processes at once. Runs at each pool's first connection, so an upgraded database catches up.
 */
export async function provisionAppRole(conn: RawConnection, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) refuseName(role);
  const found = async () =>
    (
      await conn.query(
        'select rolsuper, rolbypassrls, rolname = session_user as is_session from pg_roles where rolname = $1',
        [role],
      )
    ).rows[0] as { rolsuper: boolean; rolbypassrls: boolean; is_session: boolean } | undefined;
  let existing = await found();
  if (!existing) {
    await createRole(conn, role);
    existing = await found();
  }
  if (!existing) throw refuse(`the role ${role} could not be created`);
  if (existing.is_session) {
    throw refuse(`DATABASE_APP_ROLE (${role}) must not be the user Orion connects as: connect as the schema's owner`);
  }
  if (existing.rolsuper || existing.rolbypassrls) {
    throw refuse(`the role ${role} is a superuser or has BYPASSRLS, so row-level security would not apply to it`);
  }
  const id = conn.escapeIdentifier(role);
  const [member] = (await conn.query(`select pg_has_role(session_user, $1, 'MEMBER') as ok`, [role])).rows;
  if (!member?.ok) {
    // A superuser may SET ROLE to anyone; an owner that is not one needs membership (and CREATEROLE to grant it).
    await conn.query(`grant ${id} to session_user`).catch((err: Error) => {
      throw refuse(
        `the connecting user cannot SET ROLE ${role} (${err.message}): run GRANT ${role} TO <that user>`,
        err,
      );
    });
  }
  const [{ schema }] = (await conn.query('select current_schema() as schema')).rows as [{ schema: string }];
  const s = conn.escapeIdentifier(schema);
  await conn.query('begin');
  try {
    // Concurrent GRANTs on one object fail with "tuple concurrently updated".
    await conn.query('select pg_advisory_xact_lock($1)', [PROVISION_LOCK]);
    await conn.query(`grant usage on schema ${s} to ${id}`);
    await conn.query(`grant select, insert, update, delete on all tables in schema ${s} to ${id}`);
    await conn.query(`grant usage, select, update on all sequences in schema ${s} to ${id}`);
    await conn.query(`alter default privileges in schema ${s} grant select, insert, update, delete on tables to ${id}`);
    await conn.query(`alter default privileges in schema ${s} grant usage, select, update on sequences to ${id}`);
    await conn.query('commit');
  } catch (err) {
    await conn.query('rollback').catch(() => {});
    // E.g. an owner that is not a superuser and does not own every table in the schema.
    throw refuse(`could not grant ${role} access to schema ${schema}: ${(err as Error).message}`, err);
  }
}

function refuseName(role: string): never {
  throw refuse(`DATABASE_APP_ROLE must be a lower-case role name (letters, digits, _), not ${JSON.stringify(role)}`);
}

/**
 * The knex pool's `afterCreate`: provisions the role once per pool (on the first connection, still as the owner),
 * then switches each new connection to it for the rest of its session.
 */
export function switchToAppRole(role: string) {
  if (!ROLE_NAME.test(role)) refuseName(role);
  let provisioned: Promise<void> | undefined;
  return (conn: RawConnection, done: (err: Error | null, conn: RawConnection) => void): void => {
    provisioned ??= provisionAppRole(conn, role).catch((err: unknown) => {
      provisioned = undefined; // let the next connection try again
      throw err;
    });
    provisioned
      .then(() => conn.query(`set role ${conn.escapeIdentifier(role)}`))
      .then(
        () => done(null, conn),
        (err: Error) => done(err, conn),
      );
  };
}

/**
 * Runs `fn` inside `trx` as the owner (the session user, who connected) with the row-level security bypass on,
 * then switches back to the role and bypass setting the transaction had. For migrations: they create and alter
 * tables, and may move data across vendors. Both changes are `SET LOCAL`: they end with the transaction at the
 * latest, so a failure inside `fn` (which rolls the transaction back) cannot leave a connection as the owner.
 */
export async function asOwner<T>(trx: Knex.Transaction, fn: () => Promise<T>): Promise<T> {
  const {
    rows: [before],
  } = (await trx.raw("select current_user as role, current_setting('orion.bypass_rls', true) as bypass")) as {
    rows: [{ role: string; bypass: string | null }];
  };
  await trx.raw('set local role none');
  await trx.raw("select set_config('orion.bypass_rls', 'on', true)");
  const result = await fn();
  await trx.raw("select set_config('role', ?, true), set_config('orion.bypass_rls', ?, true)", [
    before.role,
    before.bypass ?? '',
  ]);
  return result;
}

/** A transaction run as the owner from start to end (see `asOwner`). */
export function ownerTransaction<T>(knex: Knex, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return knex.transaction((trx) => asOwner(trx, () => fn(trx)));
}
