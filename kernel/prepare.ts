import type { OrionConfig } from './config/index.js';
import type { Database } from './db/database.js';
import { createKernelMigrator } from './db/migrate.js';
import { warnAboutTenantTablesWithoutPolicy } from './db/tenant-policy-check.js';
import { KernelErrors } from './errors/codes.js';
import type { HealthRegistry } from './observability/health.js';
import type { Logger } from './observability/logger.js';
import { runPluginDemos } from './plugins/demo.js';
import type { PluginHost } from './plugins/host.js';
import { DEMO_VENDOR_CODES, type DemoLogin, seedDemo } from './seed/demo.js';
import { ensureAdmin } from './seed/ensure-admin.js';
import type { PlatformRegistry } from './tenancy/platforms.js';
import type { VendorRegistry } from './tenancy/vendors.js';

const PENDING_RECHECK_MS = 2000;

/**
 * Migrations and seeding. Without AUTO_MIGRATE (production), pending migrations keep the kernel not ready, and it
 * looks again every few seconds, so that `npm run db:migrate` from a release job makes it ready without a restart.
 */
export async function prepare(deps: {
  config: OrionConfig;
  db: Database;
  health: HealthRegistry;
  logger: Logger;
  isStopping: () => boolean;
  platforms: PlatformRegistry;
  vendors: VendorRegistry;
  plugins: PluginHost;
}): Promise<{ migrated: string[]; demoLogins: DemoLogin[] }> {
  const { config, db, health, logger } = deps;
  const migrator = createKernelMigrator(db.knex);
  let migrated: string[] = [];
  if (config.database.autoMigrate) {
    health.setNotReady('running migrations');
    const pending = await migrator.pending();
    try {
      migrated = await migrator.latest();
    } catch (err) {
      throw KernelErrors.MigrationFailed(
        { owner: 'kernel', migrations: pending.join(', '), reason: (err as Error).message },
        { cause: err },
      );
    }
    if (migrated.length) logger.info({ migrations: migrated }, 'migrations applied');
  } else {
    let pending = await migrator.pending();
    if (pending.length) logger.error({ pending }, 'migrations pending: run npm run db:migrate');
    while (pending.length) {
      health.setNotReady(`${pending.length} migration(s) pending: run npm run db:migrate`);
      await new Promise((r) => setTimeout(r, PENDING_RECHECK_MS).unref());
      if (deps.isStopping()) return { migrated, demoLogins: [] };
      pending = await migrator.pending().catch(() => pending);
    }
  }
  if (config.admin) {
    const outcome = await ensureAdmin(db.knex, config.admin, config.auth.bcryptCost);
    if (outcome !== 'unchanged') logger.info({ email: config.admin.email, outcome }, 'administrator ensured');
  }
  const demoLogins = config.seed.demo ? await seedDemo(db.knex, config.auth.bcryptCost) : [];
  await Promise.all([deps.platforms.refresh(), deps.vendors.refresh()]);
  await deps.plugins.start();
  if (config.seed.demo) await seedPluginDemos(deps, logger);
  // Kernel and plugin migrations have run: name any tenant table left without row-level security (not fatal).
  if (config.env !== 'production') await warnAboutTenantTablesWithoutPolicy(db.knex, logger);
  health.setNotReady(undefined);
  return { migrated, demoLogins };
}

/** The plugins' demo data for the demo vendors (see `demo` in `PluginDefinition`), after the plugins started. */
async function seedPluginDemos(deps: { plugins: PluginHost; vendors: VendorRegistry }, logger: Logger): Promise<void> {
  const vendors = DEMO_VENDOR_CODES.flatMap((code) => {
    const v = deps.vendors.findByCode(code);
    return v ? [{ id: v.id, code: v.code, name: v.name, languages: v.languages }] : [];
  });
  await runPluginDemos(deps.plugins, vendors, (id) => deps.vendors.platformsOf(id).map((p) => p.platformId), logger);
}
