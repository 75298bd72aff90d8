import type { Knex } from 'knex';

/**
 * How kernel code reaches tenant tables: scoped to one vendor, or as the system for work that spans vendors (sign-in
 * by email, token lookups, administrators). Row-level security enforces the scope in the database.
 */
export interface DbAccess {
  asVendor<T>(vendorId: number, fn: (db: Knex) => Promise<T>): Promise<T>;
  asSystem<T>(reason: string, fn: (db: Knex) => Promise<T>): Promise<T>;
}

/** Without row-level security: the scope is only in the queries. */
export function directAccess(knex: Knex): DbAccess {
  return { asVendor: (_vendorId, fn) => fn(knex), asSystem: (_reason, fn) => fn(knex) };
}
