/**
 * The kernel SDK: the only kernel module a plugin imports. Types, factories and the migration helpers; everything
 * else a plugin needs at run time reaches it through its `PluginContext`.
 */

export { createRoute, z } from '@hono/zod-openapi';
export type { Knex } from 'knex';
export type { AuditEntry } from '../audit/audit.js';
export { can, requireCustomer, requirePermission } from '../auth/authorize.js';
export type {
  AdminPrincipal,
  ApiKeyPrincipal,
  CustomerPrincipal,
  Principal,
  VendorUserPrincipal,
} from '../auth/principal.js';
export type { MigrationModule } from '../db/migrate.js';
export type { TenantRlsOptions, TenantScope } from '../db/tenant-scope.js';
export { disableTenantRls, enableTenantRls } from '../db/tenant-scope.js';
export type { TenantSearchIndexOptions } from '../db/tenant-search.js';
export { createTenantSearchIndex, dropTenantSearchIndex, tenantSearch } from '../db/tenant-search.js';
export type { ErrorCategory, ErrorDefinition, ErrorFactory } from '../errors/define-error.js';
export { defineError, OrionError } from '../errors/define-error.js';
export type { EventName, OrionEvents } from '../events/bus.js';
export { jsonBody, jsonResponse } from '../http/openapi.js';
export type { MailMessage, SendOptions } from '../mail/message.js';
export {
  CurrencyMismatchError,
  CurrencySchema,
  currencyExponent,
  DEFAULT_ROUNDING,
  isCurrency,
  Money,
  MoneySchema,
  NonNegativeMoneySchema,
  type Rounding,
} from '../money/index.js';
export type {
  DemoVendor,
  LifecycleContext,
  MenuItem,
  PlatformRef,
  PluginContext,
  PluginDefinition,
  PluginRouter,
  PluginVariables,
  RouteArea,
  SlotRenderer,
} from '../plugins/definition.js';
export { definePlugin, ROUTE_AREAS } from '../plugins/definition.js';
export type { FileStore } from '../storage/files.js';
export type {
  CustomerAccount,
  CustomerAccountPatch,
  CustomerDirectory,
  CustomerListOptions,
  CustomerQueryOptions,
} from '../tenancy/customer-directory.js';
export type { Area, Resolution } from '../tenancy/resolve.js';
export { vendorOf } from '../tenancy/vendor-api.js';
export type { Vendor } from '../tenancy/vendors.js';
