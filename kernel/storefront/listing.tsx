import type { NavItem, ShopFrame } from '../themes/types.js';
import type { ShopCategory } from './data.js';
import type { Seo } from './document.js';
import { Breadcrumbs, Pagination, ProductGrid, pieces } from './pages.js';
import { frameOf, listQuery, page, type ShopRequest, type StorefrontDeps } from './request.js';

const SORTS = [
  ['newest', 'Newest'],
  ['title', 'Name'],
  ['price', 'Price, low to high'],
  ['-price', 'Price, high to low'],
] as const;

/** Filters and sort of a listing: a GET form, so it works without JavaScript. */
function Filters(props: { action: string; sort?: string; min?: string; max?: string; q?: string }) {
  return (
    <form method="get" action={props.action} class="sf-filters mb-6 flex flex-wrap items-end gap-4">
      {props.q ? <input type="hidden" name="q" value={props.q} /> : null}
      <div>
        <label for="sf-sort" class="block text-sm">
          Sort by
        </label>
        <select id="sf-sort" name="sort" class="sf-input">
          {props.q ? <option value="relevance">Best match</option> : null}
          {SORTS.map(([value, label]) => (
            <option value={value} selected={props.sort === value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="sf-min" class="block text-sm">
          Min price
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
          Max price
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
        Apply
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
  const crumbs: NavItem[] = [{ label: 'Home', href: r.href('/') }];
  const parent = categories.find((c) => c.id === category.parentId);
  if (parent) crumbs.push({ label: parent.name, href: r.href(`/categories/${parent.slug}`) });
  crumbs.push({ label: category.name, href: r.href(path) });
  const pages = Math.max(1, Math.ceil(result.total / query.pageSize));
  const children = categories.filter((c) => c.parentId === category.id);
  const seo: Seo = {
    title: `${category.name}${query.page > 1 ? ` (page ${query.page})` : ''} · ${r.vendor.name}`,
    description: `${category.name} at ${r.vendor.name}: ${result.total} products.`,
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
        <ul class="my-4 flex flex-wrap gap-2" aria-label="Subcategories">
          {children.map((c) => (
            <li>
              <a class="sf-chip" href={r.href(`/categories/${c.slug}`)}>
                {c.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <p class="sf-muted my-2">{result.total} products</p>
      <Filters action={r.href(path)} sort={query.sort} min={query.minMajor} max={query.maxMajor} />
      {result.items.length ? (
        <ProductGrid products={result.items} shop={frame} resolved={r.resolved} />
      ) : (
        <p>No products match these filters.</p>
      )}
      <Pagination
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
  const { Heading } = pieces(r.resolved);
  const result = query.q && r.catalog ? await r.catalog.products(r.vendor.id, query) : { items: [], total: 0 };
  const pages = Math.max(1, Math.ceil(result.total / query.pageSize));
  const seo: Seo = {
    title: query.q ? `Search: ${query.q} · ${r.vendor.name}` : `Search · ${r.vendor.name}`,
    canonical: r.abs('/search'),
    noindex: true,
  };
  const body = (
    <div>
      <Heading>{query.q ? `Results for “${query.q}”` : 'Search'}</Heading>
      {query.q && result.total > 0 ? (
        <>
          <p class="sf-muted my-2">{result.total} products found</p>
          <Filters action={r.href('/search')} q={query.q} sort={query.sort} min={query.minMajor} max={query.maxMajor} />
          <ProductGrid products={result.items} shop={frame} resolved={r.resolved} />
          <Pagination
            page={query.page}
            pages={pages}
            link={pageLink(r.href('/search'), { q: query.q, sort: query.sort })}
          />
        </>
      ) : query.q ? (
        <div class="sf-no-results my-6 space-y-2">
          <p>
            <strong>No products match “{query.q}”.</strong>
          </p>
          <ul class="list-disc pl-6">
            <li>Check the spelling, or try fewer or more general words.</li>
            <li>Search for the start of a word: “shi” finds “shirt”.</li>
            {frame.categories.length ? <li>Or browse a category:</li> : null}
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
        <p class="my-4">Type a word in the search box above to find products.</p>
      )}
    </div>
  );
  return page(r, deps, frame, seo, body);
}
