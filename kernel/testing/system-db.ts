import type { Knex } from 'knex';
import { withTenant } from '../db/tenant-scope.js';
import type { Kernel } from '../index.js';

/**
 * Runs `fn` in a system-scoped transaction: tenant tables (those with `vendor_id`) are under row-level security,
 * so a test that sets up or inspects rows of several vendors does it here, as the kernel's own system work does.
 */
export function asSystem<T>(kernel: Pick<Kernel, 'db'>, fn: (db: Knex) => Promise<T>): Promise<T> {
  return withTenant(kernel.db.knex, { bypass: true, reason: 'test set-up' }, fn);
}
