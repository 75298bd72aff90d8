import { defineError } from '@orion/sdk';

/** The catalog's expected failures. Another vendor's ids answer exactly like ids that do not exist: 404. */
export const CatalogErrors = {
  NotFound: defineError<{ what: 'product' | 'variant' | 'category' | 'image'; id: number | string }>({
    code: 'CATALOG_NOT_FOUND',
    category: 'not-found',
    title: 'Not found',
    detail: (p) => `No ${p.what} ${p.id} in this shop.`,
  }),
  Taken: defineError<{ field: 'slug' | 'sku'; value: string }>({
    code: 'CATALOG_DUPLICATE',
    category: 'conflict',
    title: 'Already taken',
    detail: (p) => `Another item of this shop already has the ${p.field} "${p.value}".`,
  }),
  Invalid: defineError<{ summary: string }>({
    code: 'CATALOG_INVALID',
    category: 'input',
    status: 422,
    title: 'Invalid catalog data',
    detail: (p) => p.summary,
  }),
  LastVariant: defineError<{ productId: number }>({
    code: 'CATALOG_LAST_VARIANT',
    category: 'conflict',
    title: 'A product keeps at least one variant',
    detail: (p) => `Variant is the last one of product ${p.productId}: delete the product instead.`,
  }),
  CategoryInUse: defineError<{ id: number }>({
    code: 'CATALOG_CATEGORY_HAS_CHILDREN',
    category: 'conflict',
    title: 'Category has subcategories',
    detail: (p) => `Category ${p.id} has subcategories: move or delete them first.`,
  }),
} as const;

/** A 422 that names one field, like the kernel's validation errors. */
export function invalidField(field: string, message: string) {
  return CatalogErrors.Invalid({ summary: `${field}: ${message}` }, { fields: { [field]: message } });
}
