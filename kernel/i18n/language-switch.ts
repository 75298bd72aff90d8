import type { Context, Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { LANGUAGE_COOKIE, SUPPORTED_LANGUAGES } from '../tenancy/language.js';
import { safeNext, seeOther } from '../ui/redirect.js';
import type { KernelKey } from './locales/index.js';
import { kernelT, languageOf } from './request.js';

const YEAR = 365 * 24 * 3600;

/** The languages a user may switch to here: the vendor's in its dashboard, every supported one in the console. */
export function offeredLanguages(c: Context): readonly string[] {
  const vendor = c.get('vendor');
  return vendor && c.get('area') !== 'admin' ? vendor.languages : SUPPORTED_LANGUAGES;
}

/** What the shell needs to draw the switcher: a form posting `lang` (and `next`, this page) to `action`. */
export interface LanguageChoice {
  action: string;
  next: string;
  label: string;
  apply: string;
  current: string;
  options: { value: string; label: string }[];
}

export function languageChoice(c: Context, root: string): LanguageChoice {
  const t = kernelT(c);
  const url = new URL(c.req.url);
  return {
    action: `${root}/language`,
    // The request's own URL: in path mode it keeps its `/platforms/<code>` prefix.
    next: url.pathname + url.search,
    label: t('shell.language'),
    apply: t('shell.languageApply'),
    current: languageOf(c),
    options: offeredLanguages(c).map((lang) => ({ value: lang, label: t(`language.${lang}` as KernelKey) })),
  };
}

/**
 * `POST <area root>/language`: remembers the chosen language in the `lang` cookie (which tenancy reads before
 * Accept-Language) and goes back to the page. A language the area does not offer is ignored.
 */
export function mountLanguageSwitch(app: Hono, path: string, root: (c: Context) => string): void {
  app.post(path, async (c) => {
    const body = await c.req.parseBody();
    const lang = typeof body.lang === 'string' ? body.lang : '';
    if (offeredLanguages(c).includes(lang)) {
      setCookie(c, LANGUAGE_COOKIE, lang, { path: '/', maxAge: YEAR, sameSite: 'Lax', httpOnly: true });
    }
    return seeOther(c, safeNext(typeof body.next === 'string' ? body.next : undefined, root(c)));
  });
}
