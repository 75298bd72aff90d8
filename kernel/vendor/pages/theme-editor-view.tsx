import type { Context } from 'hono';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import type { LoadedTheme } from '../../themes/registry.js';
import { DEFAULT_SECTIONS, HEADER_LAYOUTS, SECTION_TYPES, type VendorThemeSettings } from '../../themes/resolve.js';
import { Alert } from '../../ui/components/alert.js';
import { Button } from '../../ui/components/button.js';
import { ErrorSummary, Form, SelectField } from '../../ui/components/form.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { vendorRoot } from '../scope.js';
import { FONT_STACKS } from './theme-draft.js';

const INPUT = 'block w-full rounded-md border border-gray-300 px-3 py-2 text-sm';
const LABEL = 'block text-sm font-medium text-gray-900';

/** The theme editor: settings form on the left, the draft's preview (a frame) on the right. */
export function ThemeEditorPage(props: {
  c: Context;
  settings: VendorThemeSettings;
  hasDraft: boolean;
  /** Set when the vendor is on several platforms: what the request's platform shows (the shop's or its own). */
  source?: 'shop' | 'own';
  themes: LoadedTheme[];
  errors?: Record<string, string>;
  cssDropped?: string[];
  previewSrc: string;
  assetBase: string;
}) {
  const { c, settings: s } = props;
  const t = kernelT(c);
  const theme = props.themes.find((th) => th.manifest.id === s.id) ?? props.themes[0];
  const preset = s.preset && theme?.presets.has(s.preset) ? s.preset : theme?.manifest.presets[0]?.id;
  const values = { ...(preset ? theme?.presets.get(preset) : {}), ...s.tokens };
  const sections = s.sections ?? DEFAULT_SECTIONS;
  const action = `${vendorRoot(c)}/theme`;
  return (
    <div id="theme-editor">
      <PageHeader title={t('theme.title')} description={props.hasDraft ? t('theme.draftNote') : t('theme.intro')} />
      {props.cssDropped?.length ? (
        <Alert kind="warning">{t('theme.cssDropped', { what: props.cssDropped.join(', ') })}</Alert>
      ) : null}
      <div class="grid gap-6 xl:grid-cols-2">
        <Form
          action={action}
          csrf={csrfToken(c)}
          enctype="multipart/form-data"
          hx-post={action}
          hx-target="#theme-editor"
          hx-swap="outerHTML"
          hx-trigger="change, submit"
        >
          {/* Enter in a field saves the draft: the first submit button of a form is its default. */}
          <button type="submit" name="action" value="save" class="sr-only" tabindex={-1}>
            {t('theme.saveDraft')}
          </button>
          <ErrorSummary errors={props.errors} message={props.errors ? t('form.errorSummary') : undefined} />
          {props.source ? <SourceChoice c={c} source={props.source} /> : null}
          <Card title={t('theme.look')}>
            <div class="space-y-4">
              <label class={LABEL} for="field-theme">
                {t('theme.themeAndPreset')}
              </label>
              <ul class="flex flex-wrap gap-3">
                {props.themes
                  .filter((th) => th.preview)
                  .map((th) => (
                    <li class="text-center text-xs text-gray-700">
                      <img
                        src={`/assets/theme-previews/${th.manifest.id}`}
                        alt=""
                        width="120"
                        height="75"
                        class={`rounded ring-1 ${th === theme ? 'ring-2 ring-brand-600' : 'ring-gray-300'}`}
                      />
                      {th.manifest.name}
                    </li>
                  ))}
              </ul>
              <select id="field-theme" name="theme" class={INPUT}>
                {props.themes.map((th) => (
                  <optgroup label={th.manifest.name}>
                    {th.manifest.presets.map((p) => (
                      <option value={`${th.manifest.id}:${p.id}`} selected={th === theme && p.id === preset}>
                        {`${th.manifest.name} · ${p.name}`}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <div class="grid grid-cols-2 gap-3">
                {Object.entries(theme?.manifest.settings.tokens ?? {}).map(([name, spec]) =>
                  spec.type === 'color' ? (
                    <div>
                      <label class={LABEL} for={`field-token-${name}`}>
                        {spec.label}
                      </label>
                      <input
                        id={`field-token-${name}`}
                        type="color"
                        name={`token.${name}`}
                        value={values[name]}
                        aria-invalid={props.errors?.[`token.${name}`] ? 'true' : undefined}
                      />
                    </div>
                  ) : spec.type === 'font' ? (
                    <div class="col-span-2">
                      <SelectField
                        name={`token.${name}`}
                        label={spec.label}
                        value={values[name]}
                        options={[...new Set([values[name] ?? '', ...FONT_STACKS])]
                          .filter(Boolean)
                          .map((f) => ({ value: f, label: f }))}
                      />
                    </div>
                  ) : null,
                )}
              </div>
              <SelectField
                name="headerLayout"
                label={t('theme.headerLayout')}
                value={s.headerLayout ?? 'standard'}
                options={HEADER_LAYOUTS.map((l) => ({ value: l, label: t(`theme.header.${l}`) }))}
              />
            </div>
          </Card>
          <Card title={t('theme.images')}>
            {(['logo', 'favicon'] as const).map((kind) => (
              <div class="mb-4 space-y-1">
                <label class={LABEL} for={`field-${kind}`}>
                  {t(kind === 'logo' ? 'theme.logo' : 'theme.favicon')}
                </label>
                {s[kind] ? <img src={props.assetBase + s[kind]} alt="" height="32" class="h-8 w-auto" /> : null}
                <input
                  id={`field-${kind}`}
                  type="file"
                  name={kind}
                  accept={kind === 'logo' ? 'image/png,image/jpeg,image/webp,image/gif' : 'image/png,image/x-icon'}
                  aria-describedby={props.errors?.[kind] ? `field-${kind}-error` : undefined}
                />
                {props.errors?.[kind] ? (
                  <p id={`field-${kind}-error`} class="text-sm text-red-700">
                    {props.errors[kind]}
                  </p>
                ) : null}
                {s[kind] ? (
                  <label class="flex items-center gap-2 text-sm">
                    <input type="checkbox" name={`remove.${kind}`} value="1" /> {t('theme.remove')}
                  </label>
                ) : null}
              </div>
            ))}
          </Card>
          <Card title={t('theme.sections')}>
            <input type="hidden" name="sectionCount" value={String(sections.length)} />
            <ol class="space-y-3">
              {sections.map((sec, i) => (
                <li class="rounded-md border border-gray-200 p-3" data-section={sec.type}>
                  <input type="hidden" name={`section.${i}.type`} value={sec.type} />
                  <p class="font-medium">{t(`theme.section.${sec.type}`)}</p>
                  <label class={LABEL} for={`field-section-${i}-heading`}>
                    {t('theme.sectionHeading')}
                  </label>
                  <input
                    id={`field-section-${i}-heading`}
                    class={INPUT}
                    name={`section.${i}.heading`}
                    value={sec.heading ?? ''}
                  />
                  {'text' in sec || sec.type === 'hero' || sec.type === 'newsletter' ? (
                    <>
                      <label class={LABEL} for={`field-section-${i}-text`}>
                        {t('theme.sectionText')}
                      </label>
                      <textarea id={`field-section-${i}-text`} class={INPUT} name={`section.${i}.text`} rows={3}>
                        {'text' in sec ? (sec.text ?? '') : ''}
                      </textarea>
                    </>
                  ) : null}
                  {sec.type === 'featured' ? (
                    <>
                      <label class={LABEL} for={`field-section-${i}-count`}>
                        {t('theme.sectionCount')}
                      </label>
                      <input
                        id={`field-section-${i}-count`}
                        class={INPUT}
                        type="number"
                        min="1"
                        max="24"
                        name={`section.${i}.count`}
                        value={String(sec.count)}
                      />
                    </>
                  ) : null}
                  <div class="mt-2 flex gap-2">
                    <Button variant="secondary" name="action" value={`up:${i}`} disabled={i === 0}>
                      {t('theme.moveUp')}
                    </Button>
                    <Button variant="secondary" name="action" value={`down:${i}`} disabled={i === sections.length - 1}>
                      {t('theme.moveDown')}
                    </Button>
                    <Button variant="secondary" name="action" value={`remove:${i}`}>
                      {t('theme.removeSection')}
                    </Button>
                  </div>
                </li>
              ))}
            </ol>
            <div class="mt-3 flex items-end gap-2">
              <SelectField
                name="newSection"
                label={t('theme.addSection')}
                options={SECTION_TYPES.map((type) => ({ value: type, label: t(`theme.section.${type}`) }))}
              />
              <Button variant="secondary" name="action" value="add">
                {t('theme.add')}
              </Button>
            </div>
          </Card>
          <Card title={t('theme.customCss')}>
            <label class={LABEL} for="field-customCss">
              {t('theme.customCss')}
            </label>
            <textarea
              id="field-customCss"
              name="customCss"
              rows={6}
              class={`${INPUT} font-mono`}
              aria-describedby="field-customCss-hint"
            >
              {s.customCss ?? ''}
            </textarea>
            <p id="field-customCss-hint" class="text-sm text-gray-600">
              {t('theme.customCssHint')}
            </p>
          </Card>
          <div class="flex flex-wrap gap-2">
            <Button name="action" value="save" variant="secondary">
              {t('theme.saveDraft')}
            </Button>
            <Button name="action" value="publish">
              {t('theme.publish')}
            </Button>
            {props.hasDraft ? (
              <Button name="action" value="discard" variant="secondary">
                {t('theme.discard')}
              </Button>
            ) : null}
          </div>
        </Form>
        <Card title={t('theme.preview')}>
          <iframe
            title={t('theme.preview')}
            src={props.previewSrc}
            class="h-[48rem] w-full rounded border border-gray-200"
            loading="lazy"
          />
          <p class="mt-2 text-sm">
            <a class="underline" href={props.previewSrc} target="_blank" rel="noopener">
              {t('theme.openPreview')}
            </a>
          </p>
        </Card>
      </div>
    </div>
  );
}

/** "This platform uses: the shop's theme / its own theme". Each is a submit button; the current one is pressed. */
function SourceChoice(props: { c: Context; source: 'shop' | 'own' }) {
  const t = kernelT(props.c);
  return (
    <Card title={t('theme.source.title')}>
      <fieldset class="space-y-2" data-theme-source={props.source}>
        <legend class={LABEL}>{t('theme.source.legend')}</legend>
        <div class="flex flex-wrap gap-2">
          {(['shop', 'own'] as const).map((choice) => (
            <Button
              name="action"
              value={`source:${choice}`}
              variant={props.source === choice ? 'primary' : 'secondary'}
              aria-pressed={props.source === choice ? 'true' : 'false'}
            >
              {t(choice === 'shop' ? 'theme.source.shop' : 'theme.source.own')}
            </Button>
          ))}
        </div>
        <p class="text-sm text-gray-600">
          {t(props.source === 'own' ? 'theme.source.ownHint' : 'theme.source.shopHint')}
        </p>
      </fieldset>
    </Card>
  );
}
