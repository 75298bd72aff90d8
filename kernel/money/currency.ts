/**
 * ISO 4217 currencies and their minor-unit exponents: how many digits follow the decimal point (EUR 2, JPY 0,
 * BHD 3). A currency is known when the runtime's Intl knows it (`Intl.supportedValuesOf('currency')`).
 */

/** Currencies whose minor unit is not the usual 2 digits (ISO 4217 list, 2024). */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const KNOWN = new Set(Intl.supportedValuesOf('currency'));

/** Whether `code` is an ISO 4217 currency code the runtime knows, in upper case (`EUR`). */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN.has(code);
}

/**
 * The number of minor-unit digits of a currency: 2 for EUR (1 EUR = 100 cents), 0 for JPY, 3 for BHD.
 *
 * @example currencyExponent('JPY') // 0
 */
export function currencyExponent(currency: string): number {
  if (!isCurrency(currency)) throw new RangeError(`${currency} is not an ISO 4217 currency code`);
  return EXPONENTS[currency] ?? 2;
}
