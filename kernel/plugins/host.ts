import path from 'node:path';
import type { Hono, MiddlewareHandler } from 'hono';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { DependencyContainer } from 'tsyringe';
import type { EventBus, EventName } from '../events/bus.js';
import type { HealthRegistry } from '../observability/health.js';
import type { FileStore } from '../storage/files.js';
import type { PlatformRegistry } from '../tenancy/platforms.js';
import { provideSlots } from '../ui/slots.js';
import { PluginAwareRouter } from './area-router.js';
import { type MountedRouter, mountPlugins, type PluginRequestHooks, routedAreas, takeSnapshot } from './compose.js';
import type { RouteArea } from './definition.js';
import { type DiscoverPluginsOptions, type DiscoveryProblem, discoverPlugins } from './discover.js';
import { pluginDispatch } from './dispatch.js';
import { PluginErrors } from './errors.js';
import { resolveGraph } from './graph.js';
import * as lifecycle from './lifecycle.js';
import { LifecycleErrors } from './lifecycle-errors.js';
import { createLoadedPlugin, importDefinition, type LoadedPlugin } from './loaded-plugin.js';
import { PluginPaths } from './plugin-paths.js';
import { ErrorRateTracker, type QuarantinePolicy } from './quarantine.js';
import { fingerprint } from './reload.js';
import { loadSnapshot, PluginSnapshot } from './snapshot.js';

/** Plugin ids that would collide with the kernel's own paths under `/api/v1/admin` and `/admin`. */
export const RESERVED_IDS = new Set([
  'auth',
  'plugins',
  'platforms',
  'users',
  'health',
  'kernel',
  'api',
  'assets',
  'vendors',
  'team',
  'roles',
  'api-keys',
  'audit-log',
]);

export interface PluginHostOptions {
  knex: Knex;
  logger: Logger;
  events: EventBus;
  health: HealthRegistry;
  container: DependencyContainer;
  platforms: PlatformRegistry;
  discover: DiscoverPluginsOptions;
  kernelVersion: string;
  /** Install core plugins and upgrade changed ones at start (follows AUTO_MIGRATE). */
  autoInstall: boolean;
  /**
   * Builds the kernel's own app (middleware and kernel routes) with the host's request hooks; plugin routes are
   * then compiled onto it.
   */
  baseApp: (plugins: PluginRequestHooks) => Hono;
  quarantine: QuarantinePolicy;
  /** Authentication the kernel puts in front of plugin routes, per area. */
  areaAuth?: Partial<Record<RouteArea, MiddlewareHandler>>;
  /** Tells other processes that the plugin state changed (after a local change has been committed). */
  announce?: (topic?: 'plugins' | 'code') => Promise<void>;
  /** Adds kernel routes that must come after the snapshot middleware (the management API). */
  kernelRoutes?: (app: Hono, host: PluginHost) => void;
  /** Each plugin's file store (`ctx.files`). */
  files: (pluginId: string) => FileStore;
}

/**
 * API areas are authenticated in the dispatch step, before routing: no page middleware needs to wrap them, and it
 * saves plugin API requests a middleware layer. Page areas are authenticated by a middleware in front of each
 * plugin's routes (see `mountPlugins`).
 */
const API_AREAS: readonly RouteArea[] = ['adminApi', 'vendorApi', 'shopApi'];
const PAGE_AREAS: readonly RouteArea[] = ['admin', 'vendor', 'shop'];
const pick = (auth: Partial<Record<RouteArea, MiddlewareHandler>> = {}, areas: readonly RouteArea[]) =>
  Object.fromEntries(areas.filter((a) => auth[a]).map((a) => [a, auth[a]])) as Partial<
    Record<RouteArea, MiddlewareHandler>
  >;

export interface ScanResult {
  added: string[];
  reloaded: string[];
  excluded: string[];
}

export interface Exclusion {
  id: string;
  code: string;
  reason: string;
}

/**
 * The plugin host: discovers plugin packages, resolves their dependency graph, imports them, keeps the plugin
 * state (installed, enabled per platform) in memory as an immutable snapshot, and serves the current routes.
 */
