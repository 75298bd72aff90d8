import crypto from 'node:crypto';
import type { Knex } from '@orion/sdk';
import type { Address, Contact } from './deps.js';

export const SESSIONS = 'checkout__sessions';

export interface CheckoutSession {
  id: string;
  vendorId: number;
  platformId: number;
  cartId: number;
  customerId: number | null;
  contact: Contact | null;
  shippingAddress: Address | null;
  shippingMethodId: number | null;
  paymentProvider: string | null;
  /** The fingerprint of what the shopper last reviewed (lines, prices, shipping, address); null until reviewed. */
  reviewedHash: string | null;
  orderId: number | null;
  orderNumber: number | null;
}

interface SessionRow {
  id: string;
  vendor_id: number | string;
  platform_id: number | string;
  cart_id: number | string;
  customer_id: number | string | null;
  contact: Contact | null;
  shipping_address: Address | null;
  shipping_method_id: number | string | null;
  payment_provider: string | null;
  reviewed_hash: string | null;
  order_id: number | string | null;
  order_number: number | null;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));
const toSession = (r: SessionRow): CheckoutSession => ({
  id: r.id,
  vendorId: Number(r.vendor_id),
  platformId: Number(r.platform_id),
  cartId: Number(r.cart_id),
  customerId: num(r.customer_id),
  contact: r.contact,
  shippingAddress: r.shipping_address,
  shippingMethodId: num(r.shipping_method_id),
  paymentProvider: r.payment_provider,
  reviewedHash: r.reviewed_hash,
  orderId: num(r.order_id),
  orderNumber: r.order_number,
});

export async function findSession(trx: Knex, vendorId: number, id: string): Promise<CheckoutSession | undefined> {
  const row = await trx(SESSIONS).where({ vendor_id: vendorId, id }).first<SessionRow | undefined>();
  return row ? toSession(row) : undefined;
}

export async function insertSession(
  trx: Knex,
  s: {
    vendorId: number;
    platformId: number;
    cartId: number;
    customerId?: number;
    contact?: Contact;
    address?: Address;
  },
): Promise<CheckoutSession> {
  const [row] = await trx(SESSIONS)
    .insert({
      // Unguessable: the id is the shopper's hold on the session (in an HttpOnly cookie) and the order's idempotency key.
      id: crypto.randomBytes(18).toString('base64url'),
      vendor_id: s.vendorId,
      platform_id: s.platformId,
      cart_id: s.cartId,
      customer_id: s.customerId ?? null,
      contact: s.contact ? JSON.stringify(s.contact) : null,
      shipping_address: s.address ? JSON.stringify(s.address) : null,
    })
    .returning('*');
  return toSession(row as SessionRow);
}

export type SessionPatch = Partial<{
  contact: Contact;
  shipping_address: Address;
  shipping_method_id: number;
  payment_provider: string;
  reviewed_hash: string | null;
  order_id: number;
  order_number: number;
}>;

/** Changes a session; answers it as changed (undefined when it is not the vendor's). */
export async function updateSession(
  trx: Knex,
  vendorId: number,
  id: string,
  patch: SessionPatch,
): Promise<CheckoutSession | undefined> {
  const values: Record<string, unknown> = { ...patch, updated_at: trx.fn.now() };
  for (const k of ['contact', 'shipping_address'] as const) if (patch[k]) values[k] = JSON.stringify(patch[k]);
  const [row] = await trx(SESSIONS).where({ vendor_id: vendorId, id }).update(values).returning('*');
  return row ? toSession(row as SessionRow) : undefined;
}

/** The cookie that holds the shopper's checkout session of one shop (the vendor in the name, as the cart's). */
export const cookieName = (vendorId: number) => `orion_checkout_${vendorId}`;

interface CookieContext {
  req: { url: string; header(name: string): string | undefined };
  header(name: string, value: string, options?: { append?: boolean }): void;
}

export function readSessionCookie(c: CookieContext, vendorId: number): string | undefined {
  const name = cookieName(vendorId);
  for (const part of (c.req.header('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      const value = decodeURIComponent(v.join('='));
      return /^[\w-]{16,64}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function writeSessionCookie(c: CookieContext, vendorId: number, id: string): void {
  const secure = new URL(c.req.url).protocol === 'https:' ? '; Secure' : '';
  c.header(
    'set-cookie',
    `${cookieName(vendorId)}=${id}; Path=/; Max-Age=${7 * 24 * 3600}; HttpOnly; SameSite=Lax${secure}`,
    { append: true },
  );
}
