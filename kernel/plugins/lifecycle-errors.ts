import { defineError } from '../errors/define-error.js';

/** Codes for refused or failed plugin transitions (install, upgrade, uninstall, enable, disable). */
export const LifecycleErrors = {
  IdReserved: defineError<{ id: string }>({
    code: 'ORN_PLUGIN_ID_RESERVED',
    category: 'conflict',
    title: 'Plugin id reserved',
    detail: (p) => `plugin id "${p.id}" is reserved for the kernel's own routes: rename the plugin`,
  }),
  LoadFailed: defineError<{ id: string; reason: string }>({
    code: 'ORN_PLUGIN_LOAD_FAILED',
    category: 'internal',
    title: 'Plugin code could not be loaded',
    detail: (p) => `plugin "${p.id}" could not be loaded: ${p.reason}`,
  }),
  UnknownPlugin: defineError<{ id: string }>({
    code: 'ORN_PLUGIN_UNKNOWN',
    category: 'not-found',
    title: 'No such plugin',
    detail: (p) => `no plugin "${p.id}" was discovered (or it was left out at start-up: see GET /api/v1/admin/plugins)`,
  }),
  UnknownPlatform: defineError<{ code: string }>({
    code: 'ORN_PLUGIN_PLATFORM_UNKNOWN',
    category: 'not-found',
    title: 'No such platform',
    detail: (p) => `no platform with code "${p.code}"`,
  }),
  AlreadyInstalled: defineError<{ id: string; version: string }>({
    code: 'ORN_PLUGIN_ALREADY_INSTALLED',
    category: 'conflict',
    title: 'Plugin already installed',
    detail: (p) => `plugin "${p.id}" is already installed at version ${p.version}`,
  }),
  NotInstalled: defineError<{ id: string }>({
    code: 'ORN_PLUGIN_NOT_INSTALLED',
    category: 'conflict',
    title: 'Plugin not installed',
    detail: (p) => `plugin "${p.id}" is not installed: install it first`,
  }),
  DependenciesNotInstalled: defineError<{ id: string; missing: string }>({
    code: 'ORN_PLUGIN_DEPENDENCIES_NOT_INSTALLED',
    category: 'conflict',
    title: 'Plugin dependencies not installed',
    detail: (p) => `plugin "${p.id}" needs ${p.missing} installed first`,
  }),
  NeedsCascade: defineError<{ id: string; action: 'enable' | 'disable'; others: string; platform: string }>({
    code: 'ORN_PLUGIN_NEEDS_CASCADE',
    category: 'conflict',
    title: 'Other plugins would change too',
    detail: (p) =>
      p.action === 'enable'
        ? `enabling "${p.id}" on ${p.platform} also needs ${p.others} enabled: ask again with "cascade": true`
        : `disabling "${p.id}" on ${p.platform} also disables ${p.others}, which depend on it: ask again with "cascade": true`,
  }),
  CoreAlwaysOn: defineError<{ id: string }>({
    code: 'ORN_PLUGIN_CORE_ALWAYS_ON',
    category: 'conflict',
    title: 'Core plugins cannot be disabled',
    detail: (p) => `plugin "${p.id}" is a core plugin: it is always enabled and cannot be disabled or uninstalled`,
  }),
  HasDependents: defineError<{ id: string; dependents: string }>({
    code: 'ORN_PLUGIN_HAS_DEPENDENTS',
    category: 'conflict',
    title: 'Other plugins depend on this one',
    detail: (p) => `plugin "${p.id}" cannot be uninstalled while ${p.dependents} installed and depend on it`,
  }),
  NothingToUpgrade: defineError<{ id: string; version: string }>({
    code: 'ORN_PLUGIN_UP_TO_DATE',
    category: 'conflict',
    title: 'Plugin already up to date',
    detail: (p) => `plugin "${p.id}" is installed at ${p.version}, the version on disk`,
  }),
  Downgrade: defineError<{ id: string; installed: string; disk: string }>({
    code: 'ORN_PLUGIN_DOWNGRADE',
    category: 'conflict',
    title: 'Plugin on disk is older than the installed one',
    detail: (p) =>
      `plugin "${p.id}" is installed at ${p.installed} but ${p.disk} is on disk: migrations do not run backwards, put the newer version back`,
  }),
  TransitionFailed: defineError<{ id: string; action: string; reason: string }>({
    code: 'ORN_PLUGIN_TRANSITION_FAILED',
    category: 'conflict',
    status: 422,
    title: 'Plugin transition failed and was rolled back',
    detail: (p) => `${p.action} of plugin "${p.id}" failed and was rolled back, nothing changed: ${p.reason}`,
  }),
} as const;
