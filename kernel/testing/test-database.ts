import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { createDatabase, type Database } from '../db/database.js';
import { createKernelMigrator } from '../db/migrate.js';
import { DIST } from '../paths.js';

export interface TestDatabaseOptions {
  /** Apply the kernel migrations first (default true). */
  migrate?: boolean;
}

/**
 * A fresh, private database for one test file, closed and removed by `close()`.
 * - With DATABASE_URL set: a new database on that PostgreSQL server, cloned from a migrated template (see
 *   `serverTemplate`), dropped on close.
 * - Otherwise: an in-memory PGlite loaded from a template dump. Initialising PGlite costs 4–5 s and ~800 MB, and
 *   loading a dump under 1 s, so the template is made once per set of migrations and kept in the temp folder.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const migrate = options.migrate ?? true;
  const url = process.env.DATABASE_URL;
  return url ? createServerDatabase(url, migrate) : createPgliteDatabase(migrate);
}

let counter = 0;

async function createServerDatabase(serverUrl: string, migrate: boolean): Promise<Database> {
  const name = `orion_test_${process.pid}_${++counter}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
  try {
    if (migrate) await admin.raw('create database ?? template ??', [name, await serverTemplate(admin, serverUrl)]);
    else await admin.raw('create database ??', [name]);
  } finally {
    await admin.destroy();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await createDatabase({ url: url.toString(), pgliteDir: 'memory://', poolMax: 5 });
  const close = db.close;
  let closed = false;
  return {
    ...db,
    async close() {
      if (closed) return;
      closed = true;
      await close();
      const dropper = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
      try {
        await dropper.raw('drop database if exists ?? with (force)', [name]);
      } finally {
        await dropper.destroy();
      }
    },
  };
}

/**
 * A database with the kernel migrations applied, kept on the server as `orion_test_template_<fingerprint>`: cloning
 * it takes a fifth of the time of migrating a new database, for every test file. Built under an advisory lock by
 * whichever test process needs it first, under another name, and renamed when complete, so that no process clones
 * half a template.
 */
async function serverTemplate(admin: Knex, serverUrl: string): Promise<string> {
  const template = `orion_test_template_${migrationsFingerprint()}`;
  const exists = async () =>
    ((await admin('pg_database').where({ datname: template }).first('datname')) as unknown) !== undefined;
  if (await exists()) return template;
  await admin.raw('select pg_advisory_lock(hashtext(?))', [template]);
  try {
    if (await exists()) return template;
    const building = `${template}_${process.pid}`;
    await admin.raw('drop database if exists ?? with (force)', [building]);
    await admin.raw('create database ??', [building]);
    const url = new URL(serverUrl);
    url.pathname = `/${building}`;
    const db = knexFactory({ client: 'pg', connection: url.toString(), pool: { min: 0, max: 1 } });
    try {
      await createKernelMigrator(db).latest();
    } finally {
      await db.destroy();
    }
    await admin.raw('alter database ?? rename to ??', [building, template]);
    return template;
  } finally {
    await admin.raw('select pg_advisory_unlock(hashtext(?))', [template]);
  }
}

function migrationsFingerprint(): string {
  const dir = path.join(DIST, 'migrations');
  const hash = crypto.createHash('sha256');
  const { version } = JSON.parse(
    fs.readFileSync(path.join(DIST, '..', 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
  ) as { version: string };
  hash.update(version);
  if (fs.existsSync(dir)) {
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .sort()) {
      hash.update(file).update(fs.readFileSync(path.join(dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function templateDump(migrate: boolean): Promise<Blob> {
  const file = path.join(os.tmpdir(), `orion-pglite-template-${migrate ? migrationsFingerprint() : 'empty'}.tar`);
  if (!fs.existsSync(file)) {
    const db = await createDatabase({ pgliteDir: 'memory://' });
    try {
      if (migrate) await createKernelMigrator(db.knex).latest();
      if (!db.dump) throw new Error('the embedded database cannot be dumped');
      const dump = await db.dump();
      // Write then rename, so that a parallel test file never reads half a template.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(tmp, file);
    } finally {
      await db.close();
    }
  }
  return new Blob([fs.readFileSync(file)]);
}

async function createPgliteDatabase(migrate: boolean): Promise<Database> {
  return createDatabase({ pgliteDir: 'memory://', pgliteLoadDataDir: await templateDump(migrate) });
}
