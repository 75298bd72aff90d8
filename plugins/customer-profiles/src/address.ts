import { z } from '@orion/sdk';

/** The 249 officially assigned ISO 3166-1 alpha-2 country codes. */
const ISO_3166_1 = new Set(
  `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI
  BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN
  CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK
  FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
  HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
  KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK
  ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP
  NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
  SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
  TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
  VN VU WF WS YE YT ZA ZM ZW
`
    .trim()
    .split(/\s+/),
);

export const isCountryCode = (code: string) => ISO_3166_1.has(code);

/** Postal code formats of the countries the platform ships to most; other countries accept any non-empty code. */
const POSTAL_CODES: Record<string, { pattern: RegExp; example: string }> = {
  LU: { pattern: /^(L-?)?\d{4}$/i, example: '1234 or L-1234' },
  DE: { pattern: /^\d{5}$/, example: '10115' },
  FR: { pattern: /^\d{5}$/, example: '75001' },
  BE: { pattern: /^\d{4}$/, example: '1000' },
  NL: { pattern: /^\d{4} ?[A-Z]{2}$/i, example: '1012 AB' },
  AT: { pattern: /^\d{4}$/, example: '1010' },
  CH: { pattern: /^\d{4}$/, example: '8001' },
  GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, example: 'SW1A 1AA' },
  US: { pattern: /^\d{5}(-\d{4})?$/, example: '12345 or 12345-6789' },
};

/** Why the postal code does not fit the country, or undefined when it does. */
export function postalCodeProblem(country: string, postalCode: string | undefined): string | undefined {
  const format = POSTAL_CODES[country];
  if (!format) return undefined;
  if (!postalCode) return `is required for ${country}`;
  return format.pattern.test(postalCode) ? undefined : `is not a ${country} postal code (such as ${format.example})`;
}

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

const fields = {
  kind: z.enum(['shipping', 'billing']),
  fullName: text(120),
  company: optionalText(120),
  line1: text(200),
  line2: optionalText(200),
  postalCode: optionalText(20),
  city: text(100),
  region: optionalText(100),
  country: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code, such as LU or DE'),
  phone: optionalText(40),
  isDefault: z.boolean().optional(),
};

const checkPostal = (a: { country?: string; postalCode?: string }, ctx: z.RefinementCtx) => {
  if (!a.country) return;
  const problem = postalCodeProblem(a.country, a.postalCode);
  if (problem) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: problem });
};

export const AddressInput = z.object(fields).superRefine(checkPostal).openapi('CustomerProfilesAddressInput');
export type AddressInput = z.infer<typeof AddressInput>;
/** The address form's text fields, in order (the kind is a select, isDefault a checkbox): shop and vendor pages. */
export const ADDRESS_FORM_FIELDS = [
  'fullName',
  'company',
  'line1',
  'line2',
  'postalCode',
  'city',
  'country',
  'phone',
] as const;
export const OPTIONAL_ADDRESS_FIELDS: ReadonlySet<string> = new Set(['company', 'line2', 'postalCode', 'phone']);
/** A posted address form: a checkbox posts `on` or nothing; the rest is checked as the JSON API checks it. */
export const AddressForm = z.preprocess(
  (v) => ({ ...(v as Record<string, unknown>), isDefault: (v as Record<string, unknown>).isDefault === 'on' }),
  AddressInput,
);
/** A change: any field; country and postal code are checked together against the stored address. */
export const AddressPatch = z.object(fields).partial().openapi('CustomerProfilesAddressPatch');
export type AddressPatch = z.infer<typeof AddressPatch>;

export const Address = z
  .object({
    id: z.number().int(),
    kind: z.enum(['shipping', 'billing']),
    isDefault: z.boolean(),
    fullName: z.string(),
    company: z.string().nullable(),
    line1: z.string(),
    line2: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    country: z.string(),
    phone: z.string().nullable(),
  })
  .openapi('CustomerProfilesAddress');
export type Address = z.infer<typeof Address>;
