import { z } from '@orion/sdk';

/** ISO 3166-1 alpha-2 codes of the countries a shop can ship to (the officially assigned ones). */
const COUNTRIES = new Set(
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC
  CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD
  GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH
  KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW
  MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC
  SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY
  UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`.split(/\s+/),
);

/** Postal code formats of the countries shipped to most; other countries take any code of 2 to 12 characters. */
const POSTAL: Record<string, { pattern: RegExp; example: string }> = {
  LU: { pattern: /^(L-?)?\d{4}$/i, example: 'L-1611' },
  DE: { pattern: /^\d{5}$/, example: '10115' },
  FR: { pattern: /^\d{5}$/, example: '75001' },
  BE: { pattern: /^\d{4}$/, example: '1000' },
  NL: { pattern: /^\d{4} ?[A-Z]{2}$/i, example: '1012 AB' },
  GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, example: 'SW1A 1AA' },
  US: { pattern: /^\d{5}(-\d{4})?$/, example: '12345' },
};

export const isCountry = (code: string) => COUNTRIES.has(code);

/** Why a postal code does not fit the country, or undefined when it does. */
export function postalProblem(country: string, postalCode: string): string | undefined {
  const format = POSTAL[country];
  if (!format) return /^[A-Za-z0-9 -]{2,12}$/.test(postalCode) ? undefined : 'is not a postal code';
  return format.pattern.test(postalCode) ? undefined : `is not a ${country} postal code (such as ${format.example})`;
}

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const AddressSchema = z
  .object({
    name: text(120),
    line1: text(200),
    line2: z
      .string()
      .trim()
      .max(200, 'must be at most 200 characters')
      .optional()
      .transform((v) => v || null),
    postalCode: text(20),
    city: text(120),
    country: z
      .string()
      .trim()
      .transform((c) => c.toUpperCase())
      .refine(isCountry, 'must be an ISO 3166 country code such as LU or DE'),
  })
  .superRefine((a, ctx) => {
    if (!isCountry(a.country)) return;
    const problem = postalProblem(a.country, a.postalCode);
    if (problem) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: problem });
  })
  .openapi('CheckoutAddress');
export type AddressInput = z.infer<typeof AddressSchema>;

export const ContactSchema = z
  .object({
    email: z.string().trim().toLowerCase().email('must be an email address').max(254),
    name: text(120),
    phone: z
      .string()
      .trim()
      .max(40, 'must be at most 40 characters')
      .regex(/^[+\d ()./-]*$/, 'must be a phone number')
      .optional()
      .transform((v) => v || null),
  })
  .openapi('CheckoutContact');
