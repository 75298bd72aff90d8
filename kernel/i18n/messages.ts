/**
 * Message catalogues and the `t(key, params)` that views use. A catalogue is a flat map of keys to messages, one per
 * language; English is complete and is the fallback of every other language, key by key. Parameters are written
 * `{name}` in a message and replaced by `params.name`.
 */

/** One language's messages. */
export type Catalogue = Readonly<Record<string, string>>;

/**
 * The catalogues of a plugin (or of the kernel): `en` is complete and defines the keys; the other languages give a
 * subset of them.
 */
export type Messages<K extends string = string> = { en: Readonly<Record<K, string>> } & {
  readonly [lang: string]: Readonly<Partial<Record<K, string>>> | undefined;
};

/** Translates a key into the request's language (English when the language lacks it). */
export type Translate<K extends string = string> = (key: K, params?: Record<string, string | number>) => string;

/**
 * Declares a set of catalogues, typed by the English one: a key missing in English does not compile, and a key in
 * another language that English lacks does not compile either.
 *
 * @example
 * const en = { 'notes.title': 'Notes', 'notes.count': '{count} notes' };
 * export const messages = defineMessages(en, { fr: { 'notes.title': 'Notes' }, de: { 'notes.title': 'Notizen' } });
 */
export function defineMessages<K extends string>(
  en: Readonly<Record<K, string>>,
  others: Readonly<Record<string, Readonly<Partial<Record<K, string>>>>> = {},
): Messages<K> {
  return { ...others, en } as Messages<K>;
}

/** `{name}` → `params.name`; a parameter the message does not name is ignored, one it names but lacks stays as is. */
export function interpolate(message: string, params?: Record<string, string | number>): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** A `t` for one language: its message, else the English one, else the key itself (visible, never a crash). */
export function createTranslator<K extends string>(messages: Messages<K>, language: string): Translate<K> {
  const own = messages[language] as Partial<Record<K, string>> | undefined;
  return (key, params) => interpolate(own?.[key] ?? messages.en[key] ?? key, params);
}

/** Looks a key up without typing, for labels that may or may not have a message (menu items, sections). */
export function lookup(messages: Messages | undefined, language: string, key: string): string | undefined {
  if (!messages) return undefined;
  return messages[language]?.[key] ?? messages.en[key];
}
