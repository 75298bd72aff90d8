import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import type { DestinationStream } from 'pino';
import type { DependencyContainer } from 'tsyringe';
import { tenantAccess } from './auth/db-access.js';
import { type Auth, createAuth } from './auth/index.js';
import type { OrionConfig } from './config/index.js';
import { createDatabase, type Database } from './db/database.js';
import { createRootContainer } from './di/container.js';
import { EventBus } from './events/bus.js';
import { createApp } from './http/app.js';
import { serveOpenApiDocument } from './http/openapi.js';
import { SECURITY_HEADERS } from './http/security-headers.js';
import { listen, type RunningServer } from './http/server.js';
import { createMailer, type Mailer } from './mail/index.js';
import { MailOutbox } from './mail/outbox.js';
import { HealthRegistry } from './observability/health.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { createErrorReporter, type ErrorReporter } from './observability/sentry.js';
import { ROOT } from './paths.js';
import { managementApi } from './plugins/api.js';
import { createStateBroadcast, type StateBroadcast, type StateTopic } from './plugins/broadcast.js';
import type { DiscoverPluginsOptions } from './plugins/discover.js';
import { PluginHost } from './plugins/host.js';
import { prepare } from './prepare.js';
import { closeRedis, createRedis, type Redis, redisNamespace } from './redis/redis.js';
import { createLoginThrottle, type LoginThrottle } from './security/throttle.js';
import type { DemoLogin } from './seed/demo.js';
import { mountSite } from './site/routes.js';
import { pluginFileStores } from './storage/index.js';
import { shopErrorPage } from './storefront/error-pages.js';
import { mountStorefront } from './storefront/routes.js';
import { TenantResolver } from './tenancy/context.js';
import { type DomainVerifier, dnsVerifier } from './tenancy/domain-verifier.js';
import { mountTenancyApis } from './tenancy/mount.js';
import { PlatformRegistry } from './tenancy/platforms.js';
import { VendorRegistry } from './tenancy/vendors.js';
import { mountThemePreviews } from './themes/preview-route.js';
import { ThemeRegistry } from './themes/registry.js';
import { ThemeResolver } from './themes/resolve.js';
import { assetUrls, readAssetManifest } from './ui/asset-manifest.js';
import { mountUi } from './ui/mount.js';
import { KERNEL_API_VERSION, ORION_VERSION } from './version.js';

export interface StartKernelOptions {
  config: OrionConfig;
  /** An already open database (tests); by default one is opened from the config. */
  database?: Database;
  /** Leave `database` open on stop, for a test that starts a second kernel on it (default false). */
  keepDatabaseOpen?: boolean;
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  /** Open the HTTP port (default true); tests may drive `kernel.app.request()` instead. */
  listen?: boolean;
  /** Where to look for plugins; by default `plugins/`, PLUGIN_DIRS and npm packages marked `orion-plugin`. */
  plugins?: DiscoverPluginsOptions;
}

export interface Kernel {
  config: OrionConfig;
  logger: Logger;
  db: Database;
  redis?: Redis;
  mailer: Mailer;
  loginThrottle: LoginThrottle;
  events: EventBus;
  metrics: Metrics;
  health: HealthRegistry;
  platforms: PlatformRegistry;
  vendors: VendorRegistry;
  auth: Auth;
  plugins: PluginHost;
  /** Storefront themes (`themes/`) and each vendor's resolved theme, cached. */
  themes: { registry: ThemeRegistry; resolver: ThemeResolver };
  /** The current app (kernel routes plus installed plugins' routes); replaced when the installed set changes. */
  readonly app: Hono;
  container: DependencyContainer;
  server?: RunningServer;
  /** Resolves once migrations and seeding are done and the kernel reports ready; rejects if they fail. */
  ready: Promise<{ migrated: string[]; demoLogins: DemoLogin[] }>;
  /** Graceful stop: refuse new connections, finish in-flight requests (bounded), close connections. Idempotent. */
  stop(reason?: string): Promise<void>;
}

/**
 * Composes the kernel in order: logs and metrics, the error reporter, the database, Redis, the DI container, the
 * HTTP app, the listening socket; then, with the socket already answering `/health/live`, migrations and seeding,
 * after which `/health/ready` turns 200.
 */
