import type { Knex } from 'knex';
import { withTenant } from '../db/tenant-scope.js';

/**
 * How kernel code reaches tenant tables: scoped to one vendor, or as the system for work that spans vendors (sign-in
 * by email, token lookups, administrators). Row-level security enforces the scope in the database: a query of
 * `asVendor(1, …)` cannot see or write vendor 2's rows, whatever its WHERE clause says.
 */
export interface DbAccess {
  asVendor<T>(vendorId: number, fn: (db: Knex) => Promise<T>): Promise<T>;
  asSystem<T>(reason: string, fn: (db: Knex) => Promise<T>): Promise<T>;
}

/** Each call is one transaction with its tenant scope set (`withTenant`); within one, it nests in a savepoint. */
export function tenantAccess(knex: Knex): DbAccess {
  return {
    asVendor: (vendorId, fn) => withTenant(knex, { vendorId }, fn),
    asSystem: (reason, fn) => withTenant(knex, { bypass: true, reason }, fn),
  };
}
