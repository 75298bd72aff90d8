import type { Money } from '../money/index.js';
import { format as formatMoneyIntl } from '../money/money.js';

/**
 * Dates, numbers and money for people, in a language, with Intl. The language is the request's
 * (`c.get('language')`); `fr` gives `28/11/2026` and `1 234,56 €`, `de` gives `28.11.2026` and `1.234,56 €`.
 */
export interface Formatters {
  date(d: Date | string): string;
  dateTime(d: Date | string): string;
  number(n: number): string;
  money(m: Money): string;
}

const toDate = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d);

export function formatters(language: string, timeZone = 'UTC'): Formatters {
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const number = new Intl.NumberFormat(language);
  return {
    date: (d) => date.format(toDate(d)),
    dateTime: (d) => dateTime.format(toDate(d)),
    number: (n) => number.format(n),
    money: (m) => formatMoneyIntl(m, language),
  };
}
