import type { Context } from 'hono';
import type { z } from 'zod';
import { OrionError } from '../errors/define-error.js';
import { CSRF_FIELD } from '../security/csrf.js';
import type { FieldErrors } from './components/form.js';

export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string | string[]> }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/**
 * Reads a posted form (urlencoded or multipart) and validates it with a zod schema. Repeated fields (checkboxes)
 * come as arrays when the schema expects one. On failure, `errors` has one message per field and `values` what was
 * sent, to re-render the form (passwords are never echoed by `TextField`).
 *
 * @example
 * const form = await readForm(c, z.object({ email: z.string().email('must be an email address') }));
 * if (!form.ok) return c.status(422), c.render(<MyForm errors={form.errors} values={form.values} />, { title });
 */
export async function readForm<S extends z.ZodType>(c: Context, schema: S): Promise<FormResult<z.infer<S>>> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === CSRF_FIELD) continue;
    const strings = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    values[key] = strings.length === 1 ? (strings[0] as string) : strings;
  }
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/** A single string of a form's values (the first, for a repeated field). */
export function formValue(values: Record<string, string | string[]> | undefined, name: string): string | undefined {
  const v = values?.[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Every value of a repeated field (checkboxes). */
export function formValues(values: Record<string, string | string[]> | undefined, name: string): string[] {
  const v = values?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Field errors carried by a coded validation error (ORN_VALIDATION_FAILED's `fields`), if any. */
export function fieldErrorsOf(err: unknown): FieldErrors | undefined {
  return err instanceof OrionError && err.fields ? (err.fields as FieldErrors) : undefined;
}
