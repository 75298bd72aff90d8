import {
  Button,
  Card,
  csrfToken,
  ErrorSummary,
  type FieldErrors,
  Form,
  formValue,
  LinkButton,
  PageHeader,
  SelectField,
  TextField,
} from '@orion/sdk/ui';
import type { Context } from 'hono';
import { field, type T, TextArea, type Values } from './shared.js';

/** Plain styles for the rendered Markdown (the kit has no typography plugin). */
const PREVIEW =
  'space-y-3 text-sm [&_a]:underline [&_h1]:text-2xl [&_h1]:font-semibold [&_h2]:text-xl [&_h2]:font-semibold ' +
  '[&_h3]:font-semibold [&_img]:max-w-full [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6';

/**
 * The page editor: address, status, navigation, then one section per language of the shop (title, Markdown body,
 * SEO fields). A language left empty is not saved. Plain form: the server redirects, or re-renders with errors.
 */
export function EditorView(props: {
  c: Context;
  t: T;
  id?: number;
  /** Where the form posts and where Cancel goes. */
  action: string;
  back: string;
  /** The admin's new-page form asks for the tier (marketing or default); it cannot change later. */
  askTier?: boolean;
  /** The sanitised HTML of one language's body, after "Preview". */
  preview?: { language: string; html: string };
  values: Values;
  errors?: FieldErrors;
  languages: string[];
  canEdit: boolean;
}) {
  const { c, t, values, errors } = props;
  const v = (name: string) => formValue(values, name) ?? '';
  const title = props.id ? t('cms.editor.editTitle', { slug: v('slug') }) : t('cms.editor.newTitle');
  const checkbox = (name: 'showInHeader' | 'showInFooter') => (
    <div class="flex items-center gap-2">
      <input id={`field-${name}`} type="checkbox" name={name} checked={Boolean(v(name))} disabled={!props.canEdit} />
      <label for={`field-${name}`} class="text-sm text-gray-900">
        {t(`cms.field.${name}`)}
      </label>
    </div>
  );
  const body = (
    <>
      <ErrorSummary errors={errors} />
      <Card title={t('cms.editor.settings')}>
        <div class="space-y-4">
          <TextField
            name="slug"
            label={t('cms.field.slug')}
            hint={t('cms.field.slug.hint')}
            value={v('slug')}
            error={errors?.slug}
            required
          />
          {props.askTier ? (
            <SelectField
              name="tier"
              label={t('cms.field.tier')}
              value={v('tier') || 'default'}
              error={errors?.tier}
              options={[
                { value: 'default', label: t('cms.tier.default') },
                { value: 'marketing', label: t('cms.tier.marketing') },
              ]}
            />
          ) : null}
          <SelectField
            name="status"
            label={t('cms.field.status')}
            value={v('status') || 'draft'}
            options={[
              { value: 'draft', label: t('cms.status.draft') },
              { value: 'published', label: t('cms.status.published') },
            ]}
          />
          {checkbox('showInHeader')}
          {checkbox('showInFooter')}
          <TextField
            name="navOrder"
            type="number"
            label={t('cms.field.navOrder')}
            hint={t('cms.field.navOrder.hint')}
            value={v('navOrder') || '0'}
            error={errors?.navOrder}
          />
        </div>
      </Card>
      {props.languages.map((language) => (
        <Card title={t('cms.editor.language', { language: language.toUpperCase() })}>
          <div class="space-y-4" lang={language}>
            <TextField
              name={field('title', language)}
              label={t('cms.field.title', { language })}
              value={v(field('title', language))}
              error={errors?.[field('title', language)]}
            />
            <TextArea
              name={field('content', language)}
              label={t('cms.field.content', { language })}
              hint={t('cms.field.content.hint')}
              value={v(field('content', language))}
              error={errors?.[field('content', language)]}
            />
            {props.canEdit ? (
              <Button
                type="submit"
                name="preview"
                value={language}
                variant="secondary"
                hx-post={props.action}
                hx-target={`#preview-${language}`}
                hx-select={`#preview-${language}`}
                hx-swap="outerHTML"
              >
                {t('cms.editor.preview', { language })}
              </Button>
            ) : null}
            <div id={`preview-${language}`} aria-live="polite">
              {props.preview?.language === language ? (
                <section
                  class="rounded-md p-4 ring-1 ring-gray-200"
                  aria-label={t('cms.editor.previewOf', { language })}
                >
                  <div class={PREVIEW} dangerouslySetInnerHTML={{ __html: props.preview.html }} />
                </section>
              ) : null}
            </div>
            <TextField
              name={field('seoTitle', language)}
              label={t('cms.field.seoTitle', { language })}
              value={v(field('seoTitle', language))}
              error={errors?.[field('seoTitle', language)]}
            />
            <TextArea
              name={field('seoDescription', language)}
              label={t('cms.field.seoDescription', { language })}
              value={v(field('seoDescription', language))}
              error={errors?.[field('seoDescription', language)]}
              rows={2}
            />
          </div>
        </Card>
      ))}
    </>
  );
  return (
    <>
      <PageHeader title={title} description={t('cms.editor.description')} />
      {props.canEdit ? (
        <Form action={props.action} csrf={csrfToken(c)}>
          {/* The form's default button: Enter in a field saves, rather than pressing the first "Preview". */}
          <button type="submit" class="sr-only" tabindex={-1}>
            {t('cms.save')}
          </button>
          {body}
          <div class="flex gap-3">
            <Button type="submit">{t('cms.save')}</Button>
            <LinkButton href={props.back} variant="secondary">
              {t('cms.cancel')}
            </LinkButton>
          </div>
        </Form>
      ) : (
        <fieldset disabled>{body}</fieldset>
      )}
    </>
  );
}
