import crypto from 'node:crypto';
import type { PluginContext } from '@orion/sdk';

/**
 * The guest cart cookie: `<token>.<HMAC-SHA256(token)>`, signed with the plugin's own key (table `cart__keys`,
 * created on first use). The database keeps only a hash of the token, so a leaked table opens no cart.
 */
/** The little of a Hono context that the cookie helpers use. */
interface CookieContext {
  req: { url: string; header(name: string): string | undefined };
  header(name: string, value: string, options?: { append?: boolean }): void;
}

export const cookieName = (vendorId: number) => `orion_cart_${vendorId}`;

// One key per plugin context (per kernel), read once.
const keys = new WeakMap<PluginContext, Promise<string>>();

/** The plugin's signing key: the oldest row of `cart__keys`, created on first use. */
export function signingKey(ctx: PluginContext): Promise<string> {
  let key = keys.get(ctx);
  if (!key) {
    key = loadKey(ctx);
    key.catch(() => keys.delete(ctx));
    keys.set(ctx, key);
  }
  return key;
}

async function loadKey(ctx: PluginContext): Promise<string> {
  const row = await ctx.db('cart__keys').orderBy('id').first<{ secret: string } | undefined>('secret');
  if (row) return row.secret;
  await ctx.db('cart__keys').insert({ secret: crypto.randomBytes(32).toString('base64url') });
  const first = await ctx.db('cart__keys').orderBy('id').first<{ secret: string }>('secret');
  return first.secret;
}

const mac = (secret: string, value: string) => crypto.createHmac('sha256', secret).update(value).digest('base64url');

export function signValue(secret: string, value: string): string {
  return `${value}.${mac(secret, value)}`;
}

/** The value when the signature holds, else undefined. */
export function verifySignedValue(secret: string, signed: string): string | undefined {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const value = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(mac(secret, value));
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? value : undefined;
}

export const newToken = () => crypto.randomBytes(24).toString('base64url');
export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export function readCookie(c: CookieContext, name: string): string | undefined {
  const header = c.req.header('cookie') ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function writeCookie(c: CookieContext, name: string, value: string, maxAgeSeconds: number): void {
  const secure = new URL(c.req.url).protocol === 'https:' ? '; Secure' : '';
  c.header(
    'set-cookie',
    `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`,
    { append: true },
  );
}
