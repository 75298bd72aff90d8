/** The Content-Security-Policy of every page: our own scripts only (htmx is served from our origin), no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

/**
 * The security headers every response carries; the server sets them (`listen({ headers })`) and a handler that
 * sets one itself wins. Helmet's set, less the headers only legacy clients read (X-XSS-Protection, which modern
 * browsers ignore; X-Download-Options for IE 8; X-Permitted-Cross-Domain-Policies for Flash; X-DNS-Prefetch-Control;
 * Origin-Agent-Cluster): each header is paid for on every response, and those protect no current browser.
 */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['content-security-policy', CONTENT_SECURITY_POLICY],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
];
