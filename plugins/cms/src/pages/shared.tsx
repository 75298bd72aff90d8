import { z } from '@orion/sdk';
import { type FieldErrors, type Translate, translator } from '@orion/sdk/ui';
import type { Context } from 'hono';
import { type CmsKey, messages } from '../locales/index.js';
import { renderMarkdown } from '../markdown.js';
import { type Page, PageInput } from '../schemas.js';

export type T = Translate<CmsKey>;
export const tr = (c: Context) => translator(c, messages);

/** `/vendor/<code>/cms`, with the tenant's base path. */
export const root = (c: Context) => `${c.get('tenant')?.base ?? ''}/vendor/${c.get('vendor')?.code}/cms`;

export const PositiveId = z.coerce.number().int().positive();

export const TH = 'px-3 py-2 text-left font-semibold text-gray-900';
export const TD = 'px-3 py-2 align-top text-gray-800';
export const INPUT =
  'block w-full rounded-md border-0 px-3 py-1.5 text-sm text-gray-900 ring-1 ring-gray-300 ring-inset ' +
  'aria-[invalid=true]:ring-red-600';

export type Values = Record<string, string | string[]>;

/** The editor's fields, per language suffixed `.<lang>` (`title.en`, `content.fr`…). */
export const field = (name: 'title' | 'content' | 'seoTitle' | 'seoDescription', language: string) =>
  `${name}.${language}`;

/** A saved page as the editor's form values. */
export function pageValues(page: Page): Values {
  const values: Values = {
    slug: page.slug,
    status: page.status,
    navOrder: String(page.navOrder),
  };
  if (page.showInHeader) values.showInHeader = 'on';
  if (page.showInFooter) values.showInFooter = 'on';
  for (const t of page.translations) {
    values[field('title', t.language)] = t.title;
    values[field('content', t.language)] = t.content;
    values[field('seoTitle', t.language)] = t.seoTitle ?? '';
    values[field('seoDescription', t.language)] = t.seoDescription ?? '';
  }
  return values;
}

const str = (values: Values, name: string) => {
  const v = values[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

/** Messages per field, in the page's language: the schema's own messages are for API clients. */
function messageFor(t: T, name: string): string {
  const [base] = name.split('.');
  switch (base) {
    case 'slug':
      return t('cms.error.slug');
    case 'title':
      return t('cms.error.title');
    case 'content':
      return t('cms.error.content');
    case 'seoTitle':
    case 'seoDescription':
      return t('cms.error.seo');
    case 'navOrder':
      return t('cms.error.navOrder');
    default:
      return t('cms.error.translations');
  }
}

/**
 * The posted editor form as the API's `PageInput`, validated by the same schema. A language counts when its title
 * or its content is filled in. Errors are named by form field.
 */
export function parsePageForm(
  t: T,
  values: Values,
  languages: string[],
): { ok: true; input: PageInput } | { ok: false; errors: FieldErrors } {
  const used = languages.filter(
    (l) => str(values, field('title', l)).trim() || str(values, field('content', l)).trim(),
  );
  const navOrder = str(values, 'navOrder').trim();
  const candidate = {
    slug: str(values, 'slug').trim(),
    status: str(values, 'status') === 'published' ? 'published' : 'draft',
    showInHeader: Boolean(str(values, 'showInHeader')),
    showInFooter: Boolean(str(values, 'showInFooter')),
    navOrder: navOrder === '' ? 0 : /^\d+$/.test(navOrder) ? Number(navOrder) : Number.NaN,
    translations: used.map((language) => ({
      language,
      title: str(values, field('title', language)),
      content: str(values, field('content', language)),
      seoTitle: str(values, field('seoTitle', language)),
      seoDescription: str(values, field('seoDescription', language)),
    })),
  };
  const parsed = PageInput.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const [first, index, key] = issue.path;
    let name = String(first ?? 'translations');
    if (first === 'translations' && typeof index === 'number' && typeof key === 'string') {
      name = `${key}.${used[index]}`;
    }
    if (name === 'translations') name = field('title', languages[0] ?? 'en');
    errors[name] ??= messageFor(t, name);
  }
  return { ok: false, errors };
}

/** A labelled textarea in the kit's style, with its error. */
export function TextArea(props: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  rows?: number;
  hint?: string;
}) {
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div>
      <label for={id} class="block text-sm font-medium text-gray-900">
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${id}-hint`} class="mt-1 text-sm text-gray-600">
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 10}
        class={`mt-1 font-mono ${INPUT}`}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        {props.value ?? ''}
      </textarea>
      {props.error ? (
        <p id={`${id}-error`} class="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** "Preview" was pressed for a language: the body rendered and sanitised exactly as the storefront will. */
export function previewOf(values: Values, languages: string[]): { language: string; html: string } | undefined {
  const language = str(values, 'preview');
  if (!languages.includes(language)) return undefined;
  return { language, html: renderMarkdown(str(values, field('content', language))) };
}
