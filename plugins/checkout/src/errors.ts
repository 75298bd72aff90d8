import { defineError } from '@orion/sdk';

/** The checkout plugin's expected failures. Another vendor's rows answer like unknown ones: 404. */
export const CheckoutErrors = {
  CartEmpty: defineError<Record<string, never>>({
    code: 'CHECKOUT_CART_EMPTY',
    category: 'conflict',
    title: 'Cart is empty',
    detail: () => 'Your cart is empty: add something before you check out.',
  }),
  StepMissing: defineError<{ step: string }>({
    code: 'CHECKOUT_STEP_MISSING',
    category: 'conflict',
    title: 'A step is missing',
    detail: (p) => `Complete the ${p.step} step first.`,
  }),
  CartChanged: defineError<{ messages: string[] }>({
    code: 'CHECKOUT_CART_CHANGED',
    category: 'conflict',
    title: 'Your cart changed',
    detail: (p) =>
      `Your cart changed since you reviewed it: ${p.messages.join(' ')} Please review your order again.`.trim(),
  }),
  OutOfStock: defineError<{ messages: string[] }>({
    code: 'CHECKOUT_OUT_OF_STOCK',
    category: 'conflict',
    title: 'Out of stock',
    detail: (p) => `${p.messages.join(' ')} Change your cart to continue.`.trim(),
  }),
  ShippingMethodUnknown: defineError<{ id: number }>({
    code: 'CHECKOUT_SHIPPING_METHOD_UNKNOWN',
    category: 'input',
    status: 422,
    title: 'Unknown shipping method',
    detail: (p) => `This shop has no shipping method ${p.id}.`,
  }),
  PaymentProviderUnknown: defineError<{ provider: string }>({
    code: 'CHECKOUT_PAYMENT_PROVIDER_UNKNOWN',
    category: 'input',
    status: 422,
    title: 'Unknown payment method',
    detail: (p) => `This shop does not take payments by ${p.provider}.`,
  }),
  CardRequired: defineError<Record<string, never>>({
    code: 'CHECKOUT_CARD_REQUIRED',
    category: 'input',
    status: 422,
    title: 'Card needed',
    detail: () => 'Enter a card number to pay by card.',
  }),
  MethodNotFound: defineError<{ id: number | string }>({
    code: 'CHECKOUT_METHOD_NOT_FOUND',
    category: 'not-found',
    title: 'Not found',
    detail: (p) => `No shipping method ${p.id} in this shop.`,
  }),
} as const;