export class PluginHost implements lifecycle.LifecycleHost {
  readonly loaded = new Map<string, LoadedPlugin>();
  readonly excluded: Exclusion[] = [];
  problems: DiscoveryProblem[] = [];
  readonly knex: Knex;
  readonly platforms: PlatformRegistry;
  private current = PluginSnapshot.empty();
  private app: Hono;
  private mountedRouters: MountedRouter[] = [];
  private compiledFor = '';
  /** Per plugin: undoes its event subscriptions and health check. */
  private readonly cleanups = new Map<string, (() => void)[]>();
  /** Per plugin: the fingerprint of its files when it was loaded, to find changed ones on a rescan. */
  private readonly fingerprints = new Map<string, string>();
  private readonly errorRates: ErrorRateTracker;

  constructor(private readonly options: PluginHostOptions) {
    this.knex = options.knex;
    this.platforms = options.platforms;
    this.errorRates = new ErrorRateTracker(options.quarantine);
    this.app = this.compile();
  }

  /** The plugin routers of the current app, by mount prefix (for the OpenAPI document). */
  get pluginRouters(): readonly MountedRouter[] {
    return this.mountedRouters;
  }

  /** The app for the current set of installed plugins; swapped whole when that set changes. */
  get currentApp(): Hono {
    return this.app;
  }

  readonly fetch = (request: Request, env?: unknown): Response | Promise<Response> => this.app.fetch(request, env);

  snapshot(): PluginSnapshot {
    return this.current;
  }

  /** Installed at the version on disk: a plugin whose upgrade is pending serves nothing until it is upgraded. */
  isServing(id: string): boolean {
    const plugin = this.loaded.get(id);
    return plugin !== undefined && this.current.installed.get(id) === plugin.discovered.manifest.version;
  }

  async start(): Promise<void> {
    await this.scan(new Set());
    const { logger } = this.options;
    logger.info({ plugins: [...this.loaded.keys()], excluded: this.excluded.map((e) => e.id) }, 'plugins loaded');
  }

  /**
   * Discovers the plugin packages again, without a restart: new packages are loaded, packages whose files changed
   * (and those named in `force`) are reloaded with fresh code, and routes, event handlers and services are swapped
   * at once. A new version that fails to load leaves the running one in place. Scans run one at a time.
   */
  rescan(force: string[] = []): Promise<ScanResult> {
    const run = this.scanning.then(() => this.scan(new Set(force)));
    this.scanning = run.catch(() => {});
    return run;
  }

  private scanning: Promise<unknown> = Promise.resolve();

