import { KERNEL_MESSAGES, type KernelKey } from '../../i18n/locales/index.js';
import type { Translate } from '../../i18n/messages.js';

/**
 * A stored state (`active`, `suspended`, `enabled`…) in the reader's language: the key `status.<state>`, or the
 * value as stored when the catalogue has no word for it (a state added later still shows).
 */
export function statusLabel(t: Translate<KernelKey>, state: string): string {
  const key = `status.${state}`;
  return key in KERNEL_MESSAGES.en ? t(key as KernelKey) : state;
}

/** A language code by its name in the catalogue (`language.fr`), or the code itself. */
export function languageLabel(t: Translate<KernelKey>, code: string): string {
  const key = `language.${code}`;
  return key in KERNEL_MESSAGES.en ? t(key as KernelKey) : code;
}
