import { z } from '@hono/zod-openapi';
import { isCurrency } from './currency.js';

/** An ISO 4217 currency code, upper case: `EUR`. */
export const CurrencySchema = z
  .string()
  .refine(isCurrency, 'must be an ISO 4217 currency code such as EUR')
  .openapi({ example: 'EUR' });

/**
 * Money on the wire: `{ "amountMinor": 1999, "currency": "EUR" }` is 19.99 EUR. `amountMinor` is an integer of minor
 * units; a decimal such as 19.99 is refused with "must be an integer number of minor units".
 */
export const MoneySchema = z
  .object({
    amountMinor: z
      .number({ error: 'must be an integer number of minor units' })
      .int('must be an integer number of minor units')
      .min(-Number.MAX_SAFE_INTEGER)
      .max(Number.MAX_SAFE_INTEGER),
    currency: CurrencySchema,
  })
  .openapi('Money');

/** Money that must not be negative (prices). */
export const NonNegativeMoneySchema = MoneySchema.refine((m) => m.amountMinor >= 0, {
  message: 'must not be negative',
  path: ['amountMinor'],
});
