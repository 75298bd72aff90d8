import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { clientIp } from '../auth/authenticate.js';
import type { Auth } from '../auth/index.js';
import { throttled } from '../auth/throttled.js';
import { kernelT } from '../i18n/request.js';
import type { FieldErrors } from '../ui/components/form.js';
import { readForm } from '../ui/forms.js';
import { safeNext, seeOther } from '../ui/redirect.js';
import { endBrowserSession, startBrowserSession } from '../ui/session.js';
import { TranslatedSignInForm, translatedRefusal } from '../ui/sign-in-form.js';

export const Credentials = z.object({
  email: z.string().trim().email('Enter your email address, such as name@example.com.').max(320),
  password: z.string().min(1, 'Enter your password.').max(200),
  next: z.string().max(2000).optional(),
});

/** `GET/POST <root>/login` and `POST <root>/logout` of the admin console, in the request's language. */
export function mountAdminLogin(app: Hono, deps: { auth: Auth; root: (c: Context) => string }): void {
  const { auth, root } = deps;

  app.get('/admin/login', (c) => {
    if (c.get('principal')?.kind === 'admin') return c.redirect(root(c), 303);
    return c.render(
      <TranslatedSignInForm
        c={c}
        action={`${root(c)}/login`}
        name={kernelT(c)('login.adminConsole')}
        values={{ next: c.req.query('next') ?? '' }}
        forgotHref={`${root(c)}/forgot-password`}
      />,
      { title: kernelT(c)('login.title'), bare: true },
    );
  });

  app.post('/admin/login', async (c) => {
    const form = await readForm(c, Credentials);
    const again = (status: 401 | 422 | 429, errors?: FieldErrors, message?: string) => {
      c.status(status);
      return c.render(
        <TranslatedSignInForm
          c={c}
          action={`${root(c)}/login`}
          name={kernelT(c)('login.adminConsole')}
          values={form.values}
          errors={errors}
          message={message}
          forgotHref={`${root(c)}/forgot-password`}
        />,
        { title: kernelT(c)('login.title'), bare: true },
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
      const refusal = translatedRefusal(c, err);
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
