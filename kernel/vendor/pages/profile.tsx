import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import type { DbAccess } from '../../auth/db-access.js';
import { AuthErrors } from '../../auth/errors.js';
import type { Auth } from '../../auth/index.js';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../auth/passwords.js';
import { throttled } from '../../auth/throttled.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import { Button } from '../../ui/components/button.js';
import { ErrorSummary, type FieldErrors, Form, TextField } from '../../ui/components/form.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { readForm } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import { memberOf, vendorOf, vendorRoot } from '../scope.js';

export interface VendorProfileDeps {
  auth: Auth;
  db: DbAccess;
}

/**
 * `/vendor/<code>/profile`: the signed-in member's own account. Changing the password checks the current one
 * (throttled like sign-in) and ends every other sign-in of the account; this one goes on.
 */
export function mountVendorProfile(app: Hono, deps: VendorProfileDeps): void {
  const page = (c: Context, errors?: FieldErrors) =>
    c.render(<ProfilePage c={c} errors={errors} />, { title: kernelT(c)('profile.title') });

  app.get('/vendor/:vendorCode/profile', (c) => page(c));

  app.post('/vendor/:vendorCode/profile/password', async (c) => {
    const t = kernelT(c);
    const member = memberOf(c);
    const form = await readForm(
      c,
      z.object({
        currentPassword: z.string().min(1, t('profile.error.current')).max(200),
        newPassword: z
          .string()
          .refine((p) => !passwordProblem(p), t('profile.error.new', { min: MIN_PASSWORD_LENGTH })),
      }),
    );
    if (!form.ok) {
      c.status(422);
      return page(c, form.errors);
    }
    const { currentPassword, newPassword } = form.data;
    try {
      await throttled(
        deps.auth.passwordThrottle,
        c,
        member.email,
        () => deps.auth.accounts.changePassword(member, currentPassword, newPassword),
        AuthErrors.CurrentPasswordWrong.is,
      );
    } catch (err) {
      if (!AuthErrors.CurrentPasswordWrong.is(err)) throw err;
      c.status(422);
      return page(c, { currentPassword: t('profile.error.current') });
    }
    const vendorId = vendorOf(c).id;
    await deps.db.asVendor(vendorId, (db) =>
      audit(db, c, { action: 'user.password_changed', targetType: 'user', targetId: member.userId, vendorId }),
    );
    setFlash(c, { kind: 'success', text: t('profile.changed') });
    return seeOther(c, `${vendorRoot(c)}/profile`);
  });
}

function ProfilePage(props: { c: Context; errors?: FieldErrors }) {
  const { c, errors } = props;
  const t = kernelT(c);
  const root = `${vendorRoot(c)}/profile`;
  const swap = { 'hx-target': '#password-form', 'hx-select': '#password-form', 'hx-swap': 'outerHTML' };
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description', { email: memberOf(c).email })} />
      <Card title={t('profile.password')}>
        <Form id="password-form" action={`${root}/password`} csrf={csrfToken(c)} hx-post={`${root}/password`} {...swap}>
          <ErrorSummary errors={errors} message={errors ? t('form.errorSummary') : undefined} />
          <TextField
            name="currentPassword"
            label={t('profile.currentPassword')}
            type="password"
            autocomplete="current-password"
            required
            error={errors?.currentPassword}
          />
          <TextField
            name="newPassword"
            label={t('profile.newPassword')}
            type="password"
            autocomplete="new-password"
            required
            hint={t('profile.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
            error={errors?.newPassword}
          />
          <Button>{t('form.save')}</Button>
        </Form>
      </Card>
    </>
  );
}
