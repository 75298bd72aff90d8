import type { Context, MiddlewareHandler } from 'hono';
import { clearAuthCookies, setAuthCookies } from '../auth/cookies.js';
import type { Auth } from '../auth/index.js';
import type { TokenPair } from '../auth/service.js';
import type { AuthArea } from '../auth/tokens.js';
import { rotateCsrfToken } from '../security/csrf.js';
import { seeOther } from './redirect.js';

/** Sets the area's cookies after a sign-in from a form, and gives the browser a new CSRF secret. */
export function startBrowserSession(c: Context, auth: Auth, area: AuthArea, pair: TokenPair): void {
  setAuthCookies(c, area, pair, auth.cookieOptions);
  rotateCsrfToken(c);
}

/** Ends the signed-in session (if any), clears the area's cookies, and rotates the CSRF secret. */
export async function endBrowserSession(c: Context, auth: Auth, area: AuthArea): Promise<void> {
  const principal = c.get('principal');
  const sessionId = principal && 'sessionId' in principal ? principal.sessionId : undefined;
  if (sessionId) await auth.service.logout(sessionId);
  clearAuthCookies(c, area, auth.cookieOptions.secure);
  rotateCsrfToken(c);
}

/**
 * Sends a visitor who is not signed in to the sign-in page of the area, which brings them back afterwards. Put it
 * after the area's authentication middleware with `required: false`.
 */
export function requireSignIn(loginPath: (c: Context) => string): MiddlewareHandler {
  return async function requireSignIn(c, next) {
    if (c.get('principal')) return next();
    const url = new URL(c.req.url);
    const here = c.req.method === 'GET' ? `?next=${encodeURIComponent(url.pathname + url.search)}` : '';
    return seeOther(c, `${loginPath(c)}${here}`);
  };
}
