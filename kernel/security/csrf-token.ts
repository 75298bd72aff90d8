import crypto from 'node:crypto';

/**
 * The signed double-submit token. Each browser holds a random secret in an HttpOnly cookie; a token is a fresh
 * random salt plus an HMAC of salt and secret. A page from another site can neither read the cookie nor compute a
 * token, and a fresh salt per page keeps tokens from repeating in compressed responses (BREACH).
 */

const SECRET_BYTES = 32;
const SALT_BYTES = 16;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The HMAC key, derived from the kernel secret, so that a CSRF token can never pass for another signed value. */
export function csrfKey(kernelSecret: string): Buffer {
  return crypto.createHmac('sha256', kernelSecret).update('orion.csrf.v1').digest();
}

export function newBrowserSecret(): string {
  return crypto.randomBytes(SECRET_BYTES).toString('base64url');
}

/** Whether a cookie value looks like a secret we issued (a tampered or truncated one is replaced). */
export function isBrowserSecret(value: string | undefined): value is string {
  return value !== undefined && SECRET_PATTERN.test(value);
}

function mac(key: Buffer, salt: string, browserSecret: string): Buffer {
  return crypto.createHmac('sha256', key).update(`${salt}.${browserSecret}`).digest();
}

export function signToken(key: Buffer, browserSecret: string): string {
  const salt = crypto.randomBytes(SALT_BYTES).toString('base64url');
  return `${salt}.${mac(key, salt, browserSecret).toString('base64url')}`;
}

export function verifyToken(key: Buffer, browserSecret: string, token: string): boolean {
  const [salt, signature, extra] = token.split('.');
  if (!salt || !signature || extra !== undefined) return false;
  const expected = mac(key, salt, browserSecret);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
