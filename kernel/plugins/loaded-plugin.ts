import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { type DependencyContainer, instanceCachingFactory } from 'tsyringe';
import { audit } from '../audit/audit.js';
import { withTenant } from '../db/tenant-scope.js';
import type { EventBus } from '../events/bus.js';
import type { Mailer } from '../mail/message.js';
import type { FileStore } from '../storage/files.js';
import { createCustomerDirectory } from '../tenancy/customer-directory.js';
import type { LifecycleContext, PluginContext, PluginDefinition } from './definition.js';
import type { DiscoveredPlugin } from './discover.js';
import { PluginErrors } from './errors.js';
import { describeIssues, settingsValidator } from './manifest.js';
import { importFresh } from './reload.js';
import type { PluginSnapshot } from './snapshot.js';

/** A discovered plugin whose code is imported: its manifest, its definition and the context handed to it. */
export interface LoadedPlugin {
  discovered: DiscoveredPlugin;
  definition: PluginDefinition;
  context: PluginContext;
  /** The plugin's child container; its services are registered there as `'<pluginId>.<name>'`. */
  container: DependencyContainer;
  lifecycleContext(trx: Knex.Transaction): LifecycleContext;
}

export interface LoadDeps {
  knex: Knex;
  logger: Logger;
  events: EventBus;
  root: DependencyContainer;
  /** Looks up another loaded plugin, for `ctx.service`. */
  find(id: string): LoadedPlugin | undefined;
  /** Each plugin's file store (`ctx.files`). */
  files: (pluginId: string) => FileStore;
  /**
   * The host's current state, whose stored settings `ctx.settings` reads outside a lifecycle transaction (no query
   * per call: a checkout step asked for settings several times), and `ctx.isEnabled` asks.
   */
  snapshot: () => PluginSnapshot;
}

/** Imports a plugin's code; `fresh` re-reads its files for a hot reload instead of taking the cached module. */
export async function importDefinition(entry: string, fresh = false): Promise<PluginDefinition> {
  const mod = (fresh ? await importFresh(entry) : await import(pathToFileURL(entry).href)) as {
    default?: PluginDefinition;
  };
  if (!mod.default || typeof mod.default !== 'object') {
    throw new Error(`${entry} must export default definePlugin({...})`);
  }
  return mod.default;
}

export function createLoadedPlugin(
  discovered: DiscoveredPlugin,
  definition: PluginDefinition,
  deps: LoadDeps,
): LoadedPlugin {
  const { manifest } = discovered;
  const validate = settingsValidator(manifest.settings);
  /** Validated settings per stored object: a snapshot's objects live until the next change, so parse each once. */
  const parsedSettings = new WeakMap<object, Record<string, unknown>>();
  const validSettings = (stored: Record<string, unknown>): Record<string, unknown> => {
    const known = parsedSettings.get(stored);
    if (known) return { ...known };
    const parsed = validate.safeParse(stored);
    if (!parsed.success) {
      const errors = describeIssues(parsed.error.issues, stored, 'settings');
      throw PluginErrors.SettingsInvalid({ id: manifest.id, errors });
    }
    parsedSettings.set(stored, parsed.data as Record<string, unknown>);
    return { ...(parsed.data as Record<string, unknown>) };
  };
  const container = deps.root.createChildContainer();
  const logger = deps.logger.child({ plugin: manifest.id });
  const files = deps.files(manifest.id);
  const make = (db: Knex): PluginContext => ({
    customers: createCustomerDirectory((scope, fn) => withTenant(db, scope, fn, { logger })),
    files,
    id: manifest.id,
    version: manifest.version,
    logger,
    db,
    withTenant: (scope, fn) => withTenant(db, scope, fn, { logger }),
    emit: (event, payload) => deps.events.emit(event, payload),
    async settings(platformId) {
      // A lifecycle hook's context (db is its transaction) may run before the snapshot holds what it wrote.
      const stored =
        db === deps.knex
          ? deps.snapshot().settingsOf(platformId, manifest.id)
          : ((
              await db('platform_plugins')
                .where({ platform_id: platformId, plugin_id: manifest.id })
                .first<{ settings: Record<string, unknown> } | undefined>('settings')
            )?.settings ?? {});
      return validSettings(stored);
    },
    async audit(c, entry, options = {}) {
      if (!entry.action.startsWith(`${manifest.id}.`)) {
        throw new Error(`plugin "${manifest.id}" audit actions start with "${manifest.id}.", not "${entry.action}"`);
      }
      if (options.trx) return audit(options.trx, c, entry);
      const scope =
        entry.vendorId !== undefined
          ? { vendorId: entry.vendorId }
          : { bypass: true as const, reason: `${manifest.id}: audit log entry` };
      await withTenant(db, scope, (trx) => audit(trx, c, entry), { logger });
    },
    async mail(message, options) {
      await deps.root.resolve<Mailer>('kernel.mailer').send(message, options);
    },
    isEnabled: (pluginId, platformId) => deps.snapshot().isEnabled(platformId, pluginId),
    service<T>(name: string): T {
      const [owner] = name.split('.');
      const declared = !!owner && (owner in manifest.dependencies || owner in (manifest.optionalDependencies ?? {}));
      if (!owner || (owner !== manifest.id && !declared)) {
        throw new Error(`plugin "${manifest.id}" asked for service "${name}" without depending on "${owner}"`);
      }
      const provider = owner === manifest.id ? loaded : deps.find(owner);
      if (!provider?.container.isRegistered(name)) throw new Error(`no service "${name}" is provided`);
      return provider.container.resolve<T>(name);
    },
  });
  const context = make(deps.knex);
  const loaded: LoadedPlugin = {
    discovered,
    definition,
    context,
    container,
    lifecycleContext: (trx) => ({ ...make(trx), trx }),
  };
  for (const [name, factory] of Object.entries(definition.services ?? {})) {
    container.register(`${manifest.id}.${name}`, { useFactory: instanceCachingFactory(() => factory(context)) });
  }
  return loaded;
}
