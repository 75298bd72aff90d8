import semver from 'semver';
import { z } from 'zod';
import { PluginErrors } from './errors.js';

/** Plugin ids: kebab-case, so they read well in URLs, table prefixes (`gift_cards__…`) and error codes. */
export const PLUGIN_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const PLUGIN_ID_MAX = 40;
const isPluginId = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= PLUGIN_ID_MAX && PLUGIN_ID_PATTERN.test(v);

/**
 * Path segments the kernel uses right under an area's prefix (`/api/v1/vendor/team`, `/admin/vendors`, …). A plugin
 * owns `<area prefix>/<plugin id>/…`, so an id among these would hide the kernel's own routes; a test keeps this
 * list in step with the kernel's routes.
 */
export const RESERVED_PLUGIN_IDS: ReadonlySet<string> = new Set([
  'accept-invitation',
  'account',
  'api-keys',
  'assets',
  'audit-log',
  'auth',
  'categories',
  'customers',
  'dashboard',
  'domains',
  'forgot-password',
  'language',
  'login',
  'logout',
  'mail',
  'pages',
  'platforms',
  'plugins',
  'products',
  'profile',
  'reset-password',
  'robots.txt',
  'roles',
  'search',
  'settings',
  'sitemap.xml',
  'team',
  'theme',
  'theme-assets',
  'users',
  'vendors',
]);

const pluginId = z
  .string()
  .max(PLUGIN_ID_MAX, `must be at most ${PLUGIN_ID_MAX} characters long`)
  .regex(PLUGIN_ID_PATTERN, 'must be a kebab-case id such as gift-cards')
  .refine((id) => !RESERVED_PLUGIN_IDS.has(id), 'is used by the kernel in its URLs: pick another id');
const semverVersion = z.string().refine((v) => semver.valid(v) !== null, 'must be a semver version such as 1.2.3');
// validRange('') is '*': an empty range is almost always a mistake, so it is refused.
const semverRange = z
  .string()
  .refine((v) => v.trim() !== '' && semver.validRange(v) !== null, 'must be a semver range such as ^1.0.0');
const nonEmpty = z.string().refine((v) => v.trim() !== '', 'must not be empty');
const settingKey = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a camelCase identifier such as pageSize');
const isRegExp = (v: string) => {
  try {
    new RegExp(v);
    return true;
  } catch {
    return false;
  }
};

const common = { label: nonEmpty, description: z.string().optional() };
const settingSpecSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('string'),
      ...common,
      default: z.string().optional(),
      maxLength: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
      pattern: z.string().refine(isRegExp, 'must be a valid regular expression').optional(),
    }),
    z.strictObject({
      type: z.literal('number'),
      ...common,
      default: z.number().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean().optional(),
    }),
    z.strictObject({ type: z.literal('boolean'), ...common, default: z.boolean().optional() }),
    z.strictObject({
      type: z.literal('enum'),
      ...common,
      options: z.array(nonEmpty).min(1, 'must list at least one option'),
      default: z.string().optional(),
    }),
  ])
  .superRefine((spec, ctx) => {
    if (spec.type === 'number' && spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        input: spec.max,
        message: `must not be less than min (${spec.min})`,
      });
    }
    if (spec.default === undefined) return;
    // The default must pass the setting's own checks (enum options, min/max, pattern...).
    try {
      const result = settingValueSchema(spec).safeParse(spec.default);
      const first = result.error?.issues[0];
      if (first) ctx.addIssue({ code: 'custom', path: ['default'], input: spec.default, message: first.message });
    } catch {
      // An invalid pattern is already reported on `pattern`.
    }
  });

export type SettingSpec = z.infer<typeof settingSpecSchema>;

/** The `orion` field of a plugin's package.json. Unknown keys are refused so that a typo is not silently ignored. */
export const manifestSchema = z
  .strictObject({
    id: pluginId,
    version: semverVersion,
    displayName: nonEmpty,
    description: z.string().default(''),
    category: z.enum(['core', 'optional', 'internal']),
    kernel: semverRange,
    dependencies: z.record(pluginId, semverRange).default({}),
    /** Plugins whose services this one uses when they are there; never required, never enabled for it. */
    optionalDependencies: z.record(pluginId, semverRange).optional(),
    permissions: z.array(z.strictObject({ id: z.string(), description: z.string() })).default([]),
    settings: z.record(settingKey, settingSpecSchema).default({}),
  })
  .superRefine((m, ctx) => {
    // The checks below need a valid id; zod runs this refinement even when other fields failed.
    if (!isPluginId(m.id) || !Array.isArray(m.permissions) || !isRecord(m.dependencies)) return;
    // Permissions carry the plugin's id as a prefix, so two plugins can never claim the same permission.
    const own = new RegExp(`^${m.id}\\.[a-z][a-z0-9_-]*$`);
    const seen = new Set<string>();
    m.permissions.forEach((p, i) => {
      const path = ['permissions', i, 'id'];
      if (!own.test(p.id)) {
        const message = `must be "${m.id}." followed by a lower-case name, such as ${m.id}.manage`;
        ctx.addIssue({ code: 'custom', path, input: p.id, message });
      } else if (seen.has(p.id)) {
        ctx.addIssue({ code: 'custom', path, input: p.id, message: 'repeats a permission listed earlier' });
      }
      seen.add(p.id);
    });
    if (m.id in m.dependencies) {
      ctx.addIssue({ code: 'custom', path: ['dependencies', m.id], message: 'names the plugin itself' });
    }
  });

