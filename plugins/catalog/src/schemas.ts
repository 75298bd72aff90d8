import { MoneySchema, NonNegativeMoneySchema, z } from '@orion/sdk';
import { checkGtin } from './gtin.js';
import { ProductImage } from './images/images.js';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().max(120, 'must be at most 120 characters').regex(SLUG, 'must be lower-case words joined by -');
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable();

/** A GTIN with a valid check digit; the digits are kept without spaces or hyphens. */
export const GtinSchema = z.string().transform((value, ctx) => {
  const result = checkGtin(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }
  return result.gtin;
});

/** Markdown stored as written; shops render it sanitised. Raw HTML that runs code is refused at the door. */
const DANGEROUS = /<\s*\/?\s*(script|iframe|object|embed|style)\b|javascript:/i;
export const DescriptionSchema = z
  .string()
  .max(50_000, 'must be at most 50,000 characters')
  .refine(
    (s) => !DANGEROUS.test(s),
    'must not contain script, iframe, object, embed or style tags, or javascript: links',
  );

export const StatusSchema = z.enum(['draft', 'active', 'archived']);
const OptionNames = z
  .array(z.string().trim().min(1, 'must not be empty').max(40))
  .max(3, 'at most 3 options (such as size, colour, material)')
  .refine((a) => new Set(a).size === a.length, 'must not repeat an option');

export const VariantInput = z.object({
  sku: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
  optionValues: z.record(z.string(), z.string().trim().min(1).max(60)).default({}),
  price: NonNegativeMoneySchema,
  compareAtPrice: NonNegativeMoneySchema.nullable().optional(),
  weightGrams: z.number().int().min(0).max(10_000_000).nullable().optional(),
  gtin: GtinSchema.nullable().optional(),
  position: z.number().int().min(0).optional(),
});
export type VariantInput = z.infer<typeof VariantInput>;
export const VariantPatch = VariantInput.partial();
export type VariantPatch = z.infer<typeof VariantPatch>;

const productFields = {
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  slug: slug.optional(),
  description: DescriptionSchema.optional(),
  status: StatusSchema.optional(),
  brand: optionalText(120).optional(),
  gtin: GtinSchema.nullable().optional(),
  taxRateBp: z.number().int().min(0).max(10_000, 'must be at most 10000 (100%)').nullable().optional(),
  featured: z.boolean().optional(),
  seoTitle: optionalText(70).optional(),
  seoDescription: optionalText(320).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  categoryIds: z.array(z.number().int().positive()).max(50).optional(),
};

export const ProductInput = z
  .object({
    ...productFields,
    options: OptionNames.default([]),
    variants: z.array(VariantInput).min(1, 'a product needs at least one variant').max(100),
  })
  .superRefine((p, ctx) => {
    if (!p.options.length && p.variants.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['variants'], message: 'a product without options has one variant' });
    }
    p.variants.forEach((v, i) => {
      const keys = Object.keys(v.optionValues).sort().join('|');
      if (keys !== [...p.options].sort().join('|')) {
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'optionValues'],
          message: p.options.length ? `must give a value for each option: ${p.options.join(', ')}` : 'must be empty',
        });
      }
    });
  });
export type ProductInput = z.infer<typeof ProductInput>;

export const ProductPatch = z.object(productFields).partial();
export type ProductPatch = z.infer<typeof ProductPatch>;

export const Variant = z
  .object({
    id: z.number().int(),
    productId: z.number().int(),
    sku: z.string(),
    optionValues: z.record(z.string(), z.string()),
    price: MoneySchema,
    compareAtPrice: MoneySchema.nullable(),
    weightGrams: z.number().int().nullable(),
    gtin: z.string().nullable(),
    gtinType: z.string().nullable(),
    isDefault: z.boolean(),
    position: z.number().int(),
  })
  .openapi('CatalogVariant');
export type Variant = z.infer<typeof Variant>;

export const Product = z
  .object({
    id: z.number().int(),
    title: z.string(),
    slug: z.string(),
    description: z.string(),
    status: StatusSchema,
    brand: z.string().nullable(),
    gtin: z.string().nullable(),
    gtinType: z.string().nullable(),
    taxRateBp: z.number().int().nullable(),
    featured: z.boolean(),
    seoTitle: z.string().nullable(),
    seoDescription: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()),
    options: z.array(z.string()),
    categoryIds: z.array(z.number().int()),
    variants: z.array(Variant),
    images: z.array(ProductImage),
    priceFrom: MoneySchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CatalogProduct');
export type Product = z.infer<typeof Product>;

export const Category = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    name: z.string(),
    slug: z.string(),
    position: z.number().int(),
  })
  .openapi('CatalogCategory');
export type Category = z.infer<typeof Category>;

export const CategoryInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  slug: slug.optional(),
  parentId: z.number().int().positive().nullable().optional(),
  position: z.number().int().min(0).optional(),
});
export const CategoryPatch = CategoryInput.partial();

/** Query string of product lists: search, filters, sort and page. */
export const ListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.coerce.number().int().positive().optional(),
  status: StatusSchema.optional(),
  featured: z.enum(['true', 'false']).optional(),
  minPrice: z.coerce.number().int().min(0).optional(),
  maxPrice: z.coerce.number().int().min(0).optional(),
  sort: z.enum(['relevance', 'newest', 'title', 'price', '-price', 'updated']).optional(),
  inStock: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const ProductPage = z.object({
  items: z.array(Product),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const IdParam = z.object({ id: z.coerce.number().int().positive() });
