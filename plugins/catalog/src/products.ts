import type { Knex } from '@orion/sdk';
import { CatalogErrors, invalidField } from './errors.js';
import { checkGtin } from './gtin.js';
import { hydrate, mapUniqueViolation, type ProductRow, refreshSearch, T } from './rows.js';
import type { Product, ProductInput, ProductPatch } from './schemas.js';
import { insertVariant } from './variants.js';

/** What a write needs to know about the shop: the catalog currency of the request's platform. */
export interface WriteContext {
  vendorId: number;
  currency: string;
}

/** A URL slug from a title: `"Blue T-Shirt (XL)"` → `blue-t-shirt-xl`. */
export function slugify(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return s || 'product';
}

function gtinColumns(gtin: string | null | undefined) {
  if (gtin === undefined) return {};
  if (gtin === null) return { gtin: null, gtin_type: null };
  const checked = checkGtin(gtin);
  return checked.ok ? { gtin: checked.gtin, gtin_type: checked.type } : {};
}

function productColumns(input: ProductPatch) {
  const cols: Record<string, unknown> = { ...gtinColumns(input.gtin) };
  if (input.title !== undefined) cols.title = input.title;
  if (input.slug !== undefined) cols.slug = input.slug;
  if (input.description !== undefined) cols.description_md = input.description;
  if (input.status !== undefined) cols.status = input.status;
  if (input.brand !== undefined) cols.brand = input.brand || null;
  if (input.taxRateBp !== undefined) cols.tax_rate_bp = input.taxRateBp;
  if (input.featured !== undefined) cols.featured = input.featured;
  if (input.seoTitle !== undefined) cols.seo_title = input.seoTitle || null;
  if (input.seoDescription !== undefined) cols.seo_description = input.seoDescription || null;
  if (input.attributes !== undefined) cols.attributes = JSON.stringify(input.attributes);
  return cols;
}

/** Replaces a product's categories; every id must be a category of the same vendor. */
async function setCategories(trx: Knex, vendorId: number, productId: number, ids: number[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length) {
    const found = await trx(T.categories).where({ vendor_id: vendorId }).whereIn('id', unique).pluck('id');
    const missing = unique.filter((id) => !found.map(Number).includes(id));
    if (missing.length) throw invalidField('categoryIds', `no category ${missing.join(', ')} in this shop`);
  }
  await trx(T.links).where({ vendor_id: vendorId, product_id: productId }).delete();
  if (unique.length) {
    await trx(T.links).insert(
      unique.map((category_id) => ({ vendor_id: vendorId, product_id: productId, category_id })),
    );
  }
}

export async function findProductRow(trx: Knex, vendorId: number, id: number): Promise<ProductRow> {
  const row = await trx<ProductRow>(T.products).where({ vendor_id: vendorId, id }).whereNull('deleted_at').first();
  if (!row) throw CatalogErrors.NotFound({ what: 'product', id });
  return row;
}

export async function getProduct(trx: Knex, vendorId: number, id: number): Promise<Product> {
  const [product] = await hydrate(trx, vendorId, [await findProductRow(trx, vendorId, id)]);
  return product as Product;
}

/** A free slug for a new product: the one asked for (taken → 409), or one made from the title (`-2`, `-3` …). */
async function pickSlug(trx: Knex, vendorId: number, input: ProductInput): Promise<string> {
  if (input.slug) return input.slug;
  const base = slugify(input.title);
  const taken = new Set(
    await trx(T.products).where({ vendor_id: vendorId }).where('slug', 'like', `${base}%`).pluck('slug'),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

export async function createProduct(trx: Knex, w: WriteContext, input: ProductInput): Promise<Product> {
  const slug = await pickSlug(trx, w.vendorId, input);
  const [row] = await trx(T.products)
    .insert({
      vendor_id: w.vendorId,
      ...productColumns({ ...input, slug }),
      options: JSON.stringify(input.options),
      attributes: JSON.stringify(input.attributes ?? {}),
    })
    .returning('id')
    .catch((err) => mapUniqueViolation(err, { slug }));
  const id = Number((row as { id: number }).id);
  for (const [i, variant] of input.variants.entries()) {
    await insertVariant(trx, w, id, variant, { isDefault: !input.options.length, index: i });
  }
  if (input.categoryIds) await setCategories(trx, w.vendorId, id, input.categoryIds);
  await refreshSearch(trx, w.vendorId, id);
  return getProduct(trx, w.vendorId, id);
}

export async function updateProduct(trx: Knex, vendorId: number, id: number, patch: ProductPatch): Promise<Product> {
  await findProductRow(trx, vendorId, id);
  const cols = productColumns(patch);
  await trx(T.products)
    .where({ vendor_id: vendorId, id })
    .update({ ...cols, updated_at: trx.fn.now() })
    .catch((err) => mapUniqueViolation(err, { slug: patch.slug }));
  if (patch.categoryIds) await setCategories(trx, vendorId, id, patch.categoryIds);
  await refreshSearch(trx, vendorId, id);
  return getProduct(trx, vendorId, id);
}

/** Soft delete: the product disappears from every list and from the shop; its slug and SKUs stay reserved. */
export async function deleteProduct(trx: Knex, vendorId: number, id: number): Promise<ProductRow> {
  const row = await findProductRow(trx, vendorId, id);
  await trx(T.products)
    .where({ vendor_id: vendorId, id })
    .update({ deleted_at: trx.fn.now(), updated_at: trx.fn.now() });
  return row;
}

/** Sets the status of many products at once; returns the ids changed and the ids not found in this shop. */
export async function bulkStatus(
  trx: Knex,
  vendorId: number,
  ids: number[],
  status: Product['status'],
): Promise<{ updated: number[]; notFound: number[] }> {
  const unique = [...new Set(ids)];
  const updated = (
    await trx(T.products)
      .where({ vendor_id: vendorId })
      .whereIn('id', unique)
      .whereNull('deleted_at')
      .update({ status, updated_at: trx.fn.now() })
      .returning('id')
  )
    .map((r: { id: number }) => Number(r.id))
    .sort((a: number, b: number) => a - b);
  return { updated, notFound: unique.filter((id) => !updated.includes(id)) };
}
