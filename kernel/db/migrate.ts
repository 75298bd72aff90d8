import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import { KernelErrors } from '../errors/codes.js';
import { DIST } from '../paths.js';
import { ownerTransaction } from './app-role.js';

/**
 * What a migration file exports. A batch (everything `latest` applies at once) runs in one transaction: if any
 * migration fails, the whole batch is rolled back and nothing of it is recorded.
 */
export interface MigrationModule {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

const NAME = /^(\d{14})_[a-z0-9_]+$/;

/**
 * Lists the compiled migrations of one folder. Names are `YYYYMMDDHHMMSS_<verb>_<object>`, so sorting by name is
 * sorting by time; a file named otherwise is an error, not silently skipped.
 */
export class FolderMigrationSource implements Knex.MigrationSource<string> {
  constructor(private readonly directory: string) {}

  async getMigrations(): Promise<string[]> {
    if (!fs.existsSync(this.directory)) return [];
    const names = fs
      .readdirSync(this.directory)
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.slice(0, -3));
    for (const name of names) {
      if (!NAME.test(name)) {
        throw KernelErrors.MigrationName({
          detail: `migration ${path.join(this.directory, name)} must be named YYYYMMDDHHMMSS_<verb>_<object> (14 digits, lower case)`,
        });
      }
    }
    return names.sort();
  }

  getMigrationName(name: string): string {
    return name;
  }

  async getMigration(name: string): Promise<Knex.Migration> {
    const mod = (await import(pathToFileURL(path.join(this.directory, `${name}.js`)).href)) as Partial<MigrationModule>;
    if (typeof mod.up !== 'function' || typeof mod.down !== 'function') {
      throw KernelErrors.MigrationName({
        detail: `migration ${name} must export async functions up(knex) and down(knex)`,
      });
    }
    return { up: mod.up, down: mod.down };
  }
}

export interface Migrator {
  /** Applies every pending migration; returns the names applied. */
  latest(): Promise<string[]>;
  /** Applies only the next pending migration, as its own batch; returns its name, if any. */
  up(): Promise<string | undefined>;
  /** Reverts the last batch (or everything with `all`); returns the names reverted. */
  rollback(all?: boolean): Promise<string[]>;
  /** Names of migrations not applied yet. */
  pending(): Promise<string[]>;
  /** Names already applied, oldest first. */
  applied(): Promise<string[]>;
}

export interface MigratorOptions {
  /** Folder of compiled migrations. */
  directory: string;
  /** Table that records which ran; one per owner (`kernel_migrations`, `<plugin>__migrations`). */
  tableName: string;
}

/**
 * knex's migrator, run inside one transaction switched to the owner (`ownerTransaction`): the pool's connections
 * run as the app role, which may not create or alter tables. knex's own transactions become savepoints in it, so a
 * batch still rolls back whole, and `rollback` now reverts its migrations together too.
 */
export function createMigrator(knex: Knex, options: MigratorOptions): Migrator {
  const config: Knex.MigratorConfig = {
    migrationSource: new FolderMigrationSource(options.directory),
    tableName: options.tableName,
  };
  const names = (list: unknown[]) => list.map((m) => (typeof m === 'string' ? m : (m as { name: string }).name));
  const owner = <T>(fn: (migrate: Knex.Migrator) => Promise<T>) => ownerTransaction(knex, (trx) => fn(trx.migrate));
  return {
    async latest() {
      const [, log] = await owner((m) => m.latest(config));
      return log as string[];
    },
    async up() {
      const [, log] = await owner((m) => m.up(config));
      return (log as string[])[0];
    },
    async rollback(all = false) {
      const [, log] = await owner((m) => m.rollback(config, all));
      return log as string[];
    },
    async pending() {
      const [, pending] = await owner((m) => m.list(config));
      return names(pending);
    },
    async applied() {
      const [done] = await owner((m) => m.list(config));
      return names(done);
    },
  };
}

/** The kernel's own migrations (`migrations/` at the repository root, compiled into `dist/migrations`). */
export function createKernelMigrator(knex: Knex): Migrator {
  return createMigrator(knex, { directory: path.join(DIST, 'migrations'), tableName: 'kernel_migrations' });
}
