import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import knexFactory from 'knex';
import type { Logger } from 'pino';
import { DEFAULT_APP_ROLE, switchToAppRole } from './app-role.js';
import { acquireDirLock } from './lock.js';
import { installTypeParsers } from './types.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** The kernel's database handle: a knex instance over PostgreSQL, embedded (PGlite) or a server (pg pool). */
export interface Database {
  knex: Knex;
  kind: DatabaseKind;
  /** The role every pooled connection runs as (row-level security applies to it); migrations run as the owner. */
  appRole: string;
  /** Where it lives, without credentials: a folder, `memory://`, or host:port/db. */
  location: string;
  /** Resolves when a trivial query answers within `timeoutMs`; rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  /** Embedded only: the data folder as a tar archive (what `pgliteLoadDataDir` takes back). */
  dump?(): Promise<Blob>;
}

export interface DatabaseOptions {
  /** postgres://… for a server; unset for the embedded database. */
  url?: string;
  /** Folder of the embedded database, or `memory://`. */
  pgliteDir: string;
  /** A PGlite data folder dump (tar) to start from instead of an empty database; used by tests. */
  pgliteLoadDataDir?: Blob;
  poolMax?: number;
  /** The non-owner role application queries run as (`DATABASE_APP_ROLE`, default `orion_app`). */
  appRole?: string;
  logger?: Logger;
}

// A query made outside an open transaction waits for the one PGlite connection; fail fast rather than in 60 s.
const ACQUIRE_TIMEOUT_MS = 5000;

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  installTypeParsers();
  const appRole = options.appRole ?? DEFAULT_APP_ROLE;
  return options.url ? connectPostgres(options.url, options.poolMax ?? 10, appRole) : openPglite(options, appRole);
}

function redact(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

async function connectPostgres(url: string, poolMax: number, appRole: string): Promise<Database> {
  const knex = knexFactory({
    client: 'pg',
    connection: { connectionString: url, application_name: 'orion' },
    // Each new connection provisions (once per pool) and switches to the app role before knex hands it out.
    pool: { min: 0, max: poolMax, idleTimeoutMillis: 30_000, afterCreate: switchToAppRole(appRole) },
    acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
  });
  return withPing({ knex, kind: 'postgres', appRole, location: redact(url), close: () => knex.destroy() });
}

async function openPglite(options: DatabaseOptions, appRole: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const inMemory = options.pgliteDir === 'memory://';
  let release = () => {};
  if (!inMemory) {
    // PGlite does not create parent folders.
    fs.mkdirSync(path.dirname(options.pgliteDir), { recursive: true });
    release = acquireDirLock(options.pgliteDir);
  }
  let pglite: InstanceType<typeof PGlite>;
  try {
    pglite = new PGlite({
      dataDir: inMemory ? undefined : options.pgliteDir,
      loadDataDir: options.pgliteLoadDataDir,
    });
    await pglite.waitReady;
  } catch (err) {
    release();
    throw err;
  }
  // knex's own pg client over PGlite's node-postgres adapter: the same driver and type parsing as on a server.
  const knex = knexFactory({
    client: 'pg',
    connection: createPgConfig(pglite) as unknown as Knex.PgConnectionConfig,
    // PGlite is one session whatever knex thinks: SET ROLE holds for it, and migrations switch back with SET LOCAL.
    pool: { min: 0, max: 1, afterCreate: switchToAppRole(appRole) },
    acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
  });
  return withPing({
    knex,
    kind: 'pglite',
    appRole,
    location: options.pgliteDir,
    dump: () => pglite.dumpDataDir('none'),
    async close() {
      try {
        await knex.destroy();
        // Closing PGlite flushes it; a process that skips this runs crash recovery on the next start.
        if (!pglite.closed) await pglite.close();
      } finally {
        release();
      }
    },
  });
}

function withPing(db: Omit<Database, 'ping'>): Database {
  let closed = false;
  return {
    ...db,
    async ping(timeoutMs = 2000) {
      if (closed) throw new Error('database connection is closed');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([db.knex.raw('select 1'), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
