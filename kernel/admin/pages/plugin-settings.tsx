import type { Context, Hono } from 'hono';
import type { DbAccess } from '../../auth/db-access.js';
import { KernelErrors } from '../../errors/codes.js';
import { kernelT } from '../../i18n/request.js';
import type { PluginHost } from '../../plugins/host.js';
import type { PluginManifest, SettingSpec } from '../../plugins/manifest.js';
import { parsePluginSettings, savePluginSettings, storedPluginSettings } from '../../plugins/settings.js';
import { csrfToken } from '../../security/csrf.js';
import type { Platform } from '../../tenancy/platforms.js';
import { Button, LinkButton } from '../../ui/components/button.js';
import { ErrorSummary, type FieldErrors, Form, SelectField, TextField } from '../../ui/components/form.js';
import { kitT } from '../../ui/components/kit-language.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { seeOther } from '../../ui/redirect.js';
import { adminOf, managedPlatform } from '../scope.js';

export interface AdminPluginSettingsDeps {
  host: PluginHost;
  db: DbAccess;
  root: (c: Context) => string;
}

type Values = Record<string, string | string[]>;

/**
 * A plugin's settings on one platform, as a form generated from its manifest's `settings`:
 * `GET|POST /admin/platforms/:platform/plugins/:id/settings`. Invalid values re-render the form with one error per
 * field and change nothing; a valid form is stored, audit-logged (`plugin.settings.changed`) and redirects.
 */
export function mountAdminPluginSettings(app: Hono, deps: AdminPluginSettingsDeps): void {
  const path = '/admin/platforms/:platform/plugins/:id/settings';
  const target = (c: Context) => {
    const platform = managedPlatform(c, deps.host.platforms, c.req.param('platform') ?? '');
    const id = c.req.param('id') ?? '';
    const manifest = deps.host.loaded.get(id)?.discovered.manifest;
    if (!manifest || !deps.host.snapshot().installed.has(id)) throw KernelErrors.NotFound({ path: c.req.path });
    return { platform, manifest };
  };
  const render = (c: Context, platform: Platform, manifest: PluginManifest, values: Values, errors?: FieldErrors) => {
    if (errors) c.status(422);
    const list = `${deps.root(c)}/platforms/${platform.code}/plugins`;
    return c.render(
      <SettingsPage c={c} list={list} platform={platform} manifest={manifest} values={values} errors={errors} />,
      { title: `${kernelT(c)('adminPluginSettings.title', { name: manifest.displayName })} · ${platform.name}` },
    );
  };

  app.get(path, async (c) => {
    const { platform, manifest } = target(c);
    const stored = await deps.db.asSystem('admin: plugin settings', (db) =>
      storedPluginSettings(db, platform.id, manifest.id),
    );
    return render(c, platform, manifest, asFormValues(manifest.settings, stored));
  });

  app.post(path, async (c) => {
    const { platform, manifest } = target(c);
    const body = await c.req.parseBody({ all: true });
    const values: Values = {};
    for (const [k, v] of Object.entries(body)) {
      const strings = (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === 'string');
      values[k] = strings.length === 1 ? (strings[0] as string) : strings;
    }
    const parsed = parsePluginSettings(manifest.settings, values);
    if (!parsed.ok) return render(c, platform, manifest, values, parsed.errors);
    await deps.db.asSystem('admin: save plugin settings', (db) =>
      savePluginSettings(db, c, {
        platformId: platform.id,
        pluginId: manifest.id,
        values: parsed.values,
        actor: adminOf(c).email,
      }),
    );
    // Plugins read settings from the host's snapshot: refresh it here and in the other processes.
    await deps.host.changed();
    setFlash(c, {
      kind: 'success',
      text: kernelT(c)('adminPluginSettings.saved', { name: manifest.displayName, platform: platform.name }),
    });
    return seeOther(c, `${deps.root(c)}/platforms/${platform.code}/plugins`);
  });
}

