import { z } from '@orion/sdk';
import { type FieldErrors, type Translate, translator } from '@orion/sdk/ui';
import type { Context } from 'hono';
import { messages, type ProfilesKey } from '../locales/index.js';

export type T = Translate<ProfilesKey>;
export const tr = (c: Context) => translator(c, messages);

/** `/vendor/<code>/customer-profiles`, with the tenant's base path. */
export const root = (c: Context) => `${c.get('tenant')?.base ?? ''}/vendor/${c.get('vendor')?.code}/customer-profiles`;

export const CustomerId = z.coerce.number().int().positive();

export const fullName = (t: T, p: { firstName: string; lastName: string }) =>
  `${p.firstName} ${p.lastName}`.trim() || t('customers.noName');

/** Each field's error in the page's language (`<prefix>.<field>`), rather than the API's English message. */
export const translatedErrors = (t: T, errors: FieldErrors, prefix: string): FieldErrors =>
  Object.fromEntries(
    Object.entries(errors)
      .filter(([, message]) => message)
      .map(([field]) => [field, t(`${prefix}.${field}` as ProfilesKey)]),
  );

/** A posted form's values as strings (the first of a repeated field). */
export const stringValues = (values: Record<string, string | string[]>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));
