import type { Knex } from 'knex';
import semver from 'semver';
import { withTenant } from '../db/tenant-scope.js';
import type { Platform, PlatformRegistry } from '../tenancy/platforms.js';
import { dependenciesClosure, dependentsClosure } from './graph.js';
import { LifecycleErrors } from './lifecycle-errors.js';
import type { LoadedPlugin } from './loaded-plugin.js';
import {
  appliedPluginMigrations,
  applyPluginMigrations,
  pendingPluginMigrations,
  revertPluginMigrations,
} from './plugin-migrations.js';
import type { PluginSnapshot } from './snapshot.js';
import { recordTransition, type Transition } from './snapshot.js';

/** What the transitions need from the host. */
export interface LifecycleHost {
  knex: Knex;
  platforms: PlatformRegistry;
  loaded: ReadonlyMap<string, LoadedPlugin>;
  snapshot(): PluginSnapshot;
  /** Re-reads the state tables, recompiles routes if the installed set changed, and tells other processes. */
  changed(): Promise<void>;
}

/** What a transition did, or would do when asked as a dry run. */
export interface Plan {
  action: 'install' | 'upgrade' | 'uninstall' | 'enable' | 'disable';
  plugin: string;
  platform?: string;
  /** Plugins enabled or disabled, in the order it happens (dependencies first when enabling). */
  plugins: string[];
  /** Migrations run (or reverted, for an uninstall without keepData). */
  migrations: string[];
  /** Plugins that depend on this one and are affected. */
  dependents: string[];
  dryRun: boolean;
}

const graphOf = (host: LifecycleHost) =>
  new Map([...host.loaded].map(([id, p]) => [id, { dependencies: p.discovered.manifest.dependencies }]));

function plugin(host: LifecycleHost, id: string): LoadedPlugin {
  const found = host.loaded.get(id);
  if (!found) throw LifecycleErrors.UnknownPlugin({ id });
  return found;
}

function platform(host: LifecycleHost, code: string): Platform {
  const found = host.platforms.findByCode(code);
  if (!found) throw LifecycleErrors.UnknownPlatform({ code });
  return found;
}

/** What a transition tells the audit log, in its own transaction (the management API writes the entry). */
export interface TransitionRecord {
  action: Transition['action'];
  pluginId: string;
  platformId?: number;
  version: string;
  from: string;
  to: string;
  /** Every plugin the transition enabled or disabled (dependencies and dependents with cascade). */
  plugins: string[];
}

/** Called inside the transition's transaction, once it succeeded: an entry exists exactly when the change does. */
export type TransitionAudit = (trx: Knex.Transaction, record: TransitionRecord) => Promise<void>;

/** Options every transition takes. */
export interface TransitionOptions {
  actor: string;
  dryRun?: boolean;
  audit?: TransitionAudit;
}

/**
 * Runs `work` in one transaction and records the transition. On failure nothing of it stays (migrations, hook and
 * state roll back together), the failure is recorded, and the caller gets ORN_PLUGIN_TRANSITION_FAILED.
 */
