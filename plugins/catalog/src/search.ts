import { type Knex, tenantSearch } from '@orion/sdk';
import { categoryWithDescendants } from './categories.js';
import { hydrate, PRODUCT_COLUMNS, type ProductRow, type STEMMED_CONFIGS, T } from './rows.js';
import type { ListQuery, Product } from './schemas.js';

/**
 * A prefix query for PostgreSQL full-text search: every word of the input must match the start of a word of the
 * product (`blue shi` finds "Blue shirt"). Words are letters and digits only, so the input can never break the
 * tsquery syntax. Returns undefined when nothing searchable is left.
 */
export function toTsQuery(q: string | undefined): string | undefined {
  const words = (q ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length
    ? words
        .slice(0, 10)
        .map((w) => `${w}:*`)
        .join(' & ')
    : undefined;
}

/** `shop` lists only active products; the vendor sees every status unless it filters. */
export interface ListScope {
  vendorId: number;
  shop: boolean;
  /** The reader's language (`en`, `fr`, `de`, `lb`): its words are also matched by their stems. */
  language?: string;
}

const CONFIG_OF: Record<string, (typeof STEMMED_CONFIGS)[number]> = {
  en: 'english',
  fr: 'french',
  de: 'german',
  lb: 'german',
};

/** The stemming configuration for a reader's language (English when unknown). */
export const searchConfigOf = (language: string | undefined) => CONFIG_OF[language ?? ''] ?? 'english';

/**
 * The filtered, sorted query of a vendor's products (ids only, not paged): full-text search (ranked title A, brand
 * and SKUs B, description C), filters (category with its subcategories, status, featured, price range in minor
 * units over any variant) and sort. The in-stock filter is not here: stock belongs to inventory (see stock-filter.ts).
 */
export async function filteredQuery(trx: Knex, scope: ListScope, query: Omit<ListQuery, 'page' | 'pageSize'>) {
  const { vendorId } = scope;
  const tsquery = toTsQuery(query.q);
  const minPrice = `(select min(v.price_minor) from ${T.variants} v where v.vendor_id = p.vendor_id and v.product_id = p.id)`;
  const q = trx(`${T.products} as p`).where('p.vendor_id', vendorId).whereNull('p.deleted_at');

  if (scope.shop) q.where('p.status', 'active');
  else if (query.status) q.where('p.status', query.status);
  if (query.featured) q.where('p.featured', query.featured === 'true');
  if (tsquery) {
    // The matches (ids and rank, from the search index's GIN index) once, used twice: their ids pick the products
    // by key, and the join brings the rank. With the join alone the planner hashed every product of the vendor.
    // Every word as a prefix of a written word, or else every word's stem in the reader's language.
    const words = trx.raw("to_tsquery('simple', ?) || plainto_tsquery(?::regconfig, ?)", [
      tsquery,
      searchConfigOf(scope.language),
      query.q ?? '',
    ]);
    const matches = tenantSearch(trx, T.search, vendorId, words);
    q.with('s', trx.raw('select doc_id, rank from ?', [matches]))
      .join('s', 's.doc_id', 'p.id')
      .whereRaw('p.id = any(array(select doc_id from s))');
  }
  if (query.category) {
    const ids = await categoryWithDescendants(trx, vendorId, query.category);
    q.whereExists(
      trx(T.links)
        .select(trx.raw('1'))
        .whereRaw('vendor_id = p.vendor_id and product_id = p.id')
        .whereIn('category_id', ids.length ? ids : [0]),
    );
  }
  if (query.minPrice !== undefined || query.maxPrice !== undefined) {
    const v = trx(`${T.variants} as v`)
      .select(trx.raw('1'))
      .whereRaw('v.vendor_id = p.vendor_id and v.product_id = p.id');
    if (query.minPrice !== undefined) v.where('v.price_minor', '>=', query.minPrice);
    if (query.maxPrice !== undefined) v.where('v.price_minor', '<=', query.maxPrice);
    q.whereExists(v);
  }

  const sort = query.sort ?? (tsquery ? 'relevance' : 'newest');
  if (sort === 'relevance' && tsquery) q.orderBy('s.rank', 'desc');
  else if (sort === 'title') q.orderBy('p.title');
  else if (sort === 'price') q.orderByRaw(`${minPrice} asc nulls last`);
  else if (sort === '-price') q.orderByRaw(`${minPrice} desc nulls last`);
  else if (sort === 'updated') q.orderBy('p.updated_at', 'desc');
  else q.orderBy('p.created_at', 'desc');
  q.orderBy('p.id', 'desc');
  // Wrapped: a query builder is thenable, so returning it bare from an async function would run it.
  return { q };
}

/** Full products for ids, in the order given. */
export async function productsByIds(trx: Knex, vendorId: number, ids: number[]): Promise<Product[]> {
  const rows = ids.length
    ? ((await trx(T.products)
        .where({ vendor_id: vendorId })
        .whereIn('id', ids)
        .select([...PRODUCT_COLUMNS])) as ProductRow[])
    : [];
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return hydrate(
    trx,
    vendorId,
    ids.map((id) => byId.get(id)).filter((r): r is ProductRow => !!r),
  );
}

/** One page of a vendor's products: `filteredQuery`, paged. */
export async function listProducts(
  trx: Knex,
  scope: ListScope,
  query: ListQuery,
): Promise<{ items: Product[]; total: number }> {
  const { q } = await filteredQuery(trx, scope, query);
  // Page over narrow rows (id and the total), then read the full rows of that page only: the window and the sort
  // then handle a few bytes per match instead of whole products.
  const page = (await q
    .select('p.id', trx.raw('count(*) over () as total'))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)) as { id: number; total: string | number }[];
  const total = page.length
    ? Number(page[0]?.total)
    : query.page > 1
      ? Number((await q.clone().clearSelect().clearOrder().count('* as n').limit(1).offset(0))[0]?.n ?? 0)
      : 0;
  return {
    items: await productsByIds(
      trx,
      scope.vendorId,
      page.map((r) => Number(r.id)),
    ),
    total,
  };
}

/** An active product of the shop by its slug. */
export async function findActiveBySlug(trx: Knex, vendorId: number, slug: string): Promise<Product | undefined> {
  const row = await trx<ProductRow>(T.products)
    .where({ vendor_id: vendorId, slug, status: 'active' })
    .whereNull('deleted_at')
    .first();
  return row ? (await hydrate(trx, vendorId, [row]))[0] : undefined;
}
