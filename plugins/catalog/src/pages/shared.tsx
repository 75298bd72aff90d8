import { currencyExponent, Money, OrionError } from '@orion/sdk';
import type { BadgeTone, FieldErrors } from '@orion/sdk/ui';
import { type Translate, translator } from '@orion/sdk/ui';
import type { Context } from 'hono';
import type { en } from '../locales/en.js';
import { messages } from '../locales/index.js';

export type T = Translate<keyof typeof en>;
export const tr = (c: Context) => translator(c, messages);

/** `/vendor/<code>/catalog`, with the tenant's base path when the dashboard is served under one. */
export const root = (c: Context) => `${c.get('tenant')?.base ?? ''}/vendor/${c.get('vendor')?.code}/catalog`;

export const STATUS_TONE: Record<string, BadgeTone> = { draft: 'gray', active: 'green', archived: 'yellow' };

/** A positive id from the path, or undefined (the route then answers 404). */
export function idParam(c: Context, name = 'id'): number | undefined {
  const n = Number(c.req.param(name));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** "12.50" or "12,5" in the currency's minor units; undefined when it is not an amount. */
export function parseAmount(input: string, currency: string): number | undefined {
  const digits = currencyExponent(currency);
  const m = input.trim().match(/^(\d{1,12})(?:[.,](\d+))?$/);
  if (!m || (m[2] ?? '').length > digits) return undefined;
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || 0);
}

/** Minor units back to the decimal a person types ("1250" EUR → "12.50"). */
export function amountInput(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '';
  return Money.toDecimal(Money.of(minor, currency));
}

/**
 * Field errors of a catalog error (`CATALOG_DUPLICATE`, `CATALOG_INVALID`) with its field names mapped onto the
 * form's (`variants.0.price.currency` → `price`); undefined for any other error, which the caller rethrows.
 */
export function formErrorsOf(err: unknown, t: T, map: Record<string, string> = {}): FieldErrors | undefined {
  if (!(err instanceof OrionError) || !err.fields || (err.status !== 409 && err.status !== 422)) return undefined;
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(err.fields)) {
    const key =
      Object.entries(map).find(([prefix]) => field.startsWith(prefix))?.[1] ?? field.split('.').pop() ?? field;
    out[key] ??= message === 'is already taken in this shop' ? t('catalog.error.taken') : message;
  }
  return out;
}

const INPUT =
  'block w-full rounded-md border border-gray-400 px-3 py-2 text-sm text-gray-900 focus:border-blue-700 focus:outline-none focus:ring-2 focus:ring-blue-700';

/** A labelled multi-line field, shaped like the kit's TextField (the kit has no textarea). */
export function TextArea(props: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  rows?: number;
}) {
  const id = `field-${props.name}`;
  const describedBy = props.error ? `${id}-error` : props.hint ? `${id}-hint` : undefined;
  return (
    <div>
      <label for={id} class="mb-1 block text-sm font-medium text-gray-900">
        {props.label}
      </label>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 6}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        class={INPUT}
      >
        {props.value ?? ''}
      </textarea>
      {props.hint && !props.error ? (
        <p id={`${id}-hint`} class="mt-1 text-xs text-gray-600">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} class="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled checkbox posting `on`. */
export function Checkbox(props: { name: string; label: string; checked?: boolean }) {
  return (
    <div class="flex items-center gap-2">
      <input id={`field-${props.name}`} type="checkbox" name={props.name} value="on" checked={props.checked} />
      <label for={`field-${props.name}`} class="text-sm text-gray-900">
        {props.label}
      </label>
    </div>
  );
}
