import { defineError } from '../errors/index.js';

/**
 * The plugin host's error codes, one table. Each code is documented under "Plugin host codes" in
 * docs/reference/errors.md (checked by kernel/errors/codes.test.ts). `graph.ts` builds its exclusion reasons with these
 * `detail` functions, so the text a boot log shows and the text a thrown error carries are the same.
 */
export const PluginErrors = {
  ManifestInvalid: defineError<{ detail: string }>({
    code: 'ORN_PLUGIN_MANIFEST_INVALID',
    category: 'internal',
    title: 'Invalid plugin manifest',
    detail: (p) => p.detail,
  }),
  PackageUnreadable: defineError<{ file: string; reason: string }>({
    code: 'ORN_PLUGIN_PACKAGE_UNREADABLE',
    category: 'internal',
    title: 'Unreadable plugin package',
    detail: (p) => `${p.file} cannot be read: ${p.reason}`,
  }),
  NotAPlugin: defineError<{ file: string }>({
    code: 'ORN_PLUGIN_NOT_A_PLUGIN',
    category: 'internal',
    title: 'Not an Orion plugin',
    detail: (p) => `${p.file}: not an Orion plugin: no orion field`,
  }),
  DuplicateId: defineError<{ id: string; kept: string; skipped: string }>({
    code: 'ORN_PLUGIN_DUPLICATE_ID',
    category: 'conflict',
    title: 'Two plugins share an id',
    detail: (p) => `plugin "${p.id}" in ${p.skipped} is left out: ${p.kept} already provides plugin "${p.id}"`,
  }),
  KernelIncompatible: defineError<{ id: string; version: string; range: string; kernel: string }>({
    code: 'ORN_PLUGIN_KERNEL_INCOMPATIBLE',
    category: 'conflict',
    title: 'Plugin needs another kernel version',
    detail: (p) => `plugin "${p.id}" ${p.version} needs kernel ${p.range}, this kernel is ${p.kernel}`,
  }),
  DependencyMissing: defineError<{ id: string; version: string; dependency: string; range: string }>({
    code: 'ORN_PLUGIN_DEPENDENCY_MISSING',
    category: 'conflict',
    title: 'Plugin dependency missing',
    detail: (p) => `plugin "${p.id}" ${p.version} needs "${p.dependency}" ${p.range}, which is not present`,
  }),
  DependencyIncompatible: defineError<{
    id: string;
    version: string;
    dependency: string;
    range: string;
    found: string;
  }>({
    code: 'ORN_PLUGIN_DEPENDENCY_INCOMPATIBLE',
    category: 'conflict',
    title: 'Plugin dependency has the wrong version',
    detail: (p) => `plugin "${p.id}" ${p.version} needs "${p.dependency}" ${p.range}, found ${p.found}`,
  }),
  DependencyCycle: defineError<{ id: string; version: string; cycle: string }>({
    code: 'ORN_PLUGIN_DEPENDENCY_CYCLE',
    category: 'conflict',
    title: 'Plugins depend on each other in a cycle',
    detail: (p) => `plugin "${p.id}" ${p.version} is part of a dependency cycle: ${p.cycle}`,
  }),
  DependencyExcluded: defineError<{ id: string; dependency: string; reason: string }>({
    code: 'ORN_PLUGIN_DEPENDENCY_EXCLUDED',
    category: 'conflict',
    title: 'Plugin dependency was left out',
    detail: (p) => `plugin "${p.id}" needs "${p.dependency}", which was left out: ${p.reason}`,
  }),
  SettingsInvalid: defineError<{ id: string; errors: string }>({
    code: 'ORN_PLUGIN_SETTINGS_INVALID',
    category: 'input',
    status: 422,
    title: 'Invalid plugin settings',
    detail: (p) => `settings of plugin "${p.id}": ${p.errors}`,
  }),
} as const;
