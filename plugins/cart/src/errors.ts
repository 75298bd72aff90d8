import { defineError } from '@orion/sdk';

/** The cart's expected failures. Another vendor's cart or line answers exactly like one that does not exist: 404. */
export const CartErrors = {
  NoShop: defineError({
    code: 'CART_NO_SHOP',
    category: 'not-found',
    title: 'No shop here',
    detail: () => 'This address serves no shop, so it has no cart.',
  }),
  LineNotFound: defineError<{ id: number }>({
    code: 'CART_LINE_NOT_FOUND',
    category: 'not-found',
    title: 'No such cart line',
    detail: (p) => `Your cart has no line ${p.id}.`,
  }),
  VariantUnavailable: defineError<{ id: number }>({
    code: 'CART_VARIANT_UNAVAILABLE',
    category: 'not-found',
    title: 'Not for sale',
    detail: (p) => `Variant ${p.id} is not for sale in this shop.`,
  }),
  QuantityLimit: defineError<{ max: number; requested: number }>({
    code: 'CART_QUANTITY_LIMIT',
    category: 'input',
    status: 422,
    title: 'Too many units',
    detail: (p) => `At most ${p.max} units of one item fit in a cart; you asked for ${p.requested}.`,
  }),
  OutOfStock: defineError<{ sku: string; available: number }>({
    code: 'CART_OUT_OF_STOCK',
    category: 'conflict',
    title: 'Not enough stock',
    detail: (p) => (p.available > 0 ? `Only ${p.available} of ${p.sku} left in stock.` : `${p.sku} is out of stock.`),
  }),
  CurrencyMismatch: defineError<{ cart: string; item: string }>({
    code: 'CART_CURRENCY_MISMATCH',
    category: 'input',
    status: 422,
    title: 'Other currency',
    detail: (p) => `Your cart is in ${p.cart}; this item is priced in ${p.item}.`,
  }),
} as const;
