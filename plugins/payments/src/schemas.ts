import { MoneySchema, NonNegativeMoneySchema, z } from '@orion/sdk';

export const PaymentStatusSchema = z.enum([
  'pending',
  'authorized',
  'declined',
  'capture_pending',
  'captured',
  'partially_refunded',
  'refunded',
  'voided',
  'failed',
]);

export const PaymentSchema = z
  .object({
    id: z.number().int(),
    orderRef: z.string(),
    provider: z.string(),
    providerRef: z.string(),
    status: PaymentStatusSchema,
    amount: MoneySchema,
    captured: MoneySchema,
    refunded: MoneySchema,
    cardLast4: z.string().nullable(),
    message: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PaymentsPayment');

export const TransactionSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.string(),
  amount: MoneySchema,
  actor: z.string(),
  message: z.string().nullable(),
  createdAt: z.string(),
});

export const CardSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[\d -]{12,23}$/, 'must be 12 to 19 digits'),
  expMonth: z.number().int().min(1).max(12).optional(),
  expYear: z.number().int().min(2000).max(2100).optional(),
  cvc: z
    .string()
    .regex(/^\d{3,4}$/, 'must be 3 or 4 digits')
    .optional(),
});

export const OrderRefSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100)
  .regex(/^[\w.:-]+$/, 'must be letters, digits, _ . : -');

export const AuthorizeBody = z.object({
  orderRef: OrderRefSchema,
  provider: z.string().min(1).max(40),
  amount: NonNegativeMoneySchema,
  card: CardSchema.optional(),
});

export const AmountBody = z.object({ amount: NonNegativeMoneySchema.optional() });
export const IdParam = z.object({ id: z.coerce.number().int().positive() });
