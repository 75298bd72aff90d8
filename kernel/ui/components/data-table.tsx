import type { Child } from 'hono/jsx';
import { Icon } from './icon.js';
import { kitT } from './kit-language.js';

export interface Column<T> {
  key: string;
  label: string;
  /** Offer sorting by this column (the server sorts: the page passes `sort` and `dir` on to its query). */
  sortable?: boolean;
  render: (row: T) => Child;
}

/** What the page's query string asked for: read it with `tableQuery`. */
export interface TableState {
  search: string;
  sort?: string;
  dir: 'asc' | 'desc';
  /** The direction when the query names none (links leave it out). */
  defaultDir?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface DataTableProps<T> {
  /** The id of the table's wrapper: htmx swaps exactly that element. */
  id: string;
  /** Its accessible name (a visually hidden caption). */
  caption: string;
  /** The page's URL, without query: links and the search form point there. */
  href: string;
  columns: Column<T>[];
  rows: T[];
  /** Rows in all pages, for the pager. */
  total: number;
  state: TableState;
  /** Show the search box (the page filters on `q`). */
  searchable?: boolean;
  /** What to show when there is no row. */
  empty?: Child;
  /** Other query parameters of the page (its filters), kept by every link and by the search form. */
  params?: Record<string, string | undefined>;
  /** The language of the pager, search box and empty state; default the page's (`KitLanguage`, set by the shell). */
  lang?: string;
}

/** Reads `q`, `sort`, `dir` and `page` from the query, clamped; `sortable` lists the columns a page can sort by. */
export function tableQuery(
  query: Record<string, string | undefined>,
  options: { sortable: readonly string[]; defaultSort?: string; defaultDir?: 'asc' | 'desc'; pageSize?: number },
): TableState {
  const defaultDir = options.defaultDir ?? 'asc';
  const page = Number.parseInt(query.page ?? '1', 10);
  const sort = query.sort && options.sortable.includes(query.sort) ? query.sort : options.defaultSort;
  return {
    search: (query.q ?? '').trim().slice(0, 100),
    sort,
    dir: query.dir === 'desc' || query.dir === 'asc' ? query.dir : defaultDir,
    defaultDir,
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
    pageSize: options.pageSize ?? 20,
  };
}

export function tableHref(
  href: string,
  state: TableState,
  change: Partial<TableState>,
  extra: Record<string, string | undefined> = {},
): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  if (next.search) params.set('q', next.search);
  if (next.sort) params.set('sort', next.sort);
  if (next.dir !== (next.defaultDir ?? 'asc')) params.set('dir', next.dir);
  if (next.page > 1) params.set('page', String(next.page));
  const qs = params.toString();
  return qs ? `${href}?${qs}` : href;
}

/**
 * A server-sorted, server-paginated table with an optional search box. Every control is a plain link or a GET form,
 * so it works without JavaScript; htmx fetches the same URL, picks this table out of the answer (`hx-select`) and
 * swaps it in place, and pushes the URL so that Back and reload work.
 */
/**
 * The htmx attributes that swap the table `id` in place from a full page answer and push the URL: for the table's
 * own links, and for a filter form above it (`<form method="get" hx-get={href} {...tableSwap('my-table')}>`).
 */
export function tableSwap(id: string) {
  return { 'hx-target': `#${id}`, 'hx-select': `#${id}`, 'hx-swap': 'outerHTML', 'hx-push-url': 'true' };
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { state } = props;
  const t = kitT(props.lang);
  const pages = Math.max(1, Math.ceil(props.total / state.pageSize));
  const swap = tableSwap(props.id);
  const link = (change: Partial<TableState>) => {
    const href = tableHref(props.href, state, change, props.params);
    return { href, 'hx-get': href, ...swap };
  };
  const first = props.total === 0 ? 0 : (state.page - 1) * state.pageSize + 1;
  const last = Math.min(props.total, state.page * state.pageSize);
  return (
    <div id={props.id} class="space-y-3">
      {props.searchable ? (
        <search>
          <form method="get" action={props.href} class="flex max-w-md gap-2" hx-get={props.href} {...swap}>
            <label for={`${props.id}-q`} class="sr-only">
              {t('kit.search')}
            </label>
            <input
              id={`${props.id}-q`}
              type="search"
              name="q"
              value={state.search}
              placeholder={t('kit.searchPlaceholder')}
              class="block w-full rounded-md border-0 px-3 py-2 text-sm text-gray-900 ring-1 ring-gray-300 ring-inset placeholder:text-gray-500"
            />
            {Object.entries(props.params ?? {}).map(([name, value]) =>
              value ? <input type="hidden" name={name} value={value} /> : null,
            )}
            {state.sort ? <input type="hidden" name="sort" value={state.sort} /> : null}
            {state.dir !== (state.defaultDir ?? 'asc') ? <input type="hidden" name="dir" value={state.dir} /> : null}
            <button
              type="submit"
              class="inline-flex items-center gap-1 rounded-md bg-white px-3 py-2 text-sm font-medium text-gray-900 ring-1 ring-gray-300 ring-inset hover:bg-gray-50"
            >
              <Icon name="search" />
              {t('kit.search')}
            </button>
          </form>
        </search>
      ) : null}
      <div class="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
        <table class="min-w-full divide-y divide-gray-200 text-sm">
          <caption class="sr-only">{props.caption}</caption>
          <thead class="bg-gray-50">
            <tr>
              {props.columns.map((col) => {
                const active = state.sort === col.key;
                const sortState = active ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined;
                return (
                  <th scope="col" aria-sort={sortState} class="px-4 py-2 text-left font-semibold text-gray-900">
                    {col.sortable ? (
                      <a
                        class="inline-flex items-center gap-1 hover:underline"
                        {...link({ sort: col.key, dir: active && state.dir === 'asc' ? 'desc' : 'asc', page: 1 })}
                      >
                        {col.label}
                        <Icon name="arrow-up-down" class="size-3 shrink-0" />
                        <span class="sr-only">{t('kit.sort')}</span>
                      </a>
                    ) : (
                      col.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody class="divide-y divide-gray-100">
            {props.rows.length ? (
              props.rows.map((row) => (
                <tr class="hover:bg-gray-50">
                  {props.columns.map((col) => (
                    <td class="px-4 py-2 align-top text-gray-800">{col.render(row)}</td>
                  ))}
                </tr>
              ))
            ) : (
              <tr>
                <td colspan={props.columns.length} class="px-4 py-10 text-center text-gray-600">
                  <Icon name="inbox" class="mx-auto mb-2 size-6" />
                  {props.empty ?? (state.search ? t('kit.noMatch', { search: state.search }) : t('kit.empty'))}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav
        aria-label={t('kit.pages', { caption: props.caption })}
        class="flex items-center justify-between text-sm text-gray-700"
      >
        <p>{t('kit.range', { first, last, total: props.total })}</p>
        <div class="flex gap-2">
          {state.page > 1 ? (
            <a
              class="inline-flex items-center gap-1 rounded-md px-2 py-1 hover:bg-gray-100"
              {...link({ page: state.page - 1 })}
            >
              <Icon name="chevron-left" /> {t('kit.previous')}
            </a>
          ) : null}
          {state.page < pages ? (
            <a
              class="inline-flex items-center gap-1 rounded-md px-2 py-1 hover:bg-gray-100"
              {...link({ page: state.page + 1 })}
            >
              {t('kit.next')} <Icon name="chevron-right" />
            </a>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
