/** GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13, ISBN-13) and GTIN-14, told apart by their length. */
export type GtinType = 'GTIN-8' | 'GTIN-12' | 'GTIN-13' | 'GTIN-14';

const TYPES: Record<number, GtinType> = { 8: 'GTIN-8', 12: 'GTIN-12', 13: 'GTIN-13', 14: 'GTIN-14' };

/** The GS1 mod-10 check digit of the digits before it: weights 3 and 1 alternate from the right. */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export type GtinCheck = { ok: true; gtin: string; type: GtinType } | { ok: false; message: string };

/**
 * Checks a GTIN: digits only (spaces and hyphens are dropped), 8, 12, 13 or 14 of them, and a right check digit.
 *
 * @example checkGtin('4006381333931') // { ok: true, gtin: '4006381333931', type: 'GTIN-13' }
 */
export function checkGtin(input: string): GtinCheck {
  const gtin = input.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(gtin)) return { ok: false, message: 'must contain digits only' };
  const type = TYPES[gtin.length];
  if (!type) return { ok: false, message: 'must have 8, 12, 13 or 14 digits (GTIN-8, GTIN-12, GTIN-13, GTIN-14)' };
  const expected = gtinCheckDigit(gtin.slice(0, -1));
  if (Number(gtin.at(-1)) !== expected) return { ok: false, message: `has a wrong check digit (expected ${expected})` };
  return { ok: true, gtin, type };
}
