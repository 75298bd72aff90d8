import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { AuthErrors } from '../auth/errors.js';
import type { Auth } from '../auth/index.js';
import { areaLinkBase, type LinkSettings } from '../auth/links.js';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.js';
import type { KernelKey } from '../i18n/locales/index.js';
import type { Translate } from '../i18n/messages.js';
import { kernelT } from '../i18n/request.js';
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

const emailForm = (t: Translate<KernelKey>) => z.object({ email: z.string().trim().email(t('login.error.email')) });
const newPasswordForm = (t: Translate<KernelKey>) =>
  z.object({
    token: z.string().min(1, t('reset.error.token')).max(200),
    password: z.string().min(1, t('reset.error.password')).max(200),
  });

/**
 * `<prefix>/forgot-password` (asks for the email and mails a link) and `<prefix>/reset-password?token=…` (the mailed
 * link: choose a new password), for the admin console and the vendor dashboard. Bare pages, before sign-in, in the
 * request's language. A request gets one answer whether or not the email belongs to an account (it must not tell).
 */
export function mountPasswordResetPages(app: Hono, o: PasswordResetPagesOptions): void {
  const bare = (title: string) => ({ title, bare: true });

  const askPage = (c: Context, values: Record<string, string | string[]>, errors?: FieldErrors, done?: boolean) => {
    const t = kernelT(c);
    return c.render(
      <>
        <h1 class="mb-2 text-xl font-semibold text-gray-900">{t('login.forgot')}</h1>
        {done ? (
          <Alert kind="success">{t('reset.requested')}</Alert>
        ) : (
          <p class="mb-4 text-sm text-gray-700">{t('reset.intro')}</p>
        )}
        <Form action={`${o.root(c)}/forgot-password`} csrf={csrfToken(c)}>
          <ErrorSummary errors={errors} message={errors ? t('form.errorSummary') : undefined} />
          <TextField
            name="email"
            label={t('login.email')}
            type="email"
            autocomplete="username"
            required
            value={formValue(values, 'email')}
            error={errors?.email}
          />
          <Button class="w-full">{t('reset.send')}</Button>
        </Form>
        <p class="mt-4 text-center text-sm">
          <a class="text-brand-700 underline" href={`${o.root(c)}/login`}>
            {t('reset.backToSignIn')}
          </a>
        </p>
      </>,
      bare(t('login.forgot')),
    );
  };

  app.get(`${o.prefix}/forgot-password`, (c) => askPage(c, {}));
  app.post(`${o.prefix}/forgot-password`, async (c) => {
    const form = await readForm(c, emailForm(kernelT(c)));
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

  const choosePage = (
    c: Context,
    values: Record<string, string | string[]>,
    errors?: FieldErrors,
    message?: string,
  ) => {
    const t = kernelT(c);
    return c.render(
      <>
        <h1 class="mb-4 text-xl font-semibold text-gray-900">{t('reset.choose')}</h1>
        <Form action={`${o.root(c)}/reset-password`} csrf={csrfToken(c)}>
          <ErrorSummary errors={errors} message={message ?? (errors ? t('form.errorSummary') : undefined)} />
          <input type="hidden" name="token" value={formValue(values, 'token') ?? ''} />
          <TextField
            name="password"
            label={t('profile.newPassword')}
            type="password"
            autocomplete="new-password"
            hint={t('profile.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
            required
            error={errors?.password}
          />
          <Button class="w-full">{t('reset.submit')}</Button>
        </Form>
      </>,
      bare(t('reset.choose')),
    );
  };

  app.get(`${o.prefix}/reset-password`, (c) => choosePage(c, { token: c.req.query('token') ?? '' }));
  app.post(`${o.prefix}/reset-password`, async (c) => {
    const t = kernelT(c);
    const form = await readForm(c, newPasswordForm(t));
    if (!form.ok) {
      c.status(422);
      return choosePage(c, form.values, form.errors);
    }
    try {
      await o.auth.passwordResets.confirm({ area: o.area, token: form.data.token, password: form.data.password });
    } catch (err) {
      if (AuthErrors.TokenInvalid.is(err)) {
        c.status(410);
        return choosePage(c, form.values, undefined, t('reset.error.expired'));
      }
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      c.status(422);
      // The service's reasons are English: say it again in the request's language.
      const password = fields.password ? t('profile.error.new', { min: MIN_PASSWORD_LENGTH }) : undefined;
      return choosePage(c, form.values, password ? { password } : fields);
    }
    setFlash(c, { kind: 'success', text: t('reset.done') });
    return seeOther(c, `${o.root(c)}/login`);
  });
}
