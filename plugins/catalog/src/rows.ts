import { type Knex, Money } from '@orion/sdk';
import { CatalogErrors } from './errors.js';
import { imagesOf } from './images/images.js';
import type { Category, Product, Variant } from './schemas.js';

export const T = {
  products: 'catalog__products',
  variants: 'catalog__variants',
  categories: 'catalog__categories',
  links: 'catalog__product_categories',
  /** The products' search documents: a tenant search index (`createTenantSearchIndex`), so searches use its GIN index. */
  search: 'catalog__search',
} as const;

export interface ProductRow {
  id: number;
  vendor_id: number;
  title: string;
  slug: string;
  description_md: string;
  status: Product['status'];
  brand: string | null;
  gtin: string | null;
  gtin_type: string | null;
  tax_rate_bp: number | null;
  featured: boolean;
  seo_title: string | null;
  seo_description: string | null;
  attributes: Record<string, unknown>;
  options: string[];
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

/** Every product column but the search document, which no answer needs. */
export const PRODUCT_COLUMNS = [
  'id',
  'vendor_id',
  'title',
  'slug',
  'description_md',
  'status',
  'brand',
  'gtin',
  'gtin_type',
  'tax_rate_bp',
  'featured',
  'seo_title',
  'seo_description',
  'attributes',
  'options',
  'created_at',
  'updated_at',
  'deleted_at',
] as const;

export interface VariantRow {
  id: number;
  vendor_id: number;
  product_id: number;
  sku: string;
  option_values: Record<string, string>;
  price_minor: number | string;
  currency: string;
  compare_at_minor: number | string | null;
  weight_grams: number | null;
  gtin: string | null;
  gtin_type: string | null;
  is_default: boolean;
  position: number;
}

export interface CategoryRow {
  id: number;
  vendor_id: number;
  parent_id: number | null;
  name: string;
  slug: string;
  position: number;
}

export const toVariant = (r: VariantRow): Variant => ({
  id: Number(r.id),
  productId: Number(r.product_id),
  sku: r.sku,
  optionValues: r.option_values,
  price: Money.of(Number(r.price_minor), r.currency.trim()),
  compareAtPrice: r.compare_at_minor === null ? null : Money.of(Number(r.compare_at_minor), r.currency.trim()),
  weightGrams: r.weight_grams,
  gtin: r.gtin,
  gtinType: r.gtin_type,
  isDefault: r.is_default,
  position: r.position,
});

export const toCategory = (r: CategoryRow): Category => ({
  id: Number(r.id),
  parentId: r.parent_id === null ? null : Number(r.parent_id),
  name: r.name,
  slug: r.slug,
  position: r.position,
});

/** Products with their variants, category ids and images, in the order given. Three queries, whatever the page size. */
export async function hydrate(trx: Knex, vendorId: number, rows: ProductRow[]): Promise<Product[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  // One after the other: a transaction is one connection, and pg refuses overlapping queries on one (pg@9).
  const variants = await trx<VariantRow>(T.variants)
    .where({ vendor_id: vendorId })
    .whereIn('product_id', ids)
    .orderBy(['product_id', 'position', 'id']);
  const links = await trx(T.links).where({ vendor_id: vendorId }).whereIn('product_id', ids).orderBy('category_id');
  const images = await imagesOf(trx, vendorId, ids);
  return rows.map((r) => {
    const own = variants.filter((v) => Number(v.product_id) === Number(r.id)).map(toVariant);
    const cheapest = own.reduce<Variant | undefined>(
      (min, v) => (!min || v.price.amountMinor < min.price.amountMinor ? v : min),
      undefined,
    );
    return {
      id: Number(r.id),
      title: r.title,
      slug: r.slug,
      description: r.description_md,
      status: r.status,
      brand: r.brand,
      gtin: r.gtin,
      gtinType: r.gtin_type,
      taxRateBp: r.tax_rate_bp,
      featured: r.featured,
      seoTitle: r.seo_title,
      seoDescription: r.seo_description,
      attributes: r.attributes,
      options: r.options,
      categoryIds: links
        .filter((l: { product_id: number }) => Number(l.product_id) === Number(r.id))
        .map((l: { category_id: number }) => Number(l.category_id)),
      variants: own,
      images: images.get(Number(r.id)) ?? [],
      priceFrom: cheapest?.price ?? null,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

/** Turns a unique violation on a slug or SKU into a 409 that names the field, and rethrows anything else. */
export function mapUniqueViolation(err: unknown, values: { slug?: string; sku?: string }): never {
  const e = err as { code?: string; constraint?: string };
  if (e.code === '23505' && e.constraint?.endsWith('_vendor_slug')) {
    throw duplicate('slug', values.slug ?? '');
  }
  if (e.code === '23505' && e.constraint?.endsWith('_vendor_sku')) {
    throw duplicate('sku', values.sku ?? '');
  }
  throw err;
}

export function duplicate(field: 'slug' | 'sku', value: string) {
  return CatalogErrors.Taken({ field, value }, { fields: { [field]: 'is already taken in this shop' } });
}

/**
 * The text search configurations of the languages shops sell in here, for stemming (`chemises` finds "Chemise",
 * `Hemden` finds "Hemd"). A catalogue often mixes them (a Luxembourg shop writes titles in French, German or
 * English), so each document carries the stems of all three; Luxembourgish has no configuration and searches with
 * German's. See `searchConfigOf`.
 */
export const STEMMED_CONFIGS = ['english', 'french', 'german'] as const;

/**
 * The search document of the products `p`, as SQL: title (A), brand and SKUs (B), description (C), each as written
 * ('simple': exact words and prefixes, SKUs) and stemmed in every configuration of `STEMMED_CONFIGS`.
 */
export const SEARCH_DOCUMENT_SQL = `
  setweight(to_tsvector('simple', p.title), 'A') ||
  setweight(to_tsvector('simple', coalesce(p.brand, '') || ' ' || coalesce(
    (select string_agg(v.sku, ' ') from ${T.variants} v where v.vendor_id = p.vendor_id and v.product_id = p.id),
    '')), 'B') ||
  setweight(to_tsvector('simple', p.description_md), 'C')
  ${STEMMED_CONFIGS.map(
    (c) => `|| setweight(to_tsvector('${c}', p.title), 'A') || setweight(to_tsvector('${c}', p.description_md), 'C')`,
  ).join('\n  ')}`;

/** Recomputes the search document of one product, or of every product of the vendor (after a bulk import). */
export async function refreshSearch(trx: Knex, vendorId: number, productId?: number): Promise<void> {
  await trx.raw(
    `insert into ${T.search} (vendor_id, doc_id, document)
     select p.vendor_id, p.id, ${SEARCH_DOCUMENT_SQL}
     from ${T.products} p
     where p.vendor_id = ? and (?::bigint is null or p.id = ?)
     on conflict (vendor_id, doc_id) do update set document = excluded.document`,
    [vendorId, productId ?? null, productId ?? null],
  );
}
