import type { Knex } from '@orion/sdk';
import { CatalogErrors, invalidField } from './errors.js';
import { checkGtin } from './gtin.js';
import { mapUniqueViolation, type ProductRow, refreshSearch, T, toVariant, type VariantRow } from './rows.js';
import type { Variant, VariantInput, VariantPatch } from './schemas.js';

interface WriteContext {
  vendorId: number;
  currency: string;
}

function checkPrices(w: WriteContext, v: VariantPatch, field = ''): void {
  for (const key of ['price', 'compareAtPrice'] as const) {
    const m = v[key];
    if (m && m.currency !== w.currency) {
      throw invalidField(`${field}${key}.currency`, `must be ${w.currency}, the catalog currency`);
    }
  }
  if (v.price && v.compareAtPrice && v.compareAtPrice.amountMinor <= v.price.amountMinor) {
    throw invalidField(`${field}compareAtPrice`, 'must be higher than the price');
  }
}

function variantColumns(v: VariantPatch) {
  const cols: Record<string, unknown> = {};
  if (v.sku !== undefined) cols.sku = v.sku;
  if (v.optionValues !== undefined) cols.option_values = JSON.stringify(v.optionValues);
  if (v.price !== undefined) {
    cols.price_minor = v.price.amountMinor;
    cols.currency = v.price.currency;
  }
  if (v.compareAtPrice !== undefined) cols.compare_at_minor = v.compareAtPrice?.amountMinor ?? null;
  if (v.weightGrams !== undefined) cols.weight_grams = v.weightGrams;
  if (v.position !== undefined) cols.position = v.position;
  if (v.gtin !== undefined) {
    const checked = v.gtin === null ? null : checkGtin(v.gtin);
    cols.gtin = checked?.ok ? checked.gtin : null;
    cols.gtin_type = checked?.ok ? checked.type : null;
  }
  return cols;
}

/** Checks that option values name exactly the product's options. */
function checkOptions(product: Pick<ProductRow, 'options'>, values: Record<string, string>, field: string): void {
  const want = [...product.options].sort().join('|');
  if (Object.keys(values).sort().join('|') !== want) {
    throw invalidField(
      field,
      product.options.length ? `must give a value for each option: ${product.options.join(', ')}` : 'must be empty',
    );
  }
}

export async function insertVariant(
  trx: Knex,
  w: WriteContext,
  productId: number,
  v: VariantInput,
  opts: { isDefault: boolean; index?: number },
): Promise<Variant> {
  checkPrices(w, v, opts.index === undefined ? '' : `variants.${opts.index}.`);
  const [row] = await trx<VariantRow>(T.variants)
    .insert({
      vendor_id: w.vendorId,
      product_id: productId,
      is_default: opts.isDefault,
      position: v.position ?? opts.index ?? 0,
      ...variantColumns(v),
    })
    .returning('*')
    .catch((err) => mapUniqueViolation(err, { sku: v.sku }));
  return toVariant(row as VariantRow);
}

async function findVariantRow(trx: Knex, vendorId: number, id: number): Promise<VariantRow> {
  const row = await trx<VariantRow>(`${T.variants} as v`)
    .join(`${T.products} as p`, function () {
      this.on('p.id', 'v.product_id').andOn('p.vendor_id', 'v.vendor_id');
    })
    .where({ 'v.vendor_id': vendorId, 'v.id': id })
    .whereNull('p.deleted_at')
    .first('v.*');
  if (!row) throw CatalogErrors.NotFound({ what: 'variant', id });
  return row;
}

export async function getVariant(trx: Knex, vendorId: number, id: number): Promise<Variant> {
  return toVariant(await findVariantRow(trx, vendorId, id));
}

/** A new variant of a product with options; a product without options keeps its one default variant. */
export async function addVariant(trx: Knex, w: WriteContext, product: ProductRow, v: VariantInput): Promise<Variant> {
  if (!product.options.length) {
    throw invalidField('optionValues', 'this product has no options, so it has exactly one (default) variant');
  }
  checkOptions(product, v.optionValues, 'optionValues');
  const variant = await insertVariant(trx, w, Number(product.id), v, { isDefault: false });
  await refreshSearch(trx, w.vendorId, Number(product.id));
  return variant;
}

export async function updateVariant(trx: Knex, w: WriteContext, id: number, patch: VariantPatch): Promise<Variant> {
  const current = await findVariantRow(trx, w.vendorId, id);
  const product = await trx<ProductRow>(T.products).where({ vendor_id: w.vendorId, id: current.product_id }).first();
  if (patch.optionValues) checkOptions(product as ProductRow, patch.optionValues, 'optionValues');
  const merged = { ...toVariant(current), ...patch };
  checkPrices(w, { price: merged.price, compareAtPrice: merged.compareAtPrice });
  const [row] = await trx(T.variants)
    .where({ vendor_id: w.vendorId, id })
    .update({ ...variantColumns(patch), updated_at: trx.fn.now() })
    .returning('*')
    .catch((err) => mapUniqueViolation(err, { sku: patch.sku }));
  await refreshSearch(trx, w.vendorId, Number(current.product_id));
  return toVariant(row as VariantRow);
}

export async function deleteVariant(trx: Knex, vendorId: number, id: number): Promise<Variant> {
  const current = await findVariantRow(trx, vendorId, id);
  const siblings = await trx(T.variants).where({ vendor_id: vendorId, product_id: current.product_id }).count('* as n');
  if (Number(siblings[0]?.n) <= 1) throw CatalogErrors.LastVariant({ productId: Number(current.product_id) });
  await trx(T.variants).where({ vendor_id: vendorId, id }).delete();
  await refreshSearch(trx, vendorId, Number(current.product_id));
  return toVariant(current);
}
