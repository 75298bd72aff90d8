import type { Context } from 'hono';
import { AuthErrors } from '../auth/errors.js';
import { kernelT } from '../i18n/request.js';
import { csrfToken } from '../security/csrf.js';
import { SecurityErrors } from '../security/errors.js';
import { Button } from './components/button.js';
import { ErrorSummary, type FieldErrors, Form, TextField } from './components/form.js';
import { formValue } from './forms.js';

/**
 * The sign-in form in the request's language. Field errors from `Credentials` are replaced by the translated
 * message of their field (their English text is the same message).
 */
export function TranslatedSignInForm(props: {
  c: Context;
  action: string;
  /** Shown in the heading: "Sign in to {name}". */
  name: string;
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  message?: string;
  forgotHref?: string;
}) {
  const t = kernelT(props.c);
  const errors: FieldErrors | undefined = props.errors && {
    ...(props.errors.email ? { email: t('login.error.email') } : {}),
    ...(props.errors.password ? { password: t('login.error.password') } : {}),
  };
  return (
    <>
      <h1 class="mb-4 text-xl font-semibold text-gray-900">{t('login.heading', { name: props.name })}</h1>
      <Form action={props.action} csrf={csrfToken(props.c)}>
        <ErrorSummary errors={errors} message={props.message ?? (errors ? t('form.errorSummary') : undefined)} />
        <input type="hidden" name="next" value={formValue(props.values, 'next') ?? ''} />
        <TextField
          name="email"
          label={t('login.email')}
          type="email"
          autocomplete="username"
          required
          value={formValue(props.values, 'email')}
          error={errors?.email}
        />
        <TextField
          name="password"
          label={t('login.password')}
          type="password"
          autocomplete="current-password"
          required
          error={errors?.password}
        />
        <Button class="w-full">{t('login.submit')}</Button>
      </Form>
      {props.forgotHref ? (
        <p class="mt-4 text-center text-sm">
          <a class="text-brand-700 underline" href={props.forgotHref}>
            {t('login.forgot')}
          </a>
        </p>
      ) : null}
    </>
  );
}

/** The translated message for a refused sign-in: the same whether the email exists or not. */
export function translatedRefusal(c: Context, err: unknown): { status: 401 | 429; message: string } | undefined {
  const t = kernelT(c);
  if (AuthErrors.BadCredentials.is(err)) return { status: 401, message: t('login.error.wrong') };
  if (SecurityErrors.Throttled.is(err)) return { status: 429, message: t('login.error.throttled') };
  return undefined;
}