/** Stored values as form strings, with each setting's default where none is stored. */
function asFormValues(settings: PluginManifest['settings'], stored: Record<string, unknown>): Values {
  const values: Values = {};
  for (const [key, spec] of Object.entries(settings)) {
    const value = stored[key] ?? spec.default;
    if (value !== undefined) values[key] = String(value);
  }
  return values;
}

function SettingField(props: { name: string; spec: SettingSpec; value?: string; error?: string }) {
  const { name, spec, value, error } = props;
  // Rendered inside the shell: the kit's language is the request's. The labels are the plugin's own.
  const t = kitT();
  if (spec.type === 'enum') {
    const options = spec.options.map((o) => ({ value: o, label: o }));
    const choices =
      spec.default === undefined ? [{ value: '', label: t('adminPluginSettings.notSet') }, ...options] : options;
    return (
      <SelectField
        name={name}
        label={spec.label}
        hint={spec.description}
        options={choices}
        value={value}
        error={error}
      />
    );
  }
  if (spec.type === 'boolean') {
    return (
      <div>
        <label class="inline-flex items-center gap-2 text-sm font-medium text-gray-900">
          <input
            id={`field-${name}`}
            type="checkbox"
            name={name}
            value="true"
            checked={value === 'true'}
            aria-describedby={spec.description ? `field-${name}-hint` : undefined}
            class="size-4 rounded border-gray-400 text-brand-600"
          />
          {spec.label}
        </label>
        {spec.description ? (
          <p id={`field-${name}-hint`} class="mt-1 text-xs text-gray-600">
            {spec.description}
          </p>
        ) : null}
        {error ? <p class="mt-1 text-sm text-red-700">{error}</p> : null}
      </div>
    );
  }
  const limits =
    spec.type === 'number'
      ? [
          spec.min !== undefined ? t('adminPluginSettings.min', { min: spec.min }) : '',
          spec.max !== undefined ? t('adminPluginSettings.max', { max: spec.max }) : '',
        ]
      : [spec.maxLength !== undefined ? t('adminPluginSettings.maxLength', { max: spec.maxLength }) : ''];
  const hint = [spec.description, limits.filter(Boolean).join(', ')].filter(Boolean).join(' · ') || undefined;
  return (
    <TextField
      name={name}
      label={spec.label}
      type={spec.type === 'number' ? 'number' : 'text'}
      hint={hint}
      value={value}
      error={error}
    />
  );
}

function SettingsPage(props: {
  c: Context;
  list: string;
  platform: Platform;
  manifest: PluginManifest;
  values: Values;
  errors?: FieldErrors;
}) {
  const { manifest, values, errors } = props;
  const entries = Object.entries(manifest.settings);
  const action = `${props.list}/${manifest.id}/settings`;
  const t = kernelT(props.c);
  return (
    <>
      <PageHeader
        title={t('adminPluginSettings.title', { name: manifest.displayName })}
        description={t('adminPluginSettings.description', { platform: props.platform.name })}
      />
      <Card class="max-w-xl">
        {entries.length === 0 ? (
          <p class="text-sm text-gray-700">{t('adminPluginSettings.none')}</p>
        ) : (
          <Form
            id="plugin-settings-form"
            action={action}
            csrf={csrfToken(props.c)}
            hx-post={action}
            hx-target="#plugin-settings-form"
            hx-select="#plugin-settings-form"
            hx-swap="outerHTML"
          >
            <ErrorSummary errors={errors} />
            {entries.map(([name, spec]) => (
              <SettingField
                name={name}
                spec={spec}
                value={typeof values[name] === 'string' ? (values[name] as string) : undefined}
                error={errors?.[name]}
              />
            ))}
            <div class="flex gap-2">
              <Button>{t('adminPluginSettings.save')}</Button>
              <LinkButton href={props.list}>{t('confirm.cancel')}</LinkButton>
            </div>
          </Form>
        )}
      </Card>
    </>
  );
}
