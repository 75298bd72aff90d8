import { z } from '@orion/sdk';
import { checkGtin } from '../gtin.js';
import { type ProductPatch, SLUG, StatusSchema } from '../schemas.js';
import { parseAmount, type T } from './shared.js';

const text = (max: number, t: T) => z.string().trim().max(max, t('catalog.error.tooLong', { max }));
const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));

/** The editor's fields, with messages in the request's language. Turns the posted strings into a product patch. */
export function productForm(t: T) {
  return z
    .object({
      title: z
        .string()
        .trim()
        .min(1, t('catalog.error.titleRequired'))
        .max(200, t('catalog.error.tooLong', { max: 200 })),
      slug: z
        .string()
        .trim()
        .max(120, t('catalog.error.tooLong', { max: 120 }))
        .refine((s) => !s || SLUG.test(s), t('catalog.error.slug'))
        .default(''),
      description: z
        .string()
        .max(50_000, t('catalog.error.tooLong', { max: 50_000 }))
        .refine(
          (s) => !/<\s*\/?\s*(script|iframe|object|embed|style)\b|javascript:/i.test(s),
          t('catalog.error.unsafe'),
        )
        .default(''),
      status: StatusSchema.default('draft'),
      brand: text(120, t).default(''),
      gtin: z
        .string()
        .trim()
        .refine((s) => !s || checkGtin(s).ok, t('catalog.error.gtin'))
        .default(''),
      taxRate: z
        .string()
        .trim()
        .refine(
          (s) => !s || (/^\d{1,3}([.,]\d{1,2})?$/.test(s) && Number(s.replace(',', '.')) <= 100),
          t('catalog.error.taxRate'),
        )
        .default(''),
      featured: z.string().optional(),
      seoTitle: text(70, t).default(''),
      seoDescription: text(320, t).default(''),
      categoryIds: list,
    })
    .transform(
      (f): ProductPatch => ({
        title: f.title,
        ...(f.slug ? { slug: f.slug } : {}),
        description: f.description,
        status: f.status,
        brand: f.brand || null,
        gtin: f.gtin ? (checkGtin(f.gtin) as { gtin: string }).gtin : null,
        taxRateBp: f.taxRate ? Math.round(Number(f.taxRate.replace(',', '.')) * 100) : null,
        featured: f.featured === 'on',
        seoTitle: f.seoTitle || null,
        seoDescription: f.seoDescription || null,
        categoryIds: f.categoryIds.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0),
      }),
    );
}

/** A variant's fields: SKU, prices as decimals in the catalog currency, weight, GTIN, and one value per option. */
export function variantForm(t: T, currency: string, options: string[]) {
  const amount = (required: boolean) =>
    z
      .string()
      .trim()
      .default('')
      .refine((s) => (s ? parseAmount(s, currency) !== undefined : !required), t('catalog.error.amount', { currency }))
      .transform((s) => (s ? (parseAmount(s, currency) as number) : null));
  return z
    .object({
      sku: z
        .string()
        .trim()
        .min(1, t('catalog.error.skuRequired'))
        .max(64, t('catalog.error.tooLong', { max: 64 })),
      price: amount(true),
      compareAtPrice: amount(false),
      weightGrams: z
        .string()
        .trim()
        .default('')
        .refine((s) => !s || /^\d{1,8}$/.test(s), t('catalog.error.weight')),
      gtin: z
        .string()
        .trim()
        .default('')
        .refine((s) => !s || checkGtin(s).ok, t('catalog.error.gtin')),
      ...Object.fromEntries(
        options.map((o, i) => [
          `option${i}`,
          z
            .string()
            .trim()
            .min(1, t('catalog.error.optionValue', { option: o }))
            .max(60),
        ]),
      ),
    })
    .transform((f) => {
      const values = f as unknown as Record<string, string>;
      return {
        sku: f.sku,
        price: { amountMinor: f.price as number, currency },
        compareAtPrice: f.compareAtPrice === null ? null : { amountMinor: f.compareAtPrice, currency },
        weightGrams: f.weightGrams ? Number(f.weightGrams) : null,
        gtin: f.gtin ? (checkGtin(f.gtin) as { gtin: string }).gtin : null,
        optionValues: Object.fromEntries(options.map((o, i) => [o, values[`option${i}`] as string])),
      };
    });
}

/** Option names of a new product: "Size, Colour" → ["Size", "Colour"]. */
export const optionNames = (t: T) =>
  z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((a) => a.length <= 3 && new Set(a).size === a.length, t('catalog.error.options'));
