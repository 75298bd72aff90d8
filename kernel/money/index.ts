import { currencyExponent, isCurrency } from './currency.js';
import * as ops from './money.js';

export { CurrencyMismatchError, DEFAULT_ROUNDING, type Rounding } from './money.js';
export { CurrencySchema, MoneySchema, NonNegativeMoneySchema } from './schema.js';
export { currencyExponent, isCurrency };

/**
 * Money: integer minor units plus an ISO 4217 currency. `Money` is both the type and the namespace of its
 * operations, so a plugin imports one name.
 *
 * @example
 * import { Money } from '@orion/sdk';
 * const line = Money.multiply(Money.of(1999, 'EUR'), 3);      // 59.97 EUR
 * const vat = Money.taxInGross(line, 1700);                    // 8.71 EUR, rounded half-up
 * Money.format(line, 'fr-LU');                                 // "59,97 €"
 * @see docs/plugins/money.md
 */
export type Money = ops.Money;
export const Money = {
  of: ops.money,
  zero: ops.zero,
  fromDecimal: ops.fromDecimal,
  toDecimal: ops.toDecimal,
  add: ops.add,
  subtract: ops.subtract,
  multiply: ops.multiply,
  percentage: ops.percentage,
  taxOnNet: ops.taxOnNet,
  taxInGross: ops.taxInGross,
  allocate: ops.allocate,
  compare: ops.compare,
  equals: ops.equals,
  format: ops.format,
  divideRounded: ops.divideRounded,
  exponent: currencyExponent,
  isCurrency,
} as const;
