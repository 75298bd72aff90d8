import type { KernelKey } from '../i18n/locales/index.js';
import type { Translate } from '../i18n/messages.js';
import { kernelT } from '../i18n/request.js';
import type { NavItem, ShopFrame } from '../themes/types.js';
import type { ShopCategory } from './data.js';
import type { Seo } from './document.js';
import { Breadcrumbs, Pagination, ProductGrid, pieces } from './pages.js';
import { frameOf, listQuery, page, type ShopRequest, type StorefrontDeps } from './request.js';

const SORTS = [
  ['newest', 'shop.sort.newest'],
  ['title', 'shop.sort.title'],
  ['price', 'shop.sort.priceUp'],
  ['-price', 'shop.sort.priceDown'],
] as const;

type T = Translate<KernelKey>;

/** Filters and sort of a listing: a GET form, so it works without JavaScript. */
function Filters(props: { action: string; sort?: string; min?: string; max?: string; q?: string; t: T }) {
  const { t } = props;
  return (
    <form method="get" action={props.action} class="sf-filters mb-6 flex flex-wrap items-end gap-4">
      {props.q ? <input type="hidden" name="q" value={props.q} /> : null}
      <div>
        <label for="sf-sort" class="block text-sm">
          {t('shop.sort.label')}
        </label>
        <select id="sf-sort" name="sort" class="sf-input">
          {props.q ? <option value="relevance">{t('shop.sort.relevance')}</option> : null}
          {SORTS.map(([value, label]) => (
            <option value={value} selected={props.sort === value}>
              {t(label)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="sf-min" class="block text-sm">
          {t('shop.filter.min')}
        </label>
        <input
          id="sf-min"
          name="min"
          type="number"
          min="0"
          inputmode="numeric"
          value={props.min ?? ''}
          class="sf-input w-24"
        />
      </div>
      <div>
        <label for="sf-max" class="block text-sm">
          {t('shop.filter.max')}
        </label>
        <input
          id="sf-max"
          name="max"
          type="number"
          min="0"
          inputmode="numeric"
          value={props.max ?? ''}
          class="sf-input w-24"
        />
      </div>
      <button type="submit" class="sf-button-secondary">
        {t('shop.filter.apply')}
      </button>
    </form>
  );
}

function pageLink(base: string, params: Record<string, string | undefined>) {
  return (n: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set('page', String(n));
    return `${base}?${q}`;
  };
}

export async function CategoryPage(
  r: ShopRequest,
  deps: StorefrontDeps,
  categories: ShopCategory[],
  category: ShopCategory,
) {
  const catalog = r.catalog;
  if (!catalog) return r.c.notFound();
  const probe = await catalog.products(r.vendor.id, { page: 1, pageSize: 1 });
  const query = listQuery(r.c, probe.items[0]?.priceFrom?.currency);
  const [frame, result] = await Promise.all([
    frameOf(r, categories),
    catalog.products(r.vendor.id, { ...query, category: category.id }),
  ]);
  const { Heading } = pieces(r.resolved);
  const path = `/categories/${category.slug}`;
  const t = kernelT(r.c);
  const crumbs: NavItem[] = [{ label: t('shop.home'), href: r.href('/') }];
  const parent = categories.find((c) => c.id === category.parentId);
  if (parent) crumbs.push({ label: parent.name, href: r.href(`/categories/${parent.slug}`) });
  crumbs.push({ label: category.name, href: r.href(path) });
  const pages = Math.max(1, Math.ceil(result.total / query.pageSize));
  const children = categories.filter((c) => c.parentId === category.id);
  const seo: Seo = {
    title: `${category.name}${query.page > 1 ? ` (${t('shop.pageN', { page: query.page })})` : ''} · ${r.vendor.name}`,
    description: t('shop.category.description', { name: category.name, shop: r.vendor.name, count: result.total }),
    canonical: r.abs(path) + (query.page > 1 ? `?page=${query.page}` : ''),
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'BreadcrumbList',
        itemListElement: crumbs.map((c, i) => ({
          '@type': 'ListItem',
          position: i + 1,
          name: c.label,
          item: r.origin + c.href,
        })),
      },
    ],
  };
  const body = (
    <div>
      <Breadcrumbs items={crumbs} />
      <Heading>{category.name}</Heading>
      {children.length ? (
        <ul class="my-4 flex flex-wrap gap-2" aria-label={t('shop.subcategories')}>
          {children.map((c) => (
            <li>
              <a class="sf-chip" href={r.href(`/categories/${c.slug}`)}>
                {c.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <p class="sf-muted my-2">{t('shop.count', { count: result.total })}</p>
      <Filters action={r.href(path)} sort={query.sort} min={query.minMajor} max={query.maxMajor} t={t} />
      {result.items.length ? (
        <ProductGrid products={result.items} shop={frame} resolved={r.resolved} />
      ) : (
        <p>{t('shop.noMatch')}</p>
      )}
      <Pagination
        t={t}
        page={query.page}
        pages={pages}
        link={pageLink(r.href(path), { sort: query.sort, min: query.minMajor, max: query.maxMajor })}
      />
    </div>
  );
  return page(r, deps, frame, seo, body);
}

export async function SearchPage(r: ShopRequest, deps: StorefrontDeps, frame: ShopFrame) {
  const query = listQuery(r.c, undefined);
  const t = kernelT(r.c);
  const { Heading } = pieces(r.resolved);
  const result =
    query.q && r.catalog
      ? await r.catalog.products(r.vendor.id, query, { language: r.language, platformId: r.audience.platformId })
      : { items: [], total: 0 };
  const pages = Math.max(1, Math.ceil(result.total / query.pageSize));
  const seo: Seo = {
    title: `${query.q ? t('shop.search.titleFor', { q: query.q }) : t('shop.search')} · ${r.vendor.name}`,
    canonical: r.abs('/search'),
    noindex: true,
  };
  const body = (
    <div>
      <Heading>{query.q ? t('shop.search.results', { q: query.q }) : t('shop.search')}</Heading>
      {query.q && result.total > 0 ? (
        <>
          <p class="sf-muted my-2">{t('shop.search.found', { count: result.total })}</p>
          <Filters
            action={r.href('/search')}
            q={query.q}
            sort={query.sort}
            min={query.minMajor}
            max={query.maxMajor}
            t={t}
          />
          <ProductGrid products={result.items} shop={frame} resolved={r.resolved} />
          <Pagination
            t={t}
            page={query.page}
            pages={pages}
            link={pageLink(r.href('/search'), { q: query.q, sort: query.sort })}
          />
        </>
      ) : query.q ? (
        <div class="sf-no-results my-6 space-y-2">
          <p>
            <strong>{t('shop.search.none', { q: query.q })}</strong>
          </p>
          <ul class="list-disc pl-6">
            <li>{t('shop.search.tipSpelling')}</li>
            <li>{t('shop.search.tipPrefix')}</li>
            {frame.categories.length ? <li>{t('shop.search.tipBrowse')}</li> : null}
          </ul>
          <ul class="flex flex-wrap gap-2">
            {frame.categories.map((c) => (
              <li>
                <a class="sf-chip" href={c.href}>
                  {c.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p class="my-4">{t('shop.search.empty')}</p>
      )}
    </div>
  );
  return page(r, deps, frame, seo, body);
}
