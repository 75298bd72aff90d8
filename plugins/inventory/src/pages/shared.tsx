import { z } from '@orion/sdk';
import { type Translate, translator } from '@orion/sdk/ui';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { type InventoryKey, messages } from '../locales/index.js';
import { REASONS } from '../stock.js';

export const PAGE_SIZE = 25;
export type T = Translate<InventoryKey>;
export const tr = (c: Context) => translator(c, messages);

/** `/vendor/<code>/inventory`, with the tenant's base path. */
export const root = (c: Context) => `${c.get('tenant')?.base ?? ''}/vendor/${c.get('vendor')?.code}/inventory`;

export const PositiveId = z.coerce.number().int().positive();
/** A query parameter as a positive id, or undefined when absent or not one. */
export const idQuery = (value: string | undefined) => {
  const parsed = PositiveId.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};
/** `?page=` as a page number from 1. */
export const pageQuery = (value: string | undefined) => {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
};

export const reasonLabel = (t: T, reason: string) => t(`inventory.reason.${reason}` as InventoryKey);
export const reasonOptions = (t: T) => REASONS.map((r) => ({ value: r, label: reasonLabel(t, r) }));

export const TH = 'px-3 py-2 text-left font-semibold text-gray-900';
export const TD = 'px-3 py-2 align-top text-gray-800';

/** A page's table: a card, a caption for screen readers, one header cell per column; the rows are the children. */
export function TableFrame(props: { caption: string; columns: string[]; children: Child }) {
  return (
    <div class="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
      <table class="min-w-full divide-y divide-gray-200 text-sm">
        <caption class="sr-only">{props.caption}</caption>
        <thead class="bg-gray-50">
          <tr>
            {props.columns.map((column) => (
              <th scope="col" class={TH}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="divide-y divide-gray-100">{props.children}</tbody>
      </table>
    </div>
  );
}

/** Previous / next links that keep the page's filters; htmx swaps the region `id` alone and pushes the URL. */
export function Pager(props: {
  t: T;
  id: string;
  href: string;
  page: number;
  total: number;
  params: Record<string, string | undefined>;
}) {
  const { t, page, total } = props;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const url = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(props.params)) if (v) q.set(k, v);
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return s ? `${props.href}?${s}` : props.href;
  };
  const link = (p: number) => ({
    href: url(p),
    'hx-get': url(p),
    'hx-target': `#${props.id}`,
    'hx-select': `#${props.id}`,
    'hx-swap': 'outerHTML',
    'hx-push-url': 'true',
    class: 'rounded-md px-2 py-1 hover:bg-gray-100',
  });
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  return (
    <nav aria-label={t('inventory.pages', { first, last, total })} class="flex items-center justify-between text-sm">
      <p>{t('inventory.pages', { first, last, total })}</p>
      <div class="flex gap-2">
        {page > 1 ? <a {...link(page - 1)}>{t('inventory.previous')}</a> : null}
        {page < pages ? <a {...link(page + 1)}>{t('inventory.next')}</a> : null}
      </div>
    </nav>
  );
}
