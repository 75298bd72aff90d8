import type { Knex } from 'knex';
import { asOwner } from '../db/app-role.js';
import { FolderMigrationSource } from '../db/migrate.js';

/** `<plugin_id>__migrations`: one table per plugin records which of its migrations ran. */
export function migrationsTable(pluginId: string): string {
  return `${pluginId.replace(/-/g, '_')}__migrations`;
}

async function ensureTable(trx: Knex, table: string): Promise<void> {
  if (await trx.schema.hasTable(table)) return;
  await trx.schema.createTable(table, (t) => {
    t.increments('id');
    t.text('name').notNullable().unique();
    t.integer('batch').notNullable();
    t.timestamp('migration_time', { useTz: true }).notNullable().defaultTo(trx.fn.now());
  });
}

export async function appliedPluginMigrations(knex: Knex, pluginId: string): Promise<string[]> {
  const table = migrationsTable(pluginId);
  if (!(await knex.schema.hasTable(table))) return [];
  return knex(table).orderBy('id').pluck('name');
}

export async function pendingPluginMigrations(knex: Knex, pluginId: string, directory: string): Promise<string[]> {
  const applied = new Set(await appliedPluginMigrations(knex, pluginId));
  return (await new FolderMigrationSource(directory).getMigrations()).filter((m) => !applied.has(m));
}

/**
 * Runs a plugin's pending migrations inside the caller's transaction, so that they commit or roll back together
 * with the lifecycle hook that follows them (knex's migrator opens transactions of its own, hence this runner).
 * They run as the owner (`asOwner`); the hook after them runs as the app role again.
 */
export function applyPluginMigrations(trx: Knex.Transaction, pluginId: string, directory: string) {
  return asOwner(trx, async () => {
    const table = migrationsTable(pluginId);
    await ensureTable(trx, table);
    const pending = await pendingPluginMigrations(trx, pluginId, directory);
    if (!pending.length) return [];
    const source = new FolderMigrationSource(directory);
    const [{ batch }] = (await trx(table).max('batch as batch')) as [{ batch: number | null }];
    for (const name of pending) {
      const migration = await source.getMigration(name);
      await migration.up(trx);
      await trx(table).insert({ name, batch: (batch ?? 0) + 1 });
    }
    return pending;
  });
}

/** Reverts every applied migration of a plugin, newest first, and drops its migrations table, as the owner. */
export function revertPluginMigrations(trx: Knex.Transaction, pluginId: string, directory: string) {
  return asOwner(trx, async () => {
    const applied = (await appliedPluginMigrations(trx, pluginId)).reverse();
    const source = new FolderMigrationSource(directory);
    for (const name of applied) {
      const migration = await source.getMigration(name);
      await migration.down?.(trx);
    }
    await trx.schema.dropTableIfExists(migrationsTable(pluginId));
    return applied;
  });
}
