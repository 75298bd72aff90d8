import type { Address } from './address.js';
import type { VendorProfile } from './profiles.js';

export const CSV_COLUMNS = [
  'customer_id',
  'email',
  'first_name',
  'last_name',
  'phone',
  'company',
  'vat_number',
  'birth_date',
  'marketing_email',
  'marketing_sms',
  'shipping_address',
  'billing_address',
  'notes',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field that a spreadsheet would run
 * as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe first.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const oneLine = (a: Address | undefined) =>
  a
    ? [a.fullName, a.line1, a.line2, `${a.postalCode ?? ''} ${a.city}`.trim(), a.country].filter(Boolean).join(', ')
    : '';

/** The export: a header row, then one row per customer with their default addresses; CRLF line ends. */
export function customersCsv(profiles: VendorProfile[], defaults: Map<number, Address[]>): string {
  const rows = profiles.map((p) => {
    const mine = defaults.get(p.customerId) ?? [];
    return [
      p.customerId,
      p.email,
      p.firstName,
      p.lastName,
      p.phone,
      p.company,
      p.vatNumber,
      p.birthDate,
      p.marketing.email,
      p.marketing.sms,
      oneLine(mine.find((a) => a.kind === 'shipping')),
      oneLine(mine.find((a) => a.kind === 'billing')),
      p.notes,
    ]
      .map(csvField)
      .join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
