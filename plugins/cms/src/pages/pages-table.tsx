import { Badge } from '@orion/sdk/ui';
import type { Child } from 'hono/jsx';
import type { Page } from '../schemas.js';
import { type T, TD, TH } from './shared.js';

/** A page's title in `language`, else its first translation's, else its slug. */
export const titleOf = (page: Page, language: string) =>
  (page.translations.find((t) => t.language === language) ?? page.translations[0])?.title ?? page.slug;

/**
 * A table of pages (title linking to the editor, path, status, delete), shared by the shop's list and the admin
 * console's two tiers.
 */
export function PagesTable(props: {
  t: T;
  pages: Page[];
  language: string;
  caption: string;
  empty: string;
  id?: string;
  /** Where a page's editor is: `<editRoot>/<id>`; its delete question is at `<editRoot>/<id>/delete`. */
  editRoot: string;
  path: (page: Page) => string;
  /** Shown after the title (the shop's "override" badge). */
  note?: (page: Page) => Child;
  canDelete: boolean;
}) {
  const { t } = props;
  return (
    <div class="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
      <table id={props.id} class="min-w-full divide-y divide-gray-200 text-sm">
        <caption class="sr-only">{props.caption}</caption>
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
                {props.empty}
              </td>
            </tr>
          ) : null}
          {props.pages.map((p) => (
            <tr id={`page-${p.id}`}>
              <td class={TD}>
                <a class="underline" href={`${props.editRoot}/${p.id}`}>
                  {titleOf(p, props.language)}
                </a>
                {props.note ? <> {props.note(p)}</> : null}
              </td>
              <td class={TD}>{props.path(p)}</td>
              <td class={TD}>
                <Badge tone={p.status === 'published' ? 'green' : 'gray'}>{t(`cms.status.${p.status}`)}</Badge>
              </td>
              <td class={TD}>
                {props.canDelete ? (
                  <a class="underline" href={`${props.editRoot}/${p.id}/delete`}>
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
  );
}