async function transact(
  host: LifecycleHost,
  meta: {
    id: string;
    platformId?: number;
    action: Transition['action'];
    version: string;
    actor: string;
    from: string;
    to: string;
  },
  work: (trx: Knex.Transaction) => Promise<void>,
  audit?: { hook?: TransitionAudit; plugins: string[] },
): Promise<void> {
  try {
    await host.knex.transaction(async (trx) => {
      await work(trx);
      await recordTransition(trx, { pluginId: meta.id, ...meta, outcome: 'ok' });
      const { id, platformId, action, version, from, to } = meta;
      await audit?.hook?.(trx, { action, pluginId: id, platformId, version, from, to, plugins: audit.plugins });
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await recordTransition(host.knex, { pluginId: meta.id, ...meta, outcome: 'failed', error: reason }).catch(() => {});
    throw LifecycleErrors.TransitionFailed({ id: meta.id, action: meta.action, reason }, { cause: err });
  }
  await host.changed();
}

export async function install(host: LifecycleHost, id: string, o: TransitionOptions): Promise<Plan> {
  const p = plugin(host, id);
  const { manifest, migrationsDir } = p.discovered;
  const installed = host.snapshot().installed;
  if (installed.has(id)) throw LifecycleErrors.AlreadyInstalled({ id, version: installed.get(id) as string });
  const missing = Object.keys(manifest.dependencies).filter((d) => !installed.has(d));
  if (missing.length) throw LifecycleErrors.DependenciesNotInstalled({ id, missing: missing.join(', ') });
  const migrations = await pendingPluginMigrations(host.knex, id, migrationsDir);
  const plan: Plan = { action: 'install', plugin: id, plugins: [id], migrations, dependents: [], dryRun: !!o.dryRun };
  if (o.dryRun) return plan;
  await transact(
    host,
    { id, action: 'install', version: manifest.version, actor: o.actor, from: 'discovered', to: 'installed' },
    async (trx) => {
      await applyPluginMigrations(trx, id, migrationsDir);
      await p.definition.install?.(p.lifecycleContext(trx));
      await trx('plugins').insert({ id, version: manifest.version });
    },
    { hook: o.audit, plugins: [id] },
  );
  return plan;
}

export async function upgrade(host: LifecycleHost, id: string, o: TransitionOptions): Promise<Plan> {
  const p = plugin(host, id);
  const { manifest, migrationsDir } = p.discovered;
  const from = host.snapshot().installed.get(id);
  if (!from) throw LifecycleErrors.NotInstalled({ id });
  if (from === manifest.version) throw LifecycleErrors.NothingToUpgrade({ id, version: from });
  if (semver.lt(manifest.version, from))
    throw LifecycleErrors.Downgrade({ id, installed: from, disk: manifest.version });
  const migrations = await pendingPluginMigrations(host.knex, id, migrationsDir);
  const plan: Plan = { action: 'upgrade', plugin: id, plugins: [id], migrations, dependents: [], dryRun: !!o.dryRun };
  if (o.dryRun) return plan;
  await transact(
    host,
    { id, action: 'upgrade', version: manifest.version, actor: o.actor, from, to: manifest.version },
    async (trx) => {
      await applyPluginMigrations(trx, id, migrationsDir);
      await p.definition.upgrade?.(p.lifecycleContext(trx), from);
      await trx('plugins')
        .where({ id })
        .update({ version: manifest.version, updated_at: trx.fn.now(), last_error: null });
    },
    { hook: o.audit, plugins: [id] },
  );
  return plan;
}

export async function uninstall(
  host: LifecycleHost,
  id: string,
  o: TransitionOptions & { keepData: boolean },
): Promise<Plan> {
  const p = plugin(host, id);
  const { manifest, migrationsDir } = p.discovered;
  const installed = host.snapshot().installed;
  if (!installed.has(id)) throw LifecycleErrors.NotInstalled({ id });
  if (manifest.category === 'core') throw LifecycleErrors.CoreAlwaysOn({ id });
  const dependents = dependentsClosure(id, graphOf(host)).filter((d) => installed.has(d));
  if (dependents.length) throw LifecycleErrors.HasDependents({ id, dependents: dependents.join(', ') });
  const migrations = o.keepData ? [] : (await appliedPluginMigrations(host.knex, id)).reverse();
  const plan: Plan = { action: 'uninstall', plugin: id, plugins: [id], migrations, dependents, dryRun: !!o.dryRun };
  if (o.dryRun) return plan;
  const version = installed.get(id) as string;
  await transact(
    host,
    { id, action: 'uninstall', version, actor: o.actor, from: 'installed', to: 'discovered' },
    async (trx) => {
      await p.definition.uninstall?.(p.lifecycleContext(trx), { keepData: o.keepData });
      if (!o.keepData) await revertPluginMigrations(trx, id, migrationsDir);
      await trx('plugins').where({ id }).delete(); // platform_plugins rows go with it (on delete cascade)
    },
    { hook: o.audit, plugins: [id] },
  );
  return plan;
}

export interface ToggleOptions extends TransitionOptions {
  /** Also enable the dependencies (or disable the dependents) that the change needs. */
  cascade?: boolean;
}

export async function enable(host: LifecycleHost, platformCode: string, id: string, o: ToggleOptions): Promise<Plan> {
  const target = platform(host, platformCode);
  plugin(host, id);
  const snapshot = host.snapshot();
  if (!snapshot.installed.has(id)) throw LifecycleErrors.NotInstalled({ id });
  const needed = [...dependenciesClosure(id, graphOf(host)), id];
  const missing = needed.filter((d) => !snapshot.installed.has(d));
  if (missing.length) throw LifecycleErrors.DependenciesNotInstalled({ id, missing: missing.join(', ') });
  const plugins = needed.filter((d) => !snapshot.isEnabled(target.id, d));
  const plan: Plan = {
    action: 'enable',
    plugin: id,
    platform: target.code,
    plugins,
    migrations: [],
    dependents: [],
    dryRun: !!o.dryRun,
  };
  if (o.dryRun || !plugins.length) return plan;
  const others = plugins.filter((d) => d !== id);
  if (others.length && !o.cascade) {
    throw LifecycleErrors.NeedsCascade({ id, action: 'enable', others: others.join(', '), platform: target.code });
  }
  await toggle(host, target, plugins, true, o.actor, undefined, o.audit);
  return plan;
}

export async function disable(host: LifecycleHost, platformCode: string, id: string, o: ToggleOptions): Promise<Plan> {
  const target = platform(host, platformCode);
  const p = plugin(host, id);
  if (p.discovered.manifest.category === 'core') throw LifecycleErrors.CoreAlwaysOn({ id });
  const snapshot = host.snapshot();
  const dependents = dependentsClosure(id, graphOf(host)).filter((d) => snapshot.isEnabled(target.id, d));
  const plugins = snapshot.isEnabled(target.id, id) ? [...dependents, id] : [];
  const plan: Plan = {
    action: 'disable',
    plugin: id,
    platform: target.code,
    plugins,
    migrations: [],
    dependents,
    dryRun: !!o.dryRun,
  };
  if (o.dryRun || !plugins.length) return plan;
  if (dependents.length && !o.cascade) {
    throw LifecycleErrors.NeedsCascade({ id, action: 'disable', others: dependents.join(', '), platform: target.code });
  }
  await toggle(host, target, plugins, false, o.actor, undefined, o.audit);
  return plan;
}

/**
 * Disables a failing plugin on one platform, with its enabled dependents there, and records why. Its routes then
 * answer 404 there and an admin sees the reason; enabling it again (an explicit admin action) clears it.
 */
export async function quarantine(host: LifecycleHost, platformId: number, id: string, reason: string): Promise<Plan> {
  const target = host.platforms.get(platformId);
  if (!target) throw LifecycleErrors.UnknownPlatform({ code: String(platformId) });
  const snapshot = host.snapshot();
  const dependents = dependentsClosure(id, graphOf(host)).filter((d) => snapshot.isEnabled(target.id, d));
  const plugins = [...dependents, id];
  await toggle(host, target, plugins, false, 'quarantine', async (trx) => {
    await trx('platform_plugins')
      .where({ platform_id: target.id, plugin_id: id })
      .update({ quarantined_at: trx.fn.now(), quarantine_reason: reason });
    // The audit log is a tenant table; this entry belongs to no vendor, so it is written system-scoped.
    await withTenant(trx, { bypass: true, reason: 'plugin quarantine' }, (db) =>
      db('audit_log').insert({
        action: 'plugin.quarantined',
        target_type: 'plugin',
        target_id: id,
        actor_label: 'system',
        platform_id: target.id,
        details: { platform: target.code, reason, disabled: plugins },
      }),
    );
  });
  return { action: 'disable', plugin: id, platform: target.code, plugins, migrations: [], dependents, dryRun: false };
}

/** Enables or disables several plugins on one platform in one transaction, running each one's hook. */
async function toggle(
  host: LifecycleHost,
  target: Platform,
  ids: string[],
  on: boolean,
  actor: string,
  extra?: (trx: Knex.Transaction) => Promise<void>,
  audit?: TransitionAudit,
) {
  const action = actor === 'quarantine' ? 'quarantine' : on ? 'enable' : 'disable';
  const meta = (id: string) =>
    ({
      id,
      platformId: target.id,
      action,
      version: host.snapshot().installed.get(id) as string,
      actor,
      from: on ? 'disabled' : 'enabled',
      to: on ? 'enabled' : 'disabled',
    }) as const;
  const last = ids[ids.length - 1] as string; // the plugin asked for: enabled last, disabled last
  await transact(
    host,
    meta(last),
    async (trx) => {
      for (const id of ids) {
        const p = plugin(host, id);
        // Enabling clears a quarantine: that is the admin's explicit decision to try again.
        const row = { platform_id: target.id, plugin_id: id, enabled: on, changed_by: actor, changed_at: trx.fn.now() };
        await trx('platform_plugins')
          .insert(on ? { ...row, quarantined_at: null, quarantine_reason: null } : row)
          .onConflict(['platform_id', 'plugin_id'])
          .merge(
            on
              ? ['enabled', 'changed_by', 'changed_at', 'quarantined_at', 'quarantine_reason']
              : ['enabled', 'changed_by', 'changed_at'],
          );
        const ctx = p.lifecycleContext(trx);
        if (on) await p.definition.enable?.(ctx, target);
        else await p.definition.disable?.(ctx, target);
        if (id !== last) await recordTransition(trx, { pluginId: id, ...meta(id), outcome: 'ok' });
      }
      await extra?.(trx);
    },
    { hook: audit, plugins: ids },
  );
}
