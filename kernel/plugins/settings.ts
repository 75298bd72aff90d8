import type { Context } from 'hono';
import type { Knex } from 'knex';
import { audit } from '../audit/audit.js';
import { type PluginManifest, type SettingSpec, settingsValidator } from './manifest.js';

export type SettingsValues = Record<string, unknown>;
export type SettingsResult = { ok: true; values: SettingsValues } | { ok: false; errors: Record<string, string> };

/** A plugin's stored settings on a platform, as stored (not validated: a form shows them to be corrected). */
export async function storedPluginSettings(db: Knex, platformId: number, pluginId: string): Promise<SettingsValues> {
  const row = await db('platform_plugins')
    .where({ platform_id: platformId, plugin_id: pluginId })
    .first<{ settings: SettingsValues } | undefined>('settings');
  return row?.settings ?? {};
}

/** One posted form value as the setting's type; an empty field is "not set" (its default applies). */
function fromForm(spec: SettingSpec, raw: string | undefined): unknown {
  if (spec.type === 'boolean') return raw === 'true' || raw === 'on';
  if (raw === undefined || raw.trim() === '') return undefined;
  if (spec.type === 'number') return Number.isNaN(Number(raw)) ? raw : Number(raw);
  return raw;
}

/**
 * Checks settings posted by a form against the manifest's `settings` (types, min/max, patterns, options): the values
 * to store, or one message per field.
 */
export function parsePluginSettings(
  settings: PluginManifest['settings'],
  form: Record<string, string | string[] | undefined>,
): SettingsResult {
  const input: SettingsValues = {};
  for (const [key, spec] of Object.entries(settings)) {
    const raw = form[key];
    const value = fromForm(spec, Array.isArray(raw) ? raw[raw.length - 1] : raw);
    if (value !== undefined) input[key] = value;
  }
  const parsed = settingsValidator(settings).safeParse(input);
  if (parsed.success) return { ok: true, values: parsed.data as SettingsValues };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '_form');
    const label = settings[key]?.label ?? key;
    errors[key] ??= `${label} ${issue.message}.`;
  }
  return { ok: false, errors };
}

/**
 * Stores a plugin's settings on a platform (the plugin must be installed) and audit-logs the change
 * (`plugin.settings.changed`, with the values before and after). Run it in a system-scoped transaction.
 */
export async function savePluginSettings(
  db: Knex,
  c: Context | undefined,
  input: { platformId: number; pluginId: string; values: SettingsValues; actor: string },
): Promise<void> {
  const before = await storedPluginSettings(db, input.platformId, input.pluginId);
  await db('platform_plugins')
    .insert({
      platform_id: input.platformId,
      plugin_id: input.pluginId,
      settings: JSON.stringify(input.values),
      changed_by: input.actor,
    })
    .onConflict(['platform_id', 'plugin_id'])
    .merge({ settings: JSON.stringify(input.values), changed_by: input.actor, changed_at: db.fn.now() });
  await audit(db, c, {
    action: 'plugin.settings.changed',
    targetType: 'plugin',
    targetId: input.pluginId,
    platformId: input.platformId,
    before,
    after: input.values,
  });
}
