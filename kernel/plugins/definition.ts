import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { AuditEntry } from '../audit/audit.js';
import type { TenantScope } from '../db/tenant-scope.js';
import type { EventName, OrionEvents } from '../events/bus.js';
import type { Messages } from '../i18n/messages.js';
import type { MailMessage, SendOptions } from '../mail/message.js';
import type { FileStore } from '../storage/files.js';
import type { CustomerDirectory } from '../tenancy/customer-directory.js';

/** The areas a plugin can serve routes in, and where each is mounted (`<prefix>/<pluginId>`). */
export const ROUTE_AREAS = {
  adminApi: '/api/v1/admin',
  vendorApi: '/api/v1/vendor',
  shopApi: '/api/v1/shop',
  admin: '/admin',
  vendor: '/vendor/:vendorCode',
  shop: '/vendors/:vendorCode/shop',
} as const;

export type RouteArea = keyof typeof ROUTE_AREAS;

/** A platform as plugins see it. */
export interface PlatformRef {
  id: number;
  code: string;
  name: string;
}

/** Context variables a plugin's handlers can read with `c.get(...)`. */
export interface PluginVariables {
  platform: PlatformRef;
  pluginId: string;
}

/**
 * A Hono app with zod-openapi's `openapi(route, handler)`: declare JSON routes with `createRoute` and zod schemas, so
 * that requests are validated (a 400 problem+json names the field) and the routes can be documented.
 */
export type PluginRouter = OpenAPIHono<{ Variables: PluginVariables }>;

