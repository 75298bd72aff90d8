import 'reflect-metadata';
import { loadConfig } from '../kernel/config/index.js';
import { createDatabase } from '../kernel/db/database.js';
import { createKernelMigrator } from '../kernel/db/migrate.js';
import { seedDemo } from '../kernel/seed/demo.js';
import { ensureAdmin } from '../kernel/seed/ensure-admin.js';

const USAGE = 'usage: npm run db:migrate | db:rollback [-- --all] | db:seed | db:status';

/** `npm run db:*`: migrations and seeding from the command line, with the same config as the server. */
async function main(command: string | undefined, args: string[]): Promise<number> {
  if (!command || !['migrate', 'rollback', 'seed', 'status'].includes(command)) {
    process.stderr.write(`orion db: unknown command ${command ?? '(none)'}\n${USAGE}\n`);
    return 2;
  }
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`orion db: invalid configuration: ${loaded.errors.join('; ')}\n`);
    return 1;
  }
  const { config } = loaded;
  const db = await createDatabase(config.database);
  try {
    const migrator = createKernelMigrator(db.knex);
    const where = db.kind === 'pglite' ? `embedded database ${db.location}` : `PostgreSQL ${db.location}`;
    if (command === 'migrate') {
      const applied = await migrator.latest();
      print(applied.length ? `applied ${applied.length} migration(s) to ${where}:` : `${where} is up to date`, applied);
    } else if (command === 'rollback') {
      const reverted = await migrator.rollback(args.includes('--all'));
      print(
        reverted.length ? `reverted ${reverted.length} migration(s) in ${where}:` : 'nothing to roll back',
        reverted,
      );
    } else if (command === 'status') {
      print(`applied in ${where}:`, await migrator.applied());
      print('pending:', await migrator.pending());
    } else {
      const pending = await migrator.pending();
      if (pending.length) {
        process.stderr.write(`orion db: ${pending.length} migration(s) pending: run npm run db:migrate first\n`);
        return 1;
      }
      if (config.admin) {
        const outcome = await ensureAdmin(db.knex, config.admin, config.auth.bcryptCost);
        print(`administrator ${config.admin.email}: ${outcome}`, []);
      }
      const logins = await seedDemo(db.knex, config.auth.bcryptCost);
      print(
        `demo data seeded in ${where}; logins:`,
        logins.map((l) => `${l.area}: ${l.email} / ${l.password}`),
      );
    }
    return 0;
  } catch (err) {
    process.stderr.write(`orion db: ${command} failed: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

function print(title: string, items: string[]): void {
  process.stdout.write(`${[title, ...items.map((i) => `  ${i}`)].join('\n')}\n`);
}

main(process.argv[2], process.argv.slice(3)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`orion db: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
