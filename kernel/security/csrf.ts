import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Logger } from 'pino';
import { errorResponse } from '../http/middleware/error-handler/index.js';
import { csrfKey, isBrowserSecret, newBrowserSecret, signToken, verifyToken } from './csrf-token.js';
import { SecurityErrors } from './errors.js';

/** The hidden form field and the request header (htmx, fetch) that carry the token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

export interface CsrfOptions {
  /** The kernel secret (`config.secret`): tokens are signed with a key derived from it. */
  secret: string;
  /**
   * HTTPS only: the cookie gets `Secure` and the `__Host-` prefix, so that no sibling subdomain can plant its
   * own. Pass `config.env === 'production'`.
   */
  secure: boolean;
  /** Other origins whose pages may send forms here, such as `https://admin.example.com`. */
  trustedOrigins?: string[];
  /** Where to log refusals (at warn), with the reason. */
  logger?: Logger;
}

interface CsrfState {
  key: Buffer;
  cookie: string;
  secure: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;
/** A year: a form left open in a tab, or restored with the browser, still sends. */
const COOKIE_MAX_AGE_S = 365 * 24 * 3600;
const states = new WeakMap<Context, CsrfState>();

/**
 * Refuses unsafe requests (POST, PUT, PATCH, DELETE…) to cookie-authenticated HTML areas unless they carry a token
 * for this browser, in the `_csrf` form field (forms work without JavaScript) or the `X-CSRF-Token` header (htmx),
 * and do not come from another site (`Sec-Fetch-Site: cross-site`, or an `Origin` of another host).
 *
 * Exempt: paths under `/api`, and requests with `Authorization: Bearer`, which a page from another site cannot
 * send. The routes behind it must then authenticate such a request by its token alone, never by a cookie.
 *
 * A refusal answers 403 ORN_HTTP_CSRF_REJECTED: an HTML page for browsers, problem+json for API clients. Every
 * request it lets through gets its token in `c.var.csrfToken`, for the layout's `<meta>` and `hx-headers`.
 *
 * @example
 * admin.use('*', csrfProtection({ secret: config.secret, secure: config.env === 'production', logger }));
 * admin.get('/users/new', (c) => c.html(<form method="post"><input type="hidden" name="_csrf" value={csrfToken(c)} />…</form>));
 */
export function csrfProtection(options: CsrfOptions): MiddlewareHandler {
  const state: CsrfState = {
    key: csrfKey(options.secret),
    cookie: options.secure ? '__Host-orion-csrf' : 'orion-csrf',
    secure: options.secure,
  };
  const trusted = new Set((options.trustedOrigins ?? []).map((o) => new URL(o).origin));
  return async function csrfProtection(c, next) {
    states.set(c, state);
    if (!SAFE_METHODS.has(c.req.method) && !exempt(c)) {
      const reason = refusal(c, trusted) ?? (await tokenRefusal(c, state));
      if (reason) {
        options.logger?.warn({ requestId: c.get('requestId'), path: c.req.path, reason }, 'csrf: request refused');
        return errorResponse(c, SecurityErrors.CsrfRejected({ reason }));
      }
    }
    csrfToken(c);
    await next();
  };
}

/**
 * This browser's token, to embed in a form (`<input type="hidden" name="_csrf">`) or a header. Issues the browser
 * its secret cookie on first use. Throws when the route is not behind `csrfProtection`.
 */
export function csrfToken(c: Context): string {
  const cached = c.get('csrfToken');
  if (cached) return cached;
  const state = states.get(c);
  if (!state) throw new Error('csrfToken(c) needs csrfProtection() in front of this route');
  let secret = getCookie(c, state.cookie);
  if (!isBrowserSecret(secret)) secret = issueSecret(c, state);
  const token = signToken(state.key, secret);
  c.set('csrfToken', token);
  return token;
}

/**
 * This browser's CSRF secret as it sent it (undefined before its first page): what a cached page's tokens depend on,
 * for validators such as an ETag. Never put it in a page.
 */
export function csrfSecretOf(c: Context): string | undefined {
  const state = states.get(c);
  return state ? getCookie(c, state.cookie) : undefined;
}

/**
 * Gives the browser a new secret, so that tokens from before stop working, and returns the new token. Call it when
 * someone signs in or out: a token an attacker planted or saw before then is useless after.
 */
export function rotateCsrfToken(c: Context): string {
  const state = states.get(c);
  if (!state) throw new Error('rotateCsrfToken(c) needs csrfProtection() in front of this route');
  const token = signToken(state.key, issueSecret(c, state));
  c.set('csrfToken', token);
  return token;
}

function issueSecret(c: Context, state: CsrfState): string {
  const secret = newBrowserSecret();
  setCookie(c, state.cookie, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: state.secure,
    maxAge: COOKIE_MAX_AGE_S,
  });
  return secret;
}

function exempt(c: Context): boolean {
  const path = c.req.path;
  if (path === '/api' || path.startsWith('/api/')) return true;
  return /^bearer\s+\S/i.test(c.req.header('authorization') ?? '');
}

/** Why the request looks sent by another site, if it does. */
function refusal(c: Context, trusted: Set<string>): string | undefined {
  const origin = c.req.header('origin');
  if (origin !== undefined && trusted.has(origin)) return undefined;
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site') return 'it was sent from another site';
  if (origin === undefined) return undefined; // older browsers and non-browser clients: the token decides
  // Our pages send `Referrer-Policy: no-referrer`, under which Chromium posts our own forms with `Origin: null`;
  // Fetch Metadata, which no page can forge, still says same-origin. The token decides.
  if (origin === 'null' && site === 'same-origin') return undefined;
  if (origin === 'null') return 'it was sent from a page without an origin';
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return 'its Origin header is malformed';
  }
  // Hosts, not schemes: behind a TLS-terminating proxy the request URL says http while the page said https.
  return host === new URL(c.req.url).host ? undefined : `it was sent from another site (${origin})`;
}

async function tokenRefusal(c: Context, state: CsrfState): Promise<string | undefined> {
  const secret = getCookie(c, state.cookie);
  if (!isBrowserSecret(secret)) return 'the browser sent no CSRF cookie (are cookies blocked?)';
  let token = c.req.header(CSRF_HEADER);
  if (token === undefined && FORM_TYPES.test(c.req.header('content-type') ?? '')) {
    // Hono keeps the parsed form, so the route reads it again at no cost.
    const field = (await c.req.parseBody())[CSRF_FIELD];
    if (typeof field === 'string') token = field;
  }
  if (!token) return `the request carried no CSRF token (${CSRF_FIELD} field or ${CSRF_HEADER} header)`;
  return verifyToken(state.key, secret, token) ? undefined : 'its CSRF token is not valid for this browser';
}

declare module 'hono' {
  interface ContextVariableMap {
    /** This browser's CSRF token; set by `csrfProtection` for every request it lets through. */
    csrfToken?: string;
  }
}
