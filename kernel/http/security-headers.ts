import type { DefaultHeaders } from './server.js';

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
 * sets one itself wins. Documents (HTML, and answers with no body such as redirects) get helmet's set, less the
 * headers only legacy clients read (X-XSS-Protection, which modern browsers ignore; X-Download-Options for IE 8;
 * X-Permitted-Cross-Domain-Policies for Flash; X-DNS-Prefetch-Control; Origin-Agent-Cluster): each header is paid
 * for on every response, and those protect no current browser.
 *
 * Every other answer (JSON, text, images) gets the set OWASP's REST cheat sheet asks of an API: it is never a
 * document that loads resources or opens windows, so the page policy, Referrer-Policy and COOP would say nothing,
 * while `default-src 'none'` keeps an SVG or a mislabelled body from running script, and the resource policy keeps
 * other sites from reading it.
 */
export const SECURITY_HEADERS: DefaultHeaders = {
  documents: [
    ['content-security-policy', CONTENT_SECURITY_POLICY],
    ['cross-origin-opener-policy', 'same-origin'],
    ['cross-origin-resource-policy', 'same-origin'],
    ['referrer-policy', 'no-referrer'],
    ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
  ],
  other: [
    ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
    ['cross-origin-resource-policy', 'same-origin'],
    ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
    ['x-content-type-options', 'nosniff'],
  ],
};
