import type { Context } from 'hono';
import { AuthErrors } from './errors.js';

/** Called before a password check and after its outcome: the login throttle (`kernel/security/throttle.ts`). */
export interface PasswordThrottle {
  /** Throws ORN_AUTH_THROTTLED while the email or the address is over its limit. */
  check(c: Context, email: string): Promise<void>;
  record(c: Context, email: string, ok: boolean): Promise<void>;
}

/**
 * Runs a password check under the throttle: refused while throttled; a wrong password (`wrong(err)`) counts against
 * the email and the address, and success clears the account's count. Other errors count for nothing.
 */
export async function throttled<T>(
  throttle: PasswordThrottle | undefined,
  c: Context,
  email: string,
  attempt: () => Promise<T>,
  wrong: (err: unknown) => boolean = AuthErrors.BadCredentials.is,
): Promise<T> {
  await throttle?.check(c, email);
  try {
    const result = await attempt();
    await throttle?.record(c, email, true);
    return result;
  } catch (err) {
    if (wrong(err)) await throttle?.record(c, email, false);
    throw err;
  }
}
