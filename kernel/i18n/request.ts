import type { Context } from 'hono';
import { type Formatters, formatters } from './format.js';
import { KERNEL_MESSAGES, type KernelKey } from './locales/index.js';
import { createTranslator, type Messages, type Translate } from './messages.js';

/** The request's language, resolved by tenancy (`lang` cookie, then Accept-Language); English outside the areas. */
export const languageOf = (c: Context): string => c.get('language') ?? 'en';

/**
 * A `t` for this request's language over a plugin's catalogues, and the locale's formatters. A slot fill, which gets
 * no request, passes the `language` prop the kernel gives it instead: `translator(props.language, messages)`.
 *
 * @example
 * import { translator } from '@orion/sdk/ui';
 * import { messages } from '../locales/index.js';
 * const { t, fmt } = translator(c, messages);
 * t('notes.count', { count: 3 }); fmt.money(Money.of(1999, 'EUR'));
 */
export function translator<K extends string>(
  from: Context | string,
  messages: Messages<K>,
): { t: Translate<K>; fmt: Formatters } {
  const language = typeof from === 'string' ? from : languageOf(from);
  return { t: createTranslator(messages, language), fmt: formatters(language) };
}

/** The kernel's own `t` for this request. */
export const kernelT = (c: Context): Translate<KernelKey> => createTranslator(KERNEL_MESSAGES, languageOf(c));
