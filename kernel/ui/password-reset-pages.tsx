import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { AuthErrors } from '../auth/errors.js';
import type { Auth } from '../auth/index.js';
import { areaLinkBase, type LinkSettings } from '../auth/links.js';
import { csrfToken } from '../security/csrf.js';
import { Alert } from './components/alert.js';
import { Button } from './components/button.js';
import { ErrorSummary, type FieldErrors, Form, TextField } from './components/form.js';
import { setFlash } from './flash.js';
import { fieldErrorsOf, formValue, readForm } from './forms.js';
import { seeOther } from './redirect.js';

export interface PasswordResetPagesOptions {
  auth: Auth;
  area: 'admin' | 'vendor';
  /** The route prefix: `/admin` or `/vendor/:vendorCode`. */
  prefix: string;
  /** The area's root URL for this request (links and redirects). */
  root: (c: Context) => string;
  links: LinkSettings;
}

const EmailForm = z.object({ email: z.string().trim().email('Enter your email address, such as name@example.com.') });
const NewPasswordForm = z.object({
  token: z.string().min(1, 'This link is incomplete: open the link from the mail again.').max(200),
  password: z.string().min(1, 'Choose a new password.').max(200),
});

/** The one answer to a request, whether or not the email belongs to an account (it must not tell). */
export const RESET_REQUESTED = 'If this email belongs to an account, a link to choose a new password is on its way.';

/**
 * `<prefix>/forgot-password` (asks for the email and mails a link) and `<prefix>/reset-password?token=…` (the mailed
 * link: choose a new password), for the admin console and the vendor dashboard. Bare pages, before sign-in.
 */
export function mountPasswordResetPages(app: Hono, o: PasswordResetPagesOptions): void {
  const bare = (title: string) => ({ title, bare: true });

  const askPage = (c: Context, values: Record<string, string | string[]>, errors?: FieldErrors, done?: boolean) =>
    c.render(
      <>
        <h1 class="mb-2 text-xl font-semibold text-gray-900">Forgot your password?</h1>
        {done ? (
          <Alert kind="success">{RESET_REQUESTED}</Alert>
        ) : (
          <p class="mb-4 text-sm text-gray-700">Enter your email: we mail you a link to choose a new password.</p>
        )}
        <Form action={`${o.root(c)}/forgot-password`} csrf={csrfToken(c)}>
          <ErrorSummary errors={errors} />
          <TextField
            name="email"
            label="Email"
            type="email"
            autocomplete="username"
            required
            value={formValue(values, 'email')}
            error={errors?.email}
          />
          <Button class="w-full">Send the link</Button>
        </Form>
        <p class="mt-4 text-center text-sm">
          <a class="text-brand-700 underline" href={`${o.root(c)}/login`}>
            Back to sign-in
          </a>
        </p>
      </>,
      bare('Forgot your password?'),
    );

  app.get(`${o.prefix}/forgot-password`, (c) => askPage(c, {}));
  app.post(`${o.prefix}/forgot-password`, async (c) => {
    const form = await readForm(c, EmailForm);
    if (!form.ok) {
      c.status(422);
      return askPage(c, form.values, form.errors);
    }
    await o.auth.passwordResets.request({
      area: o.area,
      email: form.data.email,
      vendorCode: o.area === 'vendor' ? c.get('vendor')?.code : undefined,
      linkBase: areaLinkBase(c, o.area, o.links),
      platformId: c.get('platform')?.id,
    });
    return askPage(c, form.values, undefined, true);
  });

  const choosePage = (c: Context, values: Record<string, string | string[]>, errors?: FieldErrors, message?: string) =>
    c.render(
      <>
        <h1 class="mb-4 text-xl font-semibold text-gray-900">Choose a new password</h1>
        <Form action={`${o.root(c)}/reset-password`} csrf={csrfToken(c)}>
          <ErrorSummary errors={errors} message={message} />
          <input type="hidden" name="token" value={formValue(values, 'token') ?? ''} />
          <TextField
            name="password"
            label="New password"
            type="password"
            autocomplete="new-password"
            hint="At least 8 characters."
            required
            error={errors?.password}
          />
          <Button class="w-full">Change the password</Button>
        </Form>
      </>,
      bare('Choose a new password'),
    );

  app.get(`${o.prefix}/reset-password`, (c) => choosePage(c, { token: c.req.query('token') ?? '' }));
  app.post(`${o.prefix}/reset-password`, async (c) => {
    const form = await readForm(c, NewPasswordForm);
    if (!form.ok) {
      c.status(422);
      return choosePage(c, form.values, form.errors);
    }
    try {
      await o.auth.passwordResets.confirm({ area: o.area, token: form.data.token, password: form.data.password });
    } catch (err) {
      if (AuthErrors.TokenInvalid.is(err)) {
        c.status(410);
        return choosePage(c, form.values, undefined, 'This link is no longer valid. Ask for a new one.');
      }
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      c.status(422);
      return choosePage(c, form.values, fields);
    }
    setFlash(c, { kind: 'success', text: 'Your password was changed. Sign in with it.' });
    return seeOther(c, `${o.root(c)}/login`);
  });
}
