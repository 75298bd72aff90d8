import { MoneySchema, NonNegativeMoneySchema, z } from '@orion/sdk';
import { ORDER_STATUSES } from './states.js';

export const StatusSchema = z.enum(ORDER_STATUSES);

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const AddressSchema = z.object({
  name: text(120),
  line1: text(200),
  line2: z.string().trim().max(200).nullable().optional(),
  postalCode: text(20),
  city: text(120),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as LU'),
});

export const ContactSchema = z.object({
  email: z.string().trim().email('must be an email address').max(254),
  name: text(120),
  phone: z.string().trim().max(40).nullable().optional(),
});

export const PlaceBody = z.object({
  lines: z
    .array(
      z.object({
        variantId: z.number().int().positive(),
        quantity: z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000'),
      }),
    )
    .min(1, 'an order needs at least one line')
    .max(100),
  contact: ContactSchema,
  shippingAddress: AddressSchema,
  billingAddress: AddressSchema.optional(),
  shipping: NonNegativeMoneySchema,
  payment: z.object({
    provider: z.string().min(1).max(40),
    card: z
      .object({
        number: z
          .string()
          .trim()
          .regex(/^[\d -]{12,23}$/, 'must be 12 to 19 digits'),
        expMonth: z.number().int().min(1).max(12).optional(),
        expYear: z.number().int().min(2000).max(2100).optional(),
        cvc: z
          .string()
          .regex(/^\d{3,4}$/)
          .optional(),
      })
      .optional(),
  }),
  note: z.string().trim().max(1000).optional(),
});

const LineSchema = z.object({
  id: z.number().int(),
  variantId: z.number().int(),
  productId: z.number().int(),
  title: z.string(),
  optionValues: z.record(z.string(), z.string()),
  sku: z.string(),
  gtin: z.string().nullable(),
  quantity: z.number().int(),
  unitPrice: MoneySchema,
  taxRateBp: z.number().int(),
  lineTotal: MoneySchema,
  discount: MoneySchema,
  tax: MoneySchema,
});

const HistorySchema = z.object({
  from: StatusSchema.nullable(),
  to: StatusSchema,
  actor: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});

const AddressOut = AddressSchema.extend({ line2: z.string().nullable().optional() });

export const OrderSchema = z
  .object({
    id: z.number().int(),
    number: z.number().int(),
    channel: z.string(),
    status: StatusSchema,
    currency: z.string(),
    customerId: z.number().int().nullable(),
    customer: z.object({ email: z.string(), name: z.string(), phone: z.string().nullable().optional() }),
    shippingAddress: AddressOut,
    billingAddress: AddressOut,
    totals: z.object({
      subtotal: MoneySchema,
      shipping: MoneySchema,
      discount: MoneySchema,
      tax: MoneySchema,
      total: MoneySchema,
      refunded: MoneySchema,
    }),
    pricesIncludeTax: z.boolean(),
    paymentProvider: z.string(),
    trackingNumber: z.string().nullable(),
    carrier: z.string().nullable(),
    placedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('OrdersOrder');

export const PaymentSummary = z.object({
  id: z.number().int(),
  provider: z.string(),
  status: z.string(),
  amount: MoneySchema,
  captured: MoneySchema,
  refunded: MoneySchema,
  cardLast4: z.string().nullable(),
});

export const OrderDetailSchema = OrderSchema.extend({
  note: z.string().nullable(),
  lines: z.array(LineSchema),
  timeline: z.array(HistorySchema),
}).openapi('OrdersOrderDetail');

export const OrderPage = z.object({
  items: z.array(OrderSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-01');
export const ListQuery = z.object({
  status: StatusSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  customer: z.string().trim().max(254).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const TransitionBody = z.object({
  to: StatusSchema,
  note: z.string().trim().max(1000).optional(),
  trackingNumber: z.string().trim().min(1).max(100).optional(),
  carrier: z.string().trim().min(1).max(60).optional(),
});

export const RefundBody = z.object({
  amount: NonNegativeMoneySchema.optional(),
  note: z.string().trim().max(1000).optional(),
});

export const IdParam = z.object({ id: z.coerce.number().int().positive() });

export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .trim()
    .min(8, 'must be at least 8 characters')
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
});
