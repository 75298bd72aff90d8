/** Languages Orion has catalogues for; a platform or vendor offers a subset. */
export const SUPPORTED_LANGUAGES = ['en', 'fr', 'de', 'lb'] as const;

export const LANGUAGE_COOKIE = 'lang';

/**
 * The request's language: the `lang` cookie, else the best match in Accept-Language (by q, then order), limited to
 * `offered`; else `fallback`. Region tags match their language (`fr-LU` → `fr`).
 */
export function pickLanguage(
  cookieHeader: string | undefined,
  acceptLanguage: string | undefined,
  offered: readonly string[],
  fallback: string,
): string {
  const fromCookie = cookieValue(cookieHeader, LANGUAGE_COOKIE)?.toLowerCase();
  if (fromCookie && offered.includes(fromCookie)) return fromCookie;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part, i) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1, i };
      })
      .filter((r) => r.q > 0)
      .sort((a, b) => b.q - a.q || a.i - b.i);
    for (const r of ranked) if (offered.includes(r.lang)) return r.lang;
  }
  return offered.includes(fallback) ? fallback : (offered[0] ?? fallback);
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