/** What the kernel hands a plugin: everything scoped to it. */
export interface PluginContext {
  id: string;
  version: string;
  /** A logger whose lines carry `plugin: <id>`. */
  logger: Logger;
  /**
   * The database, as the app role. Use only your own tables (`<plugin_id>__<table>`); reach other plugins through
   * services. Tenant tables (with `vendor_id`) show no rows here: read and write them through `withTenant`.
   */
  db: Knex;
  /**
   * Runs `fn(trx)` in a transaction that sees one vendor's rows of tenant tables (`{ vendorId }`), or all of them
   * (`{ bypass: true, reason }`, for admin pages and jobs; the reason is logged at debug). Inside a lifecycle hook
   * it nests in `ctx.trx`. Run every query of `fn` on `trx`.
   */
  withTenant<T>(scope: TenantScope, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T>;
  /** Emits kernel bus events. Platform-scoped payloads carry `platformId`. */
  emit<E extends EventName>(event: E, payload: OrionEvents[E]): void;
  /** This plugin's settings on a platform, validated, with defaults filled in. */
  settings(platformId: number): Promise<Record<string, unknown>>;
  /** A service provided by a plugin this one depends on (`'<pluginId>.<name>'`). */
  service<T>(name: string): T;
  /**
   * Whether a plugin is installed and enabled on a platform now. A service answers on every platform; ask this
   * before using an optional dependency's service for one platform's request (an installed inventory disabled on
   * that platform has no stock to report there).
   */
  isEnabled(pluginId: string, platformId: number): boolean;
  /**
   * The vendor's shop customers (the kernel's accounts), read only and scoped to the vendor you name: `get`,
   * `getMany`, `search`, `list`. Use it instead of reading the kernel's `customers` table.
   */
  customers: CustomerDirectory;
  /** The plugin's own file store (uploads, media): `put(vendorId, bytes)` gives a key; `get`, `delete`. */
  files: FileStore;
  /**
   * Sends one mail through the kernel's mailer (SMTP, or the `mail_outbox` table in development). Pass `trx` when you
   * are inside a transaction. Set `tag` (`<pluginId>.<what>`), `platformId` and `vendorId` so that logs and the outbox
   * name them.
   */
  mail(message: MailMessage, options?: SendOptions): Promise<void>;
  /**
   * Appends an entry to the audit log (the admin console's, and the vendor's own when `vendorId` is set), with the
   * actor, address, user agent and request id of `c` (no request: `entry.actor`, else `system`). `action` starts
   * with `<pluginId>.`, e.g. `customer-profiles.address.deleted`. Pass the transaction that made the change as
   * `trx` (scoped to the same vendor): the entry then exists exactly when the change does.
   */
  audit(c: Context | undefined, entry: AuditEntry, options?: { trx?: Knex }): Promise<void>;
}

/** During install, upgrade and uninstall: `trx` is the transaction the plugin's migrations ran in. */
export interface LifecycleContext extends PluginContext {
  trx: Knex.Transaction;
}

export interface MenuItem {
  id: string;
  label: string;
  /** Path below the area's root, e.g. `/catalog/products`. */
  href: string;
  icon?: string;
  section?: string;
  order?: number;
  /** The permission a user needs to see it. */
  permission?: string;
  /** Always shown: a platform's administrators cannot hide it in the menu configuration. */
  mandatory?: boolean;
}

/** Renders a block into a named UI slot (e.g. `product.sidebar`); `props` come from the page that offers the slot. */
export type SlotRenderer = (props: Record<string, unknown>, ctx: PluginContext) => unknown;

/** A demo vendor, as the `demo` hook gets it. */
export interface DemoVendor {
  id: number;
  code: string;
  name: string;
  /** Ids of the platforms the vendor is on where the plugin is enabled. */
  platformIds: number[];
  languages: string[];
}

type EventHandlers = {
  [E in EventName]?: (payload: OrionEvents[E], ctx: PluginContext) => void | Promise<void>;
};

/** The plugin's code: `export default definePlugin({...})` in `src/index.ts`. Its identity lives in package.json. */
export interface PluginDefinition {
  routes?: Partial<Record<RouteArea, (router: PluginRouter, ctx: PluginContext) => void>>;
  menu?: Partial<Record<'admin' | 'vendor', MenuItem[]>>;
  /**
   * The plugin's message catalogues (`defineMessages`, usually from `locales/index.ts`): its views translate with
   * `translator(c, messages)`, and its menu labels come from `menu.<area>.<id>` keys. See docs/plugins/i18n.md.
   */
  messages?: Messages;
  slots?: { fills?: Record<string, SlotRenderer>; offers?: string[] };
  /** Event subscriptions. A handler does not receive events of platforms where the plugin is disabled. */
  events?: EventHandlers;
  /** Services for plugins that depend on this one, by name; resolved once per plugin instance. */
  services?: Record<string, (ctx: PluginContext) => unknown>;
  /** Throws (or rejects) when the plugin is unhealthy; `/health` then reports degraded, naming the plugin. */
  health?: (ctx: PluginContext) => Promise<void>;
  /** Runs in the install transaction, after the plugin's migrations. Throwing rolls the whole install back. */
  install?: (ctx: LifecycleContext) => Promise<void>;
  /** Runs in the upgrade transaction, after the new migrations. Throwing rolls the upgrade back. */
  upgrade?: (ctx: LifecycleContext, fromVersion: string) => Promise<void>;
  /** Runs in the transaction that enables the plugin on a platform. Throwing leaves it disabled. */
  enable?: (ctx: LifecycleContext, platform: PlatformRef) => Promise<void>;
  disable?: (ctx: LifecycleContext, platform: PlatformRef) => Promise<void>;
  /** Runs before the down migrations (when `keepData` is false) in the uninstall transaction. */
  uninstall?: (ctx: LifecycleContext, options: { keepData: boolean }) => Promise<void>;
  /**
   * Demo data for one demo vendor, when the kernel seeds demo data (`SEED_DEMO`, on in development): called at start
   * for each demo vendor on whose platforms the plugin is enabled, dependencies' hooks first. Make it idempotent
   * (seed nothing when the vendor has data already): it runs at every start. A hook that throws is logged and skipped.
   */
  demo?: (ctx: PluginContext, vendor: DemoVendor) => Promise<void>;
  /** Releases timers, connections and the like when this instance is replaced or the kernel stops. */
  dispose?: () => Promise<void> | void;
}

/**
 * Declares a plugin.
 *
 * @example
 * // plugins/hello/src/index.ts
 * import { definePlugin } from '../../../kernel/sdk/index.js';
 * export default definePlugin({
 *   routes: { shopApi: (r) => r.get('/greeting', (c) => c.json({ hello: c.get('platform').name })) },
 * });
 */
export function definePlugin(definition: PluginDefinition): PluginDefinition {
  return definition;
}