  private async scan(force: Set<string>): Promise<ScanResult> {
    const { logger } = this.options;
    const { found, problems } = await discoverPlugins(this.options.discover);
    this.problems = problems;
    for (const p of problems) logger.error({ dir: p.dir, plugin: p.pluginId }, `plugin left out: ${p.message}`);
    const byId = new Map(found.map((f) => [f.manifest.id, f]));
    const { order, excluded } = resolveGraph(
      found.map((f) => f.manifest),
      this.options.kernelVersion,
    );
    this.excluded.length = 0;
    this.exclude(...excluded);
    const next = new Map<string, LoadedPlugin>();
    const added: string[] = [];
    const reloaded: string[] = [];
    for (const id of order) {
      const discovered = byId.get(id);
      if (!discovered) continue;
      if (RESERVED_IDS.has(id)) {
        this.exclude({ id, code: LifecycleErrors.IdReserved.code, reason: LifecycleErrors.IdReserved({ id }).message });
        continue;
      }
      const missing = Object.keys(discovered.manifest.dependencies).find((d) => !next.has(d));
      if (missing) {
        const err = PluginErrors.DependencyExcluded({
          id,
          dependency: missing,
          reason: 'its code could not be loaded',
        });
        this.exclude({ id, code: err.code, reason: err.message });
        continue;
      }
      const previous = this.loaded.get(id);
      const print = fingerprint(discovered.entry, path.join(discovered.dir, 'package.json'));
      if (previous && !force.has(id) && this.fingerprints.get(id) === print) {
        next.set(id, previous);
        continue;
      }
      try {
        const definition = await importDefinition(discovered.entry, previous !== undefined);
        const deps = {
          ...this.options,
          root: this.options.container,
          find: (x: string) => this.loaded.get(x),
          snapshot: () => this.current,
        };
        next.set(id, createLoadedPlugin(discovered, definition, deps));
        this.fingerprints.set(id, print);
        (previous ? reloaded : added).push(id);
      } catch (err) {
        const failed = LifecycleErrors.LoadFailed({ id, reason: (err as Error).message });
        this.exclude({ id, code: failed.code, reason: failed.message });
        if (previous) next.set(id, previous); // keep serving the code that works
      }
    }
    const replaced = [...this.loaded].filter(([id, plugin]) => next.get(id) !== plugin);
    for (const [id] of replaced) this.unwire(id);
    this.loaded.clear();
    for (const [id, plugin] of next) this.loaded.set(id, plugin);
    for (const id of [...added, ...reloaded]) this.wire(this.loaded.get(id) as LoadedPlugin);
    // Recompile only when code came or went: a rescan that found nothing new leaves the routes as they are.
    await this.refreshState(added.length > 0 || replaced.length > 0);
    // The old instances go once the new routes serve; a request that started before keeps its own app.
    for (const [id, old] of replaced) await this.dispose(id, old);
    if (this.options.autoInstall) await this.installCoreAndUpgrade();
    if (added.length || reloaded.length) logger.info({ added, reloaded }, 'plugins rescanned');
    return { added, reloaded, excluded: this.excluded.map((e) => e.id) };
  }

  /** After a committed local change: reload, then tell the other processes. */
  async changed(): Promise<void> {
    await this.refreshState();
    await this.options
      .announce?.()
      .catch((err: unknown) =>
        this.options.logger.error({ err }, 'could not tell other processes about a plugin change'),
      );
  }

  /** Tells the other processes to rescan their plugin folders. */
  async announceCode(): Promise<void> {
    await this.options
      .announce?.('code')
      .catch((err: unknown) => this.options.logger.error({ err }, 'could not tell other processes to rescan'));
  }

  /** Re-reads the state; recompiles the routes only when the installed set (or a version) changed, or when forced. */
  async refreshState(force = false): Promise<void> {
    const core = new Set(
      [...this.loaded.values()]
        .filter((p) => p.discovered.manifest.category === 'core')
        .map((p) => p.discovered.manifest.id),
    );
    this.current = await loadSnapshot(this.knex, this.current.epoch + 1, core);
    const key = [...this.current.installed]
      .map(([id, v]) => `${id}@${v}`)
      .sort()
      .join(',');
    if (force || key !== this.compiledFor) {
      this.compiledFor = key;
      this.app = this.compile();
    }
  }

  install = (id: string, o: lifecycle.TransitionOptions) => lifecycle.install(this, id, o);
  upgrade = (id: string, o: lifecycle.TransitionOptions) => lifecycle.upgrade(this, id, o);
  uninstall = (id: string, o: lifecycle.TransitionOptions & { keepData: boolean }) => lifecycle.uninstall(this, id, o);
  enable = async (platform: string, id: string, o: lifecycle.ToggleOptions) => {
    const plan = await lifecycle.enable(this, platform, id, o);
    const found = this.platforms.findByCode(platform);
    if (found && !o.dryRun) for (const p of plan.plugins) this.errorRates.reset(found.id, p);
    return plan;
  };
  disable = (platform: string, id: string, o: lifecycle.ToggleOptions) => lifecycle.disable(this, platform, id, o);

