import type { Child } from 'hono/jsx';
import { CSRF_FIELD } from '../../security/csrf.js';
import { kitT } from './kit-language.js';

/** Messages per field name, from server-side validation. */
export type FieldErrors = Record<string, string | undefined>;

const INPUT =
  'block w-full rounded-md border-0 px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-gray-300 ring-inset ' +
  'placeholder:text-gray-500 focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-red-600';

/**
 * A form that works without JavaScript: it POSTs (with the CSRF token as a hidden field) and the server redirects or
 * re-renders it with errors. Pass `hx-post`, `hx-target`, `hx-select`… to enhance it with htmx.
 *
 * @example
 * <Form action="/admin/vendors/new" csrf={csrfToken(c)}>…</Form>
 */
export function Form({
  action,
  csrf,
  method,
  children,
  class: extra,
  ...rest
}: {
  action: string;
  csrf: string;
  method?: 'post' | 'get';
  children: Child;
  class?: string;
  [attr: string]: unknown;
}) {
  const get = method === 'get';
  return (
    <form method={method ?? 'post'} action={action} class={extra ?? 'space-y-4'} novalidate {...rest}>
      {get ? null : <input type="hidden" name={CSRF_FIELD} value={csrf} />}
      {children}
    </form>
  );
}

/** Lists the errors at the top of a form that failed validation, so a screen reader hears them at once. */
export function ErrorSummary(props: { errors?: FieldErrors; message?: string; lang?: string }) {
  const messages = Object.entries(props.errors ?? {}).filter((e): e is [string, string] => Boolean(e[1]));
  if (!messages.length && !props.message) return null;
  return (
    <div role="alert" class="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
      <p class="font-medium">{props.message ?? kitT(props.lang)('form.errorSummary')}</p>
      {messages.length ? (
        <ul class="mt-1 list-disc pl-5">
          {messages.map(([name, message]) => (
            <li>
              <a class="underline" href={`#field-${name}`}>
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function FieldShell(props: { name: string; label: string; hint?: string; error?: string; children: Child }) {
  return (
    <div>
      <label for={`field-${props.name}`} class="mb-1 block text-sm font-medium text-gray-900">
        {props.label}
      </label>
      {props.children}
      {props.hint && !props.error ? (
        <p id={`field-${props.name}-hint`} class="mt-1 text-xs text-gray-600">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`field-${props.name}-error`} class="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function described(name: string, hint?: string, error?: string): string | undefined {
  if (error) return `field-${name}-error`;
  return hint ? `field-${name}-hint` : undefined;
}

/** A labelled text input with its server-side error (`aria-invalid`, `aria-describedby`). */
export function TextField(props: {
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'date' | 'number';
  error?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  placeholder?: string;
}) {
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={props.error}>
      <input
        id={`field-${props.name}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : props.value}
        required={props.required}
        autocomplete={props.autocomplete}
        placeholder={props.placeholder}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described(props.name, props.hint, props.error)}
        class={INPUT}
      />
    </FieldShell>
  );
}

/** A labelled select. */
export function SelectField(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: string;
  hint?: string;
  [attr: string]: unknown;
}) {
  const { name, label, options, value, error, hint, ...rest } = props;
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <select
        id={`field-${name}`}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described(name, hint, error)}
        class={INPUT}
        {...rest}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A group of checkboxes sharing one name, in a fieldset with its legend. */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  error?: string;
}) {
  return (
    <fieldset
      id={`field-${props.name}`}
      aria-describedby={props.error ? `field-${props.name}-error` : undefined}
      tabindex={-1}
    >
      <legend class="mb-1 text-sm font-medium text-gray-900">{props.legend}</legend>
      <div class="flex flex-wrap gap-4">
        {props.options.map((o) => (
          <label class="inline-flex items-center gap-2 text-sm text-gray-900">
            <input
              type="checkbox"
              name={props.name}
              value={o.value}
              checked={props.checked.includes(o.value)}
              class="size-4 rounded border-gray-400 text-brand-600"
            />
            {o.label}
          </label>
        ))}
      </div>
      {props.error ? (
        <p id={`field-${props.name}-error`} class="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
