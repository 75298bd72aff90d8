import { Badge, Button, can, csrfToken, Form, LinkButton, PageHeader } from '@orion/sdk/ui';
import type { Context } from 'hono';
import type { DefaultEntry } from '../overrides.js';
import type { Page } from '../schemas.js';
import { root, type T, TD, TH } from './shared.js';

const titleOf = (page: Page, language: string) =>
  (page.translations.find((t) => t.language === language) ?? page.translations[0])?.title ?? page.slug;

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
      <div class="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
        <table class="min-w-full divide-y divide-gray-200 text-sm">
          <caption class="sr-only">{t('cms.pages.caption')}</caption>
          <thead class="bg-gray-50">
            <tr>
              <th scope="col" class={TH}>
                {t('cms.col.title')}
              </th>
              <th scope="col" class={TH}>
                {t('cms.col.slug')}
              </th>
              <th scope="col" class={TH}>
                {t('cms.col.status')}
              </th>
              <th scope="col" class={TH}>
                {t('cms.col.actions')}
              </th>
            </tr>
          </thead>
          <tbody class="divide-y divide-gray-100">
            {props.pages.length === 0 ? (
              <tr>
                <td class={TD} colspan={4}>
                  {t('cms.pages.empty')}
                </td>
              </tr>
            ) : null}
            {props.pages.map((p) => (
              <tr id={`page-${p.id}`}>
                <td class={TD}>
                  <a class="underline" href={`${root(c)}/pages/${p.id}`}>
                    {titleOf(p, props.language)}
                  </a>{' '}
                  {defaultSlugs.has(p.slug) ? <Badge tone="blue">{t('cms.pages.override')}</Badge> : null}
                </td>
                <td class={TD}>/pages/{p.slug}</td>
                <td class={TD}>
                  <Badge tone={p.status === 'published' ? 'green' : 'gray'}>{t(`cms.status.${p.status}`)}</Badge>
                </td>
                <td class={TD}>
                  {canEdit ? (
                    <a class="underline" href={`${root(c)}/pages/${p.id}/delete`}>
                      {t('cms.delete')}
                      <span class="sr-only"> {p.slug}</span>
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