export async function startKernel(options: StartKernelOptions): Promise<Kernel> {
  const { config } = options;
  const logger = createLogger(config, options.logDestination);
  const metrics = createMetrics();
  const reporter = await createErrorReporter(
    { dsn: config.sentry.dsn, environment: config.env, release: ORION_VERSION },
    logger,
  );
  const db = options.database ?? (await createDatabase({ ...config.database, logger }));
  const redis = config.redis.url ? await createRedis(config.redis.url, logger) : undefined;
  try {
    return await assemble(options, { logger, metrics, reporter, db, redis });
  } catch (err) {
    // E.g. the port is taken: close the database so that PGlite flushes and releases its lock, and stop Redis
    // reconnecting, so that nothing keeps the process alive.
    if (redis) await closeRedis(redis);
    await db.close().catch(() => {});
    throw err;
  }
}

async function assemble(
  options: StartKernelOptions,
  base: { logger: Logger; metrics: Metrics; reporter: ErrorReporter; db: Database; redis?: Redis },
): Promise<Kernel> {
  const { config } = options;
  const { logger, metrics, reporter, db, redis } = base;
  const health = new HealthRegistry(ORION_VERSION);
  health.register({ name: 'database', critical: true, check: () => db.ping() });

  if (redis) {
    const client = redis;
    health.register({
      name: 'redis',
      critical: false,
      check: async () => {
        if (client.status !== 'ready') throw new Error(`not connected (${client.status})`);
        await client.ping();
      },
    });
  }

  const events = new EventBus(logger, metrics.eventHandlerFailures);
  const platforms = new PlatformRegistry(db.knex);
  const vendors = new VendorRegistry(db.knex);
  const tenants = new TenantResolver(platforms, vendors, { pathMode: config.tenancy.pathMode });
  const themeRegistry = new ThemeRegistry(logger);
  await themeRegistry.discover({ kernelVersion: KERNEL_API_VERSION });
  const themeResolver = new ThemeResolver(themeRegistry, vendors);
  const shopAssets = assetUrls(readAssetManifest());
  const storefrontDeps = { themes: themeResolver, assets: () => shopAssets };
  const errorPages = shopErrorPage(storefrontDeps);
  const links = { publicUrl: config.server.publicUrl, port: config.server.port };
  const mailer = await createMailer({ mail: config.mail, env: config.env, knex: db.knex, logger });
  const loginThrottle = createLoginThrottle({
    policy: config.security.loginThrottle,
    redis,
    logger,
    ...(redis ? { redisPrefix: `${await redisNamespace(db.knex)}throttle:` } : {}),
  });
  const dbAccess = tenantAccess(db.knex);
  const auth = createAuth({
    knex: db.knex,
    db: dbAccess,
    config,
    vendors,
    throttle: loginThrottle,
    mailer,
    logger,
  });
  const container = createRootContainer({
    'kernel.config': config,
    'kernel.logger': logger,
    'kernel.database': db,
    'kernel.knex': db.knex,
    'kernel.events': events,
    'kernel.metrics': metrics,
    'kernel.health': health,
    'kernel.errorReporter': reporter,
    'kernel.redis': redis,
    'kernel.auth': auth,
    'kernel.domainVerifier': dnsVerifier,
    'kernel.mailer': mailer,
    'kernel.loginThrottle': loginThrottle,
  });
  let broadcast: StateBroadcast | undefined;
  // After a change to platforms, vendors or domains: reload here, and tell the other processes.
  const tenancyChanged = async () => {
    await Promise.all([platforms.refresh(), vendors.refresh()]);
    await broadcast?.publish('platforms');
  };
  const plugins = new PluginHost({
    knex: db.knex,
    files: pluginFileStores(config),
    logger,
    events,
    health,
    container,
    platforms,
    kernelVersion: KERNEL_API_VERSION,
    autoInstall: config.database.autoMigrate,
    quarantine: config.plugins.quarantine,
    // Whatever the plugin does: admin areas need an administrator of the platform, vendor areas a member of the
    // vendor (or its API key); shop areas know the signed-in customer, if any.
    areaAuth: {
      admin: auth.middleware('admin'),
      adminApi: auth.middleware('adminApi'),
      vendor: auth.middleware('vendor'),
      vendorApi: auth.middleware('vendorApi'),
      shop: auth.middleware('shop', { required: false }),
      shopApi: auth.middleware('shopApi', { required: false }),
    },
    discover: options.plugins ?? {
      roots: [path.join(ROOT, 'plugins')],
      extraDirs: config.plugins.extraDirs,
      nodeModules: path.join(ROOT, 'node_modules'),
    },
    baseApp: (plugins) =>
      createApp({
        logger,
        metrics,
        health,
        reporter,
        bodyLimitBytes: config.server.bodyLimitBytes,
        context: [tenants.setContext, ...plugins.context],
        htmlErrorPage: errorPages,
        dispatch: plugins.dispatch,
        router: plugins.router,
        getPath: tenants.getPath,
      }),
    announce: (topic = 'plugins') => broadcast?.publish(topic) ?? Promise.resolve(),
    kernelRoutes: (app, host) => {
      mountUi(app, {
        config,
        logger,
        auth,
        db: dbAccess,
        knex: db.knex,
        host,
        health,
        platforms,
        changed: tenancyChanged,
        storefront: { ...storefrontDeps, host, db: dbAccess, auth, links },
        verifier: () => container.resolve<DomainVerifier>('kernel.domainVerifier'),
      });
      mountStorefront(app, { ...storefrontDeps, host, db: dbAccess, auth, links });
      mountSite(app, { host, vendors, assets: () => shopAssets, pathMode: config.tenancy.pathMode });
      mountThemePreviews(app, themeRegistry);
      // One router for the kernel's JSON routes, so that one OpenAPI document describes them all.
      const api = new OpenAPIHono();
      api.route('/', auth.routes());
      mountTenancyApis(api, {
        auth,
        db: dbAccess,
        platforms,
        vendors,
        host,
        container,
        changed: tenancyChanged,
        outbox: new MailOutbox(db.knex),
        links: { publicUrl: config.server.publicUrl, port: config.server.port },
      });
      api.route(
        '/',
        managementApi({
          host,
          config,
          knex: db.knex,
          requireAdmin: auth.middleware('adminApi', { required: true, hostPlatform: false }),
        }),
      );
      app.route('/', api);
      serveOpenApiDocument(app, () => [{ prefix: '/', router: api }, ...host.pluginRouters]);
    },
  });
  const server =
    options.listen === false ? undefined : await listen(plugins, { ...config.server, headers: SECURITY_HEADERS });
  if (server) logger.info({ url: server.url, database: db.kind }, 'listening');

  let stopping: Promise<void> | undefined;
  const stop = (reason = 'stop requested') => {
    stopping ??= (async () => {
      health.setNotReady('shutting down');
      logger.info({ reason }, 'stopping');
      await events.emitAsync('kernel.stopping', { reason });
      clearInterval(resync);
      await broadcast?.close();
      if (server) {
        const { forced } = await server.close(config.server.shutdownTimeoutMs);
        if (forced) logger.warn({ forced }, 'cut requests still running at the shutdown deadline');
      }
      // Only once no request runs any more: a plugin's dispose may close what its handlers use.
      await plugins.stop();
      await mailer.close();
      if (redis) await closeRedis(redis);
      await reporter.flush(2000);
      if (!options.keepDatabaseOpen) await db.close();
      logger.info('stopped');
    })();
    return stopping;
  };

  // Converge with other processes: a broadcast on every change, and a slow poll in case one was missed.
  const applyRemote = async (topic: StateTopic) => {
    if (topic === 'platforms') await Promise.all([platforms.refresh(), vendors.refresh()]);
    else if (topic === 'code') await plugins.rescan();
    else await plugins.refreshState();
  };
  const resync = setInterval(() => {
    if (!health.notReady) void Promise.all([applyRemote('platforms'), applyRemote('plugins')]).catch(() => {});
  }, RESYNC_INTERVAL_MS);
  resync.unref();
  const ready = prepare({
    config,
    db,
    health,
    logger,
    isStopping: () => stopping !== undefined,
    platforms,
    vendors,
    plugins,
  }).then(async (result) => {
    if (!health.notReady) {
      broadcast = await createStateBroadcast({
        redis,
        databaseUrl: db.kind === 'postgres' ? config.database.url : undefined,
        knex: db.knex,
        logger,
        onMessage: applyRemote,
      });
      if (stopping) await broadcast.close(); // stopped while the listener connected
    }
    return result;
  });
  ready.then(
    () => {
      if (!health.notReady) events.emit('kernel.started', { version: ORION_VERSION });
    },
    (err: unknown) => logger.error({ err }, 'start-up failed'),
  );
  return {
    config,
    logger,
    db,
    redis,
    mailer,
    loginThrottle,
    events,
    metrics,
    health,
    platforms,
    vendors,
    auth,
    plugins,
    themes: { registry: themeRegistry, resolver: themeResolver },
    get app() {
      return plugins.currentApp;
    },
    container,
    server,
    ready,
    stop,
  };
}

/** The safety net behind the broadcasts: every process re-reads the shared state this often. */
const RESYNC_INTERVAL_MS = 30_000;