export type PluginManifest = z.infer<typeof manifestSchema>;

/** The zod schema of one setting's value, with the checks its spec declares. */
export function settingValueSchema(spec: SettingSpec): z.ZodType {
  switch (spec.type) {
    case 'string': {
      let s = z.string({ error: 'must be a string' });
      if (spec.maxLength !== undefined) s = s.max(spec.maxLength, `must be at most ${spec.maxLength} characters long`);
      if (spec.pattern !== undefined) s = s.regex(new RegExp(spec.pattern), `must match the pattern ${spec.pattern}`);
      return s;
    }
    case 'number': {
      let n = z.number({ error: 'must be a number' });
      if (spec.integer) n = n.int('must be a whole number');
      if (spec.min !== undefined) n = n.min(spec.min, `must be at least ${spec.min}`);
      if (spec.max !== undefined) n = n.max(spec.max, `must be at most ${spec.max}`);
      return n;
    }
    case 'boolean':
      return z.boolean({ error: 'must be true or false' });
    case 'enum':
      return z.enum(spec.options as [string, ...string[]], { error: `must be one of ${spec.options.join(', ')}` });
  }
}

/**
 * Validates a platform's settings values for one plugin: unknown keys are refused, a missing key takes its default,
 * and a key without a default may be left out. Format failures with `describeIssues(error.issues, values, 'settings')`.
 */
export function settingsValidator(settings: PluginManifest['settings']): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, spec] of Object.entries(settings)) {
    const value = settingValueSchema(spec);
    shape[key] = spec.default === undefined ? value.optional() : value.default(spec.default as never);
  }
  return z.strictObject(shape);
}

export type ParseManifestResult = { ok: true; manifest: PluginManifest } | { ok: false; error: string };

/**
 * Reads and checks the `orion` field of a package.json. `source` names where it came from (such as
 * `plugins/catalog/package.json`) and appears in the error, which is one line naming the plugin, the field and why.
 */
export function parseManifest(packageJson: unknown, source: string): ParseManifestResult {
  if (!isRecord(packageJson)) return { ok: false, error: `${source}: package.json must be a JSON object` };
  const orion = packageJson.orion;
  if (orion === undefined) return { ok: false, error: PluginErrors.NotAPlugin.definition.detail({ file: source }) };
  const who = describePackage(packageJson, source);
  if (!isRecord(orion)) return { ok: false, error: `${who}: orion must be an object (got ${show(orion)})` };

  const result = manifestSchema.safeParse(orion);
  const reasons = result.success ? [] : [describeIssues(result.error.issues, orion, 'orion')];
  // One source of truth: the package version and the plugin version may not drift apart.
  const pkgVersion = packageJson.version;
  if (typeof pkgVersion === 'string' && typeof orion.version === 'string' && semver.valid(orion.version)) {
    if (pkgVersion !== orion.version) {
      reasons.push(`orion.version must equal the package.json version ${pkgVersion} (got ${show(orion.version)})`);
    }
  }
  if (reasons.length > 0 || !result.success) return { ok: false, error: `${who}: ${reasons.join('; ')}` };
  return { ok: true, manifest: result.data };
}

/** One line for a list of zod issues: `<prefix>.<path> <reason> (got <value>)`, joined with `; `. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: string): string {
  return issues
    .map((issue) => {
      const at = (path: readonly PropertyKey[]) => formatPath(prefix, path);
      const value = valueAt(input, issue.path);
      const got = value === undefined ? '' : ` (got ${show(value)})`;
      switch (issue.code) {
        case 'unrecognized_keys':
          return issue.keys.map((k) => `${at([...issue.path, k])} is not a known field`).join('; ');
        case 'invalid_key':
          return `${at(issue.path.slice(0, -1))} key ${show(issue.path.at(-1))} ${issue.issues[0]?.message ?? 'is invalid'}`;
        case 'invalid_type':
          if (value === undefined) return `${at(issue.path)} is required`;
          return `${at(issue.path)} ${issue.message.startsWith('Invalid input') ? `must be ${article(issue.expected === 'record' ? 'object' : issue.expected)}` : issue.message}${got}`;
        case 'invalid_value':
          return `${at(issue.path)} must be one of ${issue.values.map(String).join(', ')}${got}`;
        case 'invalid_union':
          if ('options' in issue && Array.isArray(issue.options)) {
            return `${at(issue.path)} must be one of ${issue.options.map(String).join(', ')}${got}`;
          }
          return `${at(issue.path)} is invalid${got}`;
        default:
          return `${at(issue.path)} ${issue.message}${got}`;
      }
    })
    .join('; ');
}

function describePackage(pkg: Record<string, unknown>, source: string): string {
  const id = isRecord(pkg.orion) ? pkg.orion.id : undefined;
  if (isPluginId(id)) {
    return `plugin "${id}" (${source})`;
  }
  if (typeof pkg.name === 'string' && pkg.name !== '') return `package "${pkg.name}" (${source})`;
  return source;
}

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
