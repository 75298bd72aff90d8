import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { clientIp } from '../../auth/authenticate.js';
import { AuthErrors } from '../../auth/errors.js';
import type { Auth } from '../../auth/index.js';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import type { KernelKey } from '../../i18n/locales/index.js';
import type { Translate } from '../../i18n/messages.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import { Button } from '../../ui/components/button.js';
import { ErrorSummary, type FieldErrors, Form, TextField } from '../../ui/components/form.js';
import { setFlash } from '../../ui/flash.js';
import { fieldErrorsOf, formValue, readForm } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import { startBrowserSession } from '../../ui/session.js';
import { vendorOf, vendorRoot } from '../scope.js';

const acceptForm = (t: Translate<KernelKey>) =>
  z.object({
    token: z.string().min(1, t('reset.error.token')).max(200),
    displayName: z.string().trim().max(120, t('invitation.error.name')).optional(),
    password: z.string().max(200).optional(),
  });

/**
 * `GET/POST /vendor/<code>/accept-invitation?token=…`: the page behind the invitation mail's link. A new account
 * chooses its password here; the member is then signed in to the vendor. In the request's language.
 */
export function mountAcceptInvitation(app: Hono, deps: { auth: Auth }): void {
  const render = (c: Context, values: Record<string, string | string[]>, errors?: FieldErrors, message?: string) =>
    c.render(<AcceptPage c={c} values={values} errors={errors} message={message} />, {
      title: kernelT(c)('invitation.accept'),
      bare: true,
    });

  app.get('/vendor/:vendorCode/accept-invitation', (c) => render(c, { token: c.req.query('token') ?? '' }));

  app.post('/vendor/:vendorCode/accept-invitation', async (c) => {
    const t = kernelT(c);
    const form = await readForm(c, acceptForm(t));
    if (!form.ok) {
      c.status(422);
      return render(c, form.values, form.errors);
    }
    const { token, password, displayName } = form.data;
    try {
      const pair = await deps.auth.invitations.accept(
        { token, password: password || undefined, displayName: displayName || undefined },
        { ip: clientIp(c), userAgent: c.req.header('user-agent') },
      );
      startBrowserSession(c, deps.auth, 'vendor', pair);
    } catch (err) {
      if (AuthErrors.TokenInvalid.is(err)) {
        c.status(410);
        return render(c, form.values, undefined, t('invitation.error.expired'));
      }
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      c.status(422);
      // The service's reasons are English: say it again in the request's language.
      const password = fields.password ? t('profile.error.new', { min: MIN_PASSWORD_LENGTH }) : undefined;
      return render(c, form.values, password ? { password } : fields);
    }
    setFlash(c, { kind: 'success', text: t('invitation.welcome', { name: vendorOf(c).name }) });
    return seeOther(c, vendorRoot(c));
  });
}

function AcceptPage(props: {
  c: Context;
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
  message?: string;
}) {
  const vendor = vendorOf(props.c);
  const t = kernelT(props.c);
  const errors = props.errors;
  return (
    <>
      <h1 class="mb-2 text-xl font-semibold text-gray-900">{t('invitation.heading', { name: vendor.name })}</h1>
      <p class="mb-4 text-sm text-gray-700">{t('invitation.intro')}</p>
      <Form action={`${vendorRoot(props.c)}/accept-invitation`} csrf={csrfToken(props.c)}>
        <ErrorSummary errors={errors} message={props.message ?? (errors ? t('form.errorSummary') : undefined)} />
        <input type="hidden" name="token" value={formValue(props.values, 'token') ?? ''} />
        <TextField
          name="displayName"
          label={t('invitation.name')}
          autocomplete="name"
          value={formValue(props.values, 'displayName')}
          error={props.errors?.displayName}
        />
        <TextField
          name="password"
          label={t('login.password')}
          type="password"
          autocomplete="new-password"
          hint={t('profile.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          error={props.errors?.password}
        />
        <Button class="w-full">{t('invitation.accept')}</Button>
      </Form>
    </>
  );
}
