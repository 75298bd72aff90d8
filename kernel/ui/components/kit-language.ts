import { createContext, useContext } from 'hono/jsx';
import { KERNEL_MESSAGES, type KernelKey } from '../../i18n/locales/index.js';
import { createTranslator, type Translate } from '../../i18n/messages.js';

/**
 * The language the kit's own words (pager, search, empty state, Cancel, Back…) are written in. The area shell
 * (`c.render`) provides the request's language around every page, so plugin pages need not pass anything; a
 * fragment a route renders with `c.html(...)` outside the shell can wrap itself in
 * `<KitLanguage.Provider value={languageOf(c)}>`. A component's `lang` prop, where it has one, wins.
 */
export const KitLanguage = createContext<string>('en');

/** The kernel's `t` in the kit's language: `lang` if given, else the surrounding `KitLanguage`. */
export function kitT(lang?: string): Translate<KernelKey> {
  return createTranslator(KERNEL_MESSAGES, lang ?? useContext(KitLanguage));
}

/** The surrounding page's language (the request's inside `c.render`), for a component that formats dates. */
export const kitLanguage = (): string => useContext(KitLanguage);
