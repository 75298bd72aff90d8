import { Badge, Button, can, csrfToken, Form, LinkButton, PageHeader } from '@orion/sdk/ui';
import type { Context } from 'hono';
import type { DefaultEntry } from '../overrides.js';
import type { Page } from '../schemas.js';
import { PagesTable } from './pages-table.js';
import { root, type T, TD } from './shared.js';

/**
 * The shop's pages: its own (custom pages and overrides) and, below, the platform defaults it inherits, each with
 * "Override" (a draft copy to edit) or a link to the shop's own version.
 */
export function ListView(props: { c: Context; t: T; pages: Page[]; defaults: DefaultEntry[]; language: string }) {
  const { c, t } = props;
  const canEdit = can(c.get('principal'), 'cms.edit');
  const defaultSlugs = new Set(props.defaults.map((d) => d.slug));
  return (
    <>
      <PageHeader
        title={t('cms.pages.title')}
        description={t('cms.pages.description')}
        actions={canEdit ? <LinkButton href={`${root(c)}/pages/new`}>{t('cms.pages.new')}</LinkButton> : undefined}
      />
      <PagesTable
        t={t}
        pages={props.pages}
        language={props.language}
        caption={t('cms.pages.caption')}
        empty={t('cms.pages.empty')}
        editRoot={`${root(c)}/pages`}
        path={(p) => `/pages/${p.slug}`}
        note={(p) => (defaultSlugs.has(p.slug) ? <Badge tone="blue">{t('cms.pages.override')}</Badge> : null)}
        canDelete={canEdit}
      />
      <h2 class="mt-8 text-lg font-semibold text-gray-900">{t('cms.defaults.title')}</h2>
      <p class="text-sm text-gray-600">{t('cms.defaults.description')}</p>
      <ul class="mt-3 divide-y divide-gray-100 rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
        {props.defaults.length === 0 ? <li class={TD}>{t('cms.defaults.empty')}</li> : null}
        {props.defaults.map((d) => (
          <li id={`default-${d.slug}`} class="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-sm">
            <span>
              {d.title} <span class="text-gray-600">/pages/{d.slug}</span>{' '}
              <Badge tone="gray">{t('cms.defaults.inherited')}</Badge>
            </span>
            {d.overrideId ? (
              <a class="underline" href={`${root(c)}/pages/${d.overrideId}`}>
                {t('cms.defaults.editOverride')}
              </a>
            ) : canEdit ? (
              <Form action={`${root(c)}/defaults/${d.slug}/override`} csrf={csrfToken(c)}>
                <Button type="submit" variant="secondary">
                  {t('cms.defaults.override')}
                  <span class="sr-only"> {d.slug}</span>
                </Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
