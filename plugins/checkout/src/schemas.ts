import { MoneySchema, z } from '@orion/sdk';
import type { Cart } from './deps.js';
import { type Checkout, nextStep, STEPS } from './flow.js';
import type { CheckoutSession } from './sessions.js';
import { SHIPPING_KINDS, type ShippingMethod } from './shipping.js';

const ContactOut = z.object({ email: z.string(), name: z.string(), phone: z.string().nullable().optional() });
const AddressOut = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().nullable().optional(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
});

export const MethodSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(SHIPPING_KINDS),
    amount: MoneySchema,
    freeAbove: MoneySchema.nullable(),
    active: z.boolean(),
    position: z.number().int(),
  })
  .openapi('CheckoutShippingMethod');

const CartSchema = z.object({
  id: z.number().int().nullable(),
  currency: z.string().nullable(),
  lines: z.array(
    z.object({
      variantId: z.number().int(),
      sku: z.string(),
      title: z.string(),
      quantity: z.number().int(),
      unitPrice: MoneySchema,
      lineTotal: MoneySchema,
      messages: z.array(z.string()),
    }),
  ),
  subtotal: MoneySchema.nullable(),
  changed: z.boolean(),
  messages: z.array(z.string()),
});

export const SessionSchema = z
  .object({
    next: z.enum(STEPS),
    contact: ContactOut.nullable(),
    shippingAddress: AddressOut.nullable(),
    shippingMethodId: z.number().int().nullable(),
    paymentProvider: z.string().nullable(),
    reviewed: z.boolean(),
    cart: CartSchema,
    shippingMethods: z.array(z.object({ method: MethodSchema, cost: MoneySchema })),
    paymentProviders: z.array(z.object({ id: z.string(), takesCards: z.boolean() })),
  })
  .openapi('CheckoutSession');

export const ReviewSchema = z
  .object({
    cart: CartSchema,
    shippingMethod: MethodSchema,
    shipping: MoneySchema,
    total: MoneySchema,
    contact: ContactOut,
    shippingAddress: AddressOut,
    paymentProvider: z.string(),
    reviewToken: z.string(),
  })
  .openapi('CheckoutReview');

export const PlaceSchema = z
  .object({
    reviewToken: z.string().min(1, 'must not be empty').max(100),
    card: z
      .object({
        number: z
          .string()
          .trim()
          .regex(/^[\d -]{12,23}$/, 'must be 12 to 19 digits'),
      })
      .optional(),
  })
  .openapi('CheckoutPlace');

export const OrderSchema = z
  .object({
    id: z.number().int(),
    number: z.number().int(),
    status: z.string(),
    total: MoneySchema,
    shipping: MoneySchema,
    email: z.string(),
  })
  .openapi('CheckoutOrder');

export const cartOut = (cart: Cart) => ({
  id: cart.id,
  currency: cart.currency,
  lines: cart.lines.map((l) => ({
    variantId: l.variantId,
    sku: l.sku,
    title: l.title,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    lineTotal: l.lineTotal,
    messages: l.messages,
  })),
  subtotal: cart.subtotal,
  changed: cart.changed,
  messages: cart.messages,
});

export const methodOut = (m: ShippingMethod) => ({ ...m });

export async function sessionOut(
  checkout: Checkout,
  providers: { id: string; takesCards: boolean }[],
  session: CheckoutSession,
  cart: Cart,
) {
  const methods = await checkout.methodsFor(session.vendorId, cart);
  return {
    next: nextStep(session),
    contact: session.contact,
    shippingAddress: session.shippingAddress,
    shippingMethodId: session.shippingMethodId,
    paymentProvider: session.paymentProvider,
    reviewed: session.reviewedHash !== null,
    cart: cartOut(cart),
    shippingMethods: methods.map((m) => ({ method: methodOut(m.method), cost: m.cost })),
    paymentProviders: providers,
  };
}
