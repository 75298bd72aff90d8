import { currencyExponent, isCurrency } from './currency.js';

/**
 * An amount of money: an integer number of minor units (cents for EUR, yen for JPY, fils for BHD) and an ISO 4217
 * currency. Never a float. Values are plain, immutable objects, so they go to JSON as `{ amountMinor, currency }`.
 *
 * @see docs/plugins/money.md
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

/**
 * How a computed amount that falls between two minor units is rounded:
 * - `half-up` (the default): halves away from zero (2.5 → 3, -2.5 → -3), as VAT invoices and people do by hand;
 * - `half-even` (banker's): halves to the even neighbour (2.5 → 2, 3.5 → 4), unbiased over many sums;
 * - `down` truncates towards zero, `up` rounds away from zero.
 */
export type Rounding = 'half-up' | 'half-even' | 'down' | 'up';

/** The default rounding of every Money computation that can fall between minor units. */
export const DEFAULT_ROUNDING: Rounding = 'half-up';

/** Thrown when two amounts of different currencies meet. */
export class CurrencyMismatchError extends TypeError {
  constructor(a: string, b: string) {
    super(`cannot combine ${a} with ${b}`);
    this.name = 'CurrencyMismatchError';
  }
}

function checkAmount(amountMinor: number | bigint): number {
  const n = typeof amountMinor === 'bigint' ? Number(amountMinor) : amountMinor;
  if (!Number.isSafeInteger(n)) throw new RangeError(`amountMinor must be a safe integer, not ${String(amountMinor)}`);
  return n === 0 ? 0 : n; // no -0
}

/**
 * Makes a Money value, checking that the amount is a safe integer and the currency an ISO 4217 code.
 *
 * @example money(1999, 'EUR') // 19.99 EUR
 */
export function money(amountMinor: number | bigint, currency: string): Money {
  if (!isCurrency(currency)) throw new RangeError(`${currency} is not an ISO 4217 currency code`);
  return Object.freeze({ amountMinor: checkAmount(amountMinor), currency });
}

/** Zero in a currency. */
export const zero = (currency: string): Money => money(0, currency);

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, ...rest: Money[]): Money {
  let sum = a.amountMinor;
  for (const b of rest) {
    same(a, b);
    sum += b.amountMinor;
  }
  return money(sum, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  same(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

/** Multiplies by an integer quantity (a line of 3 items). A fractional quantity is refused: use `percentage`. */
export function multiply(m: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`quantity must be an integer, not ${quantity}`);
  return money(BigInt(m.amountMinor) * BigInt(quantity), m.currency);
}

/** Rounds the exact fraction `numerator / denominator` (denominator > 0) to an integer. */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding = DEFAULT_ROUNDING): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  let q = abs / denominator;
  const r = abs % denominator;
  if (r !== 0n) {
    const twice = r * 2n;
    const up =
      rounding === 'up' ||
      (rounding === 'half-up' && twice >= denominator) ||
      (rounding === 'half-even' && (twice > denominator || (twice === denominator && q % 2n === 1n)));
    if (up) q += 1n;
  }
  return negative ? -q : q;
}

/**
 * A rate of an amount, in basis points (1 bp = 0.01%; 17% = 1700), rounded to a minor unit.
 *
 * @example percentage(money(999, 'EUR'), 1700) // 170 (169.83 rounded half-up)
 */
export function percentage(m: Money, basisPoints: number, rounding: Rounding = DEFAULT_ROUNDING): Money {
  if (!Number.isSafeInteger(basisPoints)) throw new RangeError('basisPoints must be an integer');
  return money(divideRounded(BigInt(m.amountMinor) * BigInt(basisPoints), 10_000n, rounding), m.currency);
}

/** The tax to add to a net amount at a rate in basis points: `net × rate`. */
export function taxOnNet(net: Money, rateBasisPoints: number, rounding: Rounding = DEFAULT_ROUNDING): Money {
  return percentage(net, rateBasisPoints, rounding);
}

/**
 * The tax included in a gross amount at a rate in basis points: `gross × rate / (1 + rate)`. The net is then
 * `subtract(gross, tax)`, so net + tax always equals the gross exactly.
 *
 * @example taxInGross(money(11700, 'EUR'), 1700) // 1700
 */
export function taxInGross(gross: Money, rateBasisPoints: number, rounding: Rounding = DEFAULT_ROUNDING): Money {
  if (!Number.isSafeInteger(rateBasisPoints) || rateBasisPoints < 0) throw new RangeError('rate must be >= 0');
  const n = BigInt(gross.amountMinor) * BigInt(rateBasisPoints);
  return money(divideRounded(n, 10_000n + BigInt(rateBasisPoints), rounding), gross.currency);
}

/**
 * Splits an amount in proportion to integer weights without losing a minor unit: the parts always add up to the
 * amount. Leftover units go one each to the parts with the largest remainders (the first on ties).
 *
 * @example allocate(money(1000, 'EUR'), [1, 1, 1]) // 334, 333, 333
 */
export function allocate(m: Money, weights: number[]): Money[] {
  if (!weights.length) throw new RangeError('allocate needs at least one weight');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be integers >= 0');
  const total = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (total === 0n) throw new RangeError('weights must not all be zero');
  const amount = BigInt(m.amountMinor);
  const sign = amount < 0n ? -1n : 1n;
  const abs = amount * sign;
  const parts = weights.map((w) => (abs * BigInt(w)) / total);
  const remainders = weights.map((w, i) => ({ i, r: (abs * BigInt(w)) % total }));
  let left = abs - parts.reduce((s, p) => s + p, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left -= 1n;
  }
  return parts.map((p) => money(p * sign, m.currency));
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  same(a, b);
  return a.amountMinor === b.amountMinor ? 0 : a.amountMinor < b.amountMinor ? -1 : 1;
}

export const equals = (a: Money, b: Money): boolean => a.currency === b.currency && a.amountMinor === b.amountMinor;

/** The amount as a plain decimal string in major units, exact: `1999 EUR` → `"19.99"`, `5 JPY` → `"5"`. */
export function toDecimal(m: Money): string {
  const exp = currencyExponent(m.currency);
  const abs = Math.abs(m.amountMinor)
    .toString()
    .padStart(exp + 1, '0');
  const sign = m.amountMinor < 0 ? '-' : '';
  return exp === 0 ? sign + abs : `${sign}${abs.slice(0, -exp)}.${abs.slice(-exp)}`;
}

/**
 * Parses a decimal string in major units, exactly (no float on the way): `fromDecimal('19.99', 'EUR')`. More
 * fraction digits than the currency has are refused, not rounded.
 */
export function fromDecimal(value: string, currency: string): Money {
  const exp = currencyExponent(currency);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new RangeError(`${value} is not a decimal amount`);
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > exp) throw new RangeError(`${currency} has ${exp} decimal digit(s); got ${value}`);
  const minor = BigInt(`${whole}${fraction.padEnd(exp, '0')}`);
  return money(minus ? -minor : minor, currency);
}

/**
 * Formats for people, in a locale, with Intl: `format(money(123456, 'EUR'), 'de-LU')` → `1.234,56 €`. The amount
 * reaches Intl as an exact decimal string, never as a float.
 */
export function format(m: Money, locale = 'en'): string {
  const digits = currencyExponent(m.currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl accepts exact decimal strings at run time (ECMA-402 NumberFormat v3); its types only list number | bigint.
  return formatter.format(toDecimal(m) as unknown as number);
}
