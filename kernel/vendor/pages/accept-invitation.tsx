import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { clientIp } from '../../auth/authenticate.js';
import { AuthErrors } from '../../auth/errors.js';
import type { Auth } from '../../auth/index.js';
import { csrfToken } from '../../security/csrf.js';
import { Button } from '../../ui/components/button.js';
import { ErrorSummary, type FieldErrors, Form, TextField } from '../../ui/components/form.js';
import { setFlash } from '../../ui/flash.js';
import { fieldErrorsOf, formValue, readForm } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import { startBrowserSession } from '../../ui/session.js';
import { vendorOf, vendorRoot } from '../scope.js';

const AcceptForm = z.object({
  token: z.string().min(1, 'This link is incomplete: open the link from the mail again.').max(200),
  displayName: z.string().trim().max(120).optional(),
  password: z.string().max(200).optional(),
});

/**
 * `GET/POST /vendor/<code>/accept-invitation?token=…`: the page behind the invitation mail's link. A new account
 * chooses its password here; the member is then signed in to the vendor.
 */
export function mountAcceptInvitation(app: Hono, deps: { auth: Auth }): void {
  const render = (c: Context, values: Record<string, string | string[]>, errors?: FieldErrors, message?: string) =>
    c.render(<AcceptPage c={c} values={values} errors={errors} message={message} />, {
      title: 'Accept the invitation',
      bare: true,
    });

  app.get('/vendor/:vendorCode/accept-invitation', (c) => render(c, { token: c.req.query('token') ?? '' }));

  app.post('/vendor/:vendorCode/accept-invitation', async (c) => {
    const form = await readForm(c, AcceptForm);
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
        return render(c, form.values, undefined, 'This invitation link is no longer valid. Ask for a new invitation.');
      }
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      c.status(422);
      return render(c, form.values, fields);
    }
    setFlash(c, { kind: 'success', text: `Welcome to the team of ${vendorOf(c).name}.` });
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
  return (
    <>
      <h1 class="mb-2 text-xl font-semibold text-gray-900">Join the team of {vendor.name}</h1>
      <p class="mb-4 text-sm text-gray-700">
        Choose your name and a password. If you already have an account, leave the password empty: you keep yours.
      </p>
      <Form action={`${vendorRoot(props.c)}/accept-invitation`} csrf={csrfToken(props.c)}>
        <ErrorSummary errors={props.errors} message={props.message} />
        <input type="hidden" name="token" value={formValue(props.values, 'token') ?? ''} />
        <TextField
          name="displayName"
          label="Your name"
          autocomplete="name"
          value={formValue(props.values, 'displayName')}
          error={props.errors?.displayName}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autocomplete="new-password"
          hint="At least 8 characters."
          error={props.errors?.password}
        />
        <Button class="w-full">Accept the invitation</Button>
      </Form>
    </>
  );
}
