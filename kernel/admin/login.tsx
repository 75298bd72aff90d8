import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { clientIp } from '../auth/authenticate.js';
import { AuthErrors } from '../auth/errors.js';
import type { Auth } from '../auth/index.js';
import { throttled } from '../auth/throttled.js';
import { csrfToken } from '../security/csrf.js';
import { SecurityErrors } from '../security/errors.js';
import { Button } from '../ui/components/button.js';
import { ErrorSummary, type FieldErrors, Form, TextField } from '../ui/components/form.js';
import { formValue, readForm } from '../ui/forms.js';
import { safeNext, seeOther } from '../ui/redirect.js';
import { endBrowserSession, startBrowserSession } from '../ui/session.js';

export const Credentials = z.object({
  email: z.string().trim().email('Enter your email address, such as name@example.com.').max(320),
  password: z.string().min(1, 'Enter your password.').max(200),
  next: z.string().max(2000).optional(),
});

/** The sign-in form of an area, shared by the admin console and the vendor dashboard. */
export function SignInForm(props: {
  c: Context;
  action: string;
  heading: string;
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  message?: string;
  /** The area's "forgot your password" page. */
  forgotHref?: string;
}) {
  return (
    <>
      <h1 class="mb-4 text-xl font-semibold text-gray-900">{props.heading}</h1>
      <Form action={props.action} csrf={csrfToken(props.c)}>
        <ErrorSummary errors={props.errors} message={props.message} />
        <input type="hidden" name="next" value={formValue(props.values, 'next') ?? ''} />
        <TextField
          name="email"
          label="Email"
          type="email"
          autocomplete="username"
          required
          value={formValue(props.values, 'email')}
          error={props.errors?.email}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          required
          error={props.errors?.password}
        />
        <Button class="w-full">Sign in</Button>
      </Form>
      {props.forgotHref ? (
        <p class="mt-4 text-center text-sm">
          <a class="text-brand-700 underline" href={props.forgotHref}>
            Forgot your password?
          </a>
        </p>
      ) : null}
    </>
  );
}

/** The message for a refused sign-in: the same whether the email exists or not. */
export function signInRefusal(err: unknown): { status: 401 | 429; message: string } | undefined {
  if (AuthErrors.BadCredentials.is(err)) return { status: 401, message: 'The email or the password is wrong.' };
  if (SecurityErrors.Throttled.is(err)) {
    return { status: 429, message: 'Too many failed sign-ins. Wait a few minutes, then try again.' };
  }
  return undefined;
}

/** `GET/POST <root>/login` and `POST <root>/logout` of the admin console. */
export function mountAdminLogin(app: Hono, deps: { auth: Auth; root: (c: Context) => string }): void {
  const { auth, root } = deps;
  const heading = 'Sign in to the admin console';

  app.get('/admin/login', (c) => {
    if (c.get('principal')?.kind === 'admin') return c.redirect(root(c), 303);
    return c.render(
      <SignInForm
        c={c}
        action={`${root(c)}/login`}
        heading={heading}
        values={{ next: c.req.query('next') ?? '' }}
        forgotHref={`${root(c)}/forgot-password`}
      />,
      { title: 'Sign in', bare: true },
    );
  });

  app.post('/admin/login', async (c) => {
    const form = await readForm(c, Credentials);
    const again = (status: 401 | 422 | 429, errors?: FieldErrors, message?: string) => {
      c.status(status);
      return c.render(
        <SignInForm
          c={c}
          action={`${root(c)}/login`}
          heading={heading}
          values={form.values}
          errors={errors}
          message={message}
          forgotHref={`${root(c)}/forgot-password`}
        />,
        { title: 'Sign in', bare: true },
      );
    };
    if (!form.ok) return again(422, form.errors);
    const { email, password } = form.data;
    try {
      const pair = await throttled(auth.passwordThrottle, c, email, () =>
        auth.service.loginAdmin(email, password, { ip: clientIp(c), userAgent: c.req.header('user-agent') }),
      );
      startBrowserSession(c, auth, 'admin', pair);
    } catch (err) {
      const refusal = signInRefusal(err);
      if (!refusal) throw err;
      return again(refusal.status, undefined, refusal.message);
    }
    return seeOther(c, safeNext(form.data.next, root(c)));
  });

  app.post('/admin/logout', async (c) => {
    await endBrowserSession(c, auth, 'admin');
    return seeOther(c, `${root(c)}/login`);
  });
}
