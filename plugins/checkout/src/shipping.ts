import { type Knex, Money, z } from '@orion/sdk';
import { CheckoutErrors } from './errors.js';

export const SHIPPING_KINDS = ['flat', 'free_above', 'pickup'] as const;
export type ShippingKind = (typeof SHIPPING_KINDS)[number];

export const METHODS = 'checkout__shipping_methods';

export interface ShippingMethod {
  id: number;
  name: string;
  kind: ShippingKind;
  /** The price: flat rate, or below the threshold for `free_above`; 0 for pickup. */
  amount: Money;
  /** `free_above` only: from this subtotal on, shipping is free. */
  freeAbove: Money | null;
  active: boolean;
  position: number;
}

interface MethodRow {
  id: number | string;
  name: string;
  kind: ShippingKind;
  amount_minor: number | string;
  free_above_minor: number | string | null;
  currency: string;
  active: boolean;
  position: number;
}

const toMethod = (r: MethodRow): ShippingMethod => ({
  id: Number(r.id),
  name: r.name,
  kind: r.kind,
  amount: Money.of(Number(r.amount_minor), r.currency),
  freeAbove: r.free_above_minor === null ? null : Money.of(Number(r.free_above_minor), r.currency),
  active: r.active,
  position: r.position,
});

/**
 * What shipping costs for a cart subtotal: the flat rate; nothing for pickup; for `free_above`, nothing once the
 * subtotal reaches the threshold (inclusive: a subtotal equal to it ships free), else the rate.
 */
export function shippingCost(method: ShippingMethod, subtotal: Money): Money {
  if (method.kind === 'pickup') return Money.zero(method.amount.currency);
  if (method.kind === 'free_above' && method.freeAbove && subtotal.amountMinor >= method.freeAbove.amountMinor) {
    return Money.zero(method.amount.currency);
  }
  return method.amount;
}

/** The vendor's methods, in their order; only the active ones (in the cart's currency) unless `all`. */
export async function listMethods(
  trx: Knex,
  vendorId: number,
  options: { all?: boolean; currency?: string } = {},
): Promise<ShippingMethod[]> {
  const q = trx(METHODS).where({ vendor_id: vendorId });
  if (!options.all) q.where({ active: true });
  if (options.currency) q.where({ currency: options.currency });
  const rows = (await q.orderBy(['position', 'id'])) as MethodRow[];
  return rows.map(toMethod);
}

export async function findMethod(trx: Knex, vendorId: number, id: number): Promise<ShippingMethod> {
  const row = await trx(METHODS).where({ vendor_id: vendorId, id }).first<MethodRow | undefined>();
  if (!row) throw CheckoutErrors.MethodNotFound({ id });
  return toMethod(row);
}

/** A method as a vendor enters it: amounts in minor units; the threshold is required for `free_above` only. */
export const MethodInput = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
    kind: z.enum(SHIPPING_KINDS, { message: 'must be flat, free_above or pickup' }),
    amountMinor: z.coerce.number().int('must be a whole number of cents').min(0, 'must not be negative').default(0),
    freeAboveMinor: z.coerce
      .number()
      .int('must be a whole number of cents')
      .min(0, 'must not be negative')
      .nullable()
      .optional(),
    currency: z
      .string()
      .trim()
      .transform((c) => c.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{3}$/, 'must be a currency code such as EUR')),
    active: z.boolean().default(true),
    position: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'free_above' && (m.freeAboveMinor === undefined || m.freeAboveMinor === null)) {
      ctx.addIssue({ code: 'custom', path: ['freeAboveMinor'], message: 'is required for free above a threshold' });
    }
  })
  .openapi('CheckoutShippingMethodInput');
export type MethodInput = z.infer<typeof MethodInput>;

const columns = (m: MethodInput) => ({
  name: m.name,
  kind: m.kind,
  amount_minor: m.kind === 'pickup' ? 0 : m.amountMinor,
  free_above_minor: m.kind === 'free_above' ? (m.freeAboveMinor ?? null) : null,
  currency: m.currency,
  active: m.active,
  position: m.position,
});

export async function createMethod(trx: Knex, vendorId: number, m: MethodInput): Promise<ShippingMethod> {
  const [row] = await trx(METHODS)
    .insert({ vendor_id: vendorId, ...columns(m) })
    .returning('*');
  return toMethod(row as MethodRow);
}

export async function updateMethod(trx: Knex, vendorId: number, id: number, m: MethodInput): Promise<ShippingMethod> {
  const [row] = await trx(METHODS)
    .where({ vendor_id: vendorId, id })
    .update({ ...columns(m), updated_at: trx.fn.now() })
    .returning('*');
  if (!row) throw CheckoutErrors.MethodNotFound({ id });
  return toMethod(row as MethodRow);
}

export async function deleteMethod(trx: Knex, vendorId: number, id: number): Promise<void> {
  const n = await trx(METHODS).where({ vendor_id: vendorId, id }).del();
  if (!n) throw CheckoutErrors.MethodNotFound({ id });
}
