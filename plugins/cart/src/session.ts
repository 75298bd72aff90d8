import type { Knex, PlatformRef, PluginContext, Principal } from '@orion/sdk';
import { releaseHolds } from './check.js';
import {
  cookieName,
  hashToken,
  newToken,
  readCookie,
  signingKey,
  signValue,
  verifySignedValue,
  writeCookie,
} from './cookie.js';
import { CartErrors } from './errors.js';
import {
  type CartRow,
  deleteExpired,
  expiryFrom,
  findCart,
  type GoneCart,
  insertCart,
  mergeCarts,
  T,
} from './store.js';

/** The little of a Hono context the cart's cookie helpers read and write. */
export interface CartRequest {
  req: { url: string; header(name: string): string | undefined };
  header(name: string, value: string, options?: { append?: boolean }): void;
}

export interface CartSettings {
  maxQuantityPerLine: number;
  guestCartTtlHours: number;
}

export async function cartSettings(ctx: PluginContext, platformId: number): Promise<CartSettings> {
  const s = await ctx.settings(platformId);
  return { maxQuantityPerLine: Number(s.maxQuantityPerLine), guestCartTtlHours: Number(s.guestCartTtlHours) };
}

export interface Shopper {
  vendorId: number;
  platformId: number;
  customerId: number | undefined;
  settings: CartSettings;
}

/** Who shops: the shop's vendor, the platform, and the signed-in customer of this shop, if any. */
export async function shopperOf(
  ctx: PluginContext,
  vendor: { id: number } | undefined,
  platform: PlatformRef,
  principal: Principal | undefined,
): Promise<Shopper> {
  if (!vendor) throw CartErrors.NoShop();
  const vendorId = vendor.id;
  const platformId = platform.id;
  const customerId =
    principal?.kind === 'customer' && principal.vendorId === vendorId ? principal.customerId : undefined;
  return { vendorId, platformId, customerId, settings: await cartSettings(ctx, platformId) };
}

/**
 * The shopper's open cart, found in one tenant transaction, or created when `create`:
 * - a signed-in customer gets their own cart; a guest cart still in the cookie is merged into it (or, when the
 *   customer has none, becomes theirs), and the cookie is cleared. This is how a guest cart follows a sign-in: the
 *   first cart request after it carries both the customer's token and the guest cookie.
 * - a guest gets the cart of the signed cookie, unless it expired (then it is deleted); a new guest cart sets it.
 * Reading or writing a guest cart pushes its expiry back by the configured lifetime.
 */
export async function currentCart(
  c: CartRequest,
  ctx: PluginContext,
  shopper: Shopper,
  create: boolean,
): Promise<CartRow | undefined> {
  const { vendorId, platformId, customerId, settings } = shopper;
  const secret = await signingKey(ctx);
  const name = cookieName(vendorId);
  const raw = readCookie(c, name);
  const token = raw ? verifySignedValue(secret, raw) : undefined;
  const ttlSeconds = settings.guestCartTtlHours * 3600;
  let setToken: string | undefined;
  let clearCookie = false;
  /** Carts deleted here (expired): their stock holds go once this transaction is over. */
  let gone: GoneCart[] = [];

  const cart = await ctx.withTenant({ vendorId }, async (trx: Knex) => {
    let guest = token
      ? await findCart(trx, vendorId, { token_hash: hashToken(token), status: 'open', customer_id: null })
      : undefined;
    if (guest?.expires_at && new Date(guest.expires_at) < new Date()) {
      await trx(T.carts).where({ vendor_id: vendorId, id: guest.id }).del();
      gone.push({ vendorId, id: guest.id });
      guest = undefined;
    }
    if (customerId !== undefined) {
      let own = await findCart(trx, vendorId, { customer_id: customerId, status: 'open' });
      if (guest && own) await mergeCarts(trx, vendorId, guest, own, settings.maxQuantityPerLine);
      else if (guest) {
        await trx(T.carts)
          .where({ vendor_id: vendorId, id: guest.id })
          .update({ customer_id: customerId, token_hash: null, expires_at: null, updated_at: trx.fn.now() });
        own = await findCart(trx, vendorId, { id: guest.id });
      }
      if (raw) clearCookie = true;
      if (!own && create)
        own = await insertCart(trx, { vendor_id: vendorId, platform_id: platformId, customer_id: customerId });
      return own;
    }
    if (guest) {
      const expires_at = expiryFrom(settings.guestCartTtlHours);
      await trx(T.carts).where({ vendor_id: vendorId, id: guest.id }).update({ expires_at });
      if (raw) setToken = token;
      return { ...guest, expires_at };
    }
    if (!create) return undefined;
    gone = [...gone, ...(await deleteExpired(trx, vendorId))];
    setToken = newToken();
    return insertCart(trx, {
      vendor_id: vendorId,
      platform_id: platformId,
      token_hash: hashToken(setToken),
      expires_at: expiryFrom(settings.guestCartTtlHours),
    });
  });
  await releaseHolds(ctx, gone);
  if (clearCookie) writeCookie(c, name, '', 0);
  else if (setToken) writeCookie(c, name, signValue(secret, setToken), ttlSeconds);
  return cart;
}