  /** Disables a plugin that keeps failing on one platform, there alone, and tells the admins. */
  private async quarantineFailing(platformId: number, id: string): Promise<void> {
    const { minErrors, rate, windowSeconds } = this.options.quarantine;
    const reason = `at least ${minErrors} failed requests (${Math.round(rate * 100)}% or more) within ${windowSeconds} s`;
    if (this.loaded.get(id)?.discovered.manifest.category === 'core') {
      // Core plugins stay on: turning one off would take down what everything else needs. Say so loudly instead.
      this.options.logger.error({ plugin: id, platformId, reason }, 'core plugin keeps failing; it stays enabled');
      return;
    }
    try {
      const plan = await lifecycle.quarantine(this, platformId, id, reason);
      this.options.logger.error({ plugin: id, platformId, disabled: plan.plugins, reason }, 'plugin quarantined');
      this.options.events.emit('kernel.plugin.quarantined', {
        platformId,
        pluginId: id,
        reason,
        disabled: plan.plugins,
      });
    } catch (err) {
      this.options.logger.error({ err, plugin: id, platformId }, 'quarantining a failing plugin failed');
    }
  }

  async stop(): Promise<void> {
    for (const id of [...this.cleanups.keys()]) this.unwire(id);
    for (const [id, plugin] of this.loaded) await this.dispose(id, plugin);
  }

  /** Runs an instance's `dispose`; a failure is logged, never thrown, so the other instances still go. */
  private async dispose(id: string, plugin: LoadedPlugin): Promise<void> {
    try {
      await plugin.definition.dispose?.();
    } catch (err) {
      this.options.logger.error({ err, plugin: id }, 'plugin dispose failed');
    }
  }

  private exclude(...items: Exclusion[]): void {
    for (const item of items) {
      this.excluded.push(item);
      this.options.logger.error({ plugin: item.id, code: item.code }, `plugin left out: ${item.reason}`);
    }
  }

  private compile(): Hono {
    const installed = [...this.loaded.values()].filter((p) => this.isServing(p.discovered.manifest.id));
    const paths = new PluginPaths(routedAreas(installed));
    const app = this.options.baseApp({
      context: [takeSnapshot(() => this.current), provideSlots(this)],
      dispatch: pluginDispatch({
        paths,
        areaAuth: pick(this.options.areaAuth, API_AREAS),
        onAnswer: (platformId, id, failed) => {
          if (this.errorRates.record(platformId, id, failed)) void this.quarantineFailing(platformId, id);
        },
      }),
      router: new PluginAwareRouter(paths),
    });
    this.options.kernelRoutes?.(app, this);
    this.mountedRouters = mountPlugins(
      app,
      installed,
      (id, err) => this.options.logger.error({ err, plugin: id }, 'plugin route registration failed'),
      pick(this.options.areaAuth, PAGE_AREAS),
    );
    return app;
  }

  private unwire(id: string): void {
    for (const cleanup of this.cleanups.get(id) ?? []) cleanup();
    this.cleanups.delete(id);
  }

  /** Event subscriptions and the health check of one plugin. */
  private wire(plugin: LoadedPlugin): void {
    const { id } = plugin.discovered.manifest;
    const cleanups: (() => void)[] = [];
    this.cleanups.set(id, cleanups);
    for (const [event, handler] of Object.entries(plugin.definition.events ?? {})) {
      const deliver = async (payload: unknown) => {
        if (!this.isServing(id)) return;
        const platformId = (payload as { platformId?: number } | undefined)?.platformId;
        if (platformId !== undefined && !this.current.isEnabled(platformId, id)) return;
        await (handler as (p: unknown, ctx: unknown) => Promise<void>)(payload, plugin.context);
      };
      Object.defineProperty(deliver, 'name', { value: `${id}:${event}` });
      cleanups.push(this.options.events.on(event as EventName, deliver as never));
    }
    const check = plugin.definition.health;
    if (check) {
      cleanups.push(
        this.options.health.register({
          name: `plugin:${id}`,
          critical: false,
          check: async () => {
            if (this.isServing(id)) await check(plugin.context);
          },
        }),
      );
    }
  }

  private async installCoreAndUpgrade(): Promise<void> {
    for (const plugin of this.loaded.values()) {
      const { id, category, version } = plugin.discovered.manifest;
      const installed = this.current.installed.get(id);
      try {
        if (!installed && category === 'core') await this.install(id, { actor: 'system' });
        else if (installed && installed !== version) await this.upgrade(id, { actor: 'system' });
      } catch (err) {
        this.options.logger.error({ err, plugin: id }, 'automatic install or upgrade failed');
      }
    }
  }
}
