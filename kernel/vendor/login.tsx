import type { Hono } from 'hono';
import { Credentials } from '../admin/login.js';
import { clientIp } from '../auth/authenticate.js';
import type { Auth } from '../auth/index.js';
import { throttled } from '../auth/throttled.js';
import { kernelT } from '../i18n/request.js';
import type { FieldErrors } from '../ui/components/form.js';
import { readForm } from '../ui/forms.js';
import { safeNext, seeOther } from '../ui/redirect.js';
import { endBrowserSession, startBrowserSession } from '../ui/session.js';
import { TranslatedSignInForm, translatedRefusal } from '../ui/sign-in-form.js';
import { vendorOf, vendorRoot } from './scope.js';

/** `GET/POST /vendor/<code>/login` and `POST /vendor/<code>/logout`: a team member's sign-in to this vendor. */
export function mountVendorLogin(app: Hono, deps: { auth: Auth }): void {
  const { auth } = deps;

  app.get('/vendor/:vendorCode/login', (c) => {
    if (c.get('principal')?.kind === 'vendorUser') return c.redirect(vendorRoot(c), 303);
    return c.render(
      <TranslatedSignInForm
        c={c}
        action={`${vendorRoot(c)}/login`}
        name={vendorOf(c).name}
        values={{ next: c.req.query('next') ?? '' }}
        forgotHref={`${vendorRoot(c)}/forgot-password`}
      />,
      { title: kernelT(c)('login.title'), bare: true },
    );
  });

  app.post('/vendor/:vendorCode/login', async (c) => {
    const vendor = vendorOf(c);
    const form = await readForm(c, Credentials);
    const again = (status: 401 | 422 | 429, errors?: FieldErrors, message?: string) => {
      c.status(status);
      return c.render(
        <TranslatedSignInForm
          c={c}
          action={`${vendorRoot(c)}/login`}
          name={vendor.name}
          values={form.values}
          errors={errors}
          message={message}
          forgotHref={`${vendorRoot(c)}/forgot-password`}
        />,
        { title: kernelT(c)('login.title'), bare: true },
      );
    };
    if (!form.ok) return again(422, form.errors);
    const { email, password } = form.data;
    try {
      const pair = await throttled(auth.passwordThrottle, c, email, () =>
        auth.service.loginVendorUser(email, password, vendor.id, {
          ip: clientIp(c),
          userAgent: c.req.header('user-agent'),
        }),
      );
      startBrowserSession(c, auth, 'vendor', pair);
    } catch (err) {
      const refusal = translatedRefusal(c, err);
      if (!refusal) throw err;
      return again(refusal.status, undefined, refusal.message);
    }
    return seeOther(c, safeNext(form.data.next, vendorRoot(c)));
  });

  app.post('/vendor/:vendorCode/logout', async (c) => {
    await endBrowserSession(c, auth, 'vendor');
    return seeOther(c, `${vendorRoot(c)}/login`);
  });
}
