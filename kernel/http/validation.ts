import type { Hook } from '@hono/zod-openapi';
import { KernelErrors } from '../errors/codes.js';

/**
 * The hook every zod-openapi route uses: invalid input is a 422 problem whose `errors` names each field at fault.
 */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every input and env type
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '(body)';
    fields[key] ??= issue.message;
  }
  const summary = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  throw KernelErrors.ValidationFailed({ summary }, { fields });
};
