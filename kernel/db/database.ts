import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import knexFactory from 'knex';
import type { Logger } from 'pino';
import { acquireDirLock } from './lock.js';
import { installTypeParsers } from './types.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** The kernel's database handle: a knex instance over PostgreSQL, embedded (PGlite) or a server (pg pool). */
export interface Database {
  knex: Knex;
  kind: DatabaseKind;
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
  logger?: Logger;
}

// A query made outside an open transaction waits for the one PGlite connection; fail fast rather than in 60 s.
const ACQUIRE_TIMEOUT_MS = 5000;

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  installTypeParsers();
  return options.url ? connectPostgres(options.url, options.poolMax ?? 10) : openPglite(options);
}

function redact(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

async function connectPostgres(url: string, poolMax: number): Promise<Database> {
  const knex = knexFactory({
    client: 'pg',
    connection: { connectionString: url, application_name: 'orion' },
    pool: { min: 0, max: poolMax, idleTimeoutMillis: 30_000 },
    acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
  });
  return withPing({ knex, kind: 'postgres', location: redact(url), close: () => knex.destroy() });
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
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
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
  });
  return withPing({
    knex,
    kind: 'pglite',
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
