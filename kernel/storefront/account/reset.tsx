import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import { AuthErrors } from '../../auth/errors.js';
import type { Auth } from '../../auth/index.js';
import { areaLinkBase } from '../../auth/links.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import type { FieldErrors } from '../../ui/components/form.js';
import { fieldErrorsOf, readForm } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import type { ShopRequest, StorefrontDeps } from '../request.js';
import { AccountBox, AccountForm, BASE, Field, type Values } from './views.js';

/** `/account/forgot-password` (mails a link, the same answer either way) and `/account/reset-password?token=`. */
export function mountResetPages(
  app: Hono,
  deps: StorefrontDeps & { auth: Auth },
  render: (c: Context, title: string, body: (r: ShopRequest) => Child, status?: number) => Promise<Response>,
  root: (c: Context) => string,
): void {
  const askPage = (c: Context, values: Values = {}, done = false, errors?: FieldErrors, status = 200) => {
    const t = kernelT(c);
    return render(
      c,
      t('shop.account.forgotTitle'),
      () => (
        <AccountBox title={t('shop.account.forgotTitle')}>
          {done ? <p role="status">{t('shop.account.resetSent')}</p> : <p>{t('shop.account.forgotIntro')}</p>}
          <AccountForm action={`${root(c)}/forgot-password`} csrf={csrfToken(c)}>
            <Field
              name="email"
              label={t('shop.account.email')}
              type="email"
              autocomplete="username"
              {...{ values, errors }}
            />
            <button type="submit" class="sf-button">
              {t('shop.account.sendLink')}
            </button>
          </AccountForm>
        </AccountBox>
      ),
      status,
    );
  };
  app.get(`${BASE}/forgot-password`, (c) => askPage(c));
  app.post(`${BASE}/forgot-password`, async (c) => {
    const t = kernelT(c);
    const form = await readForm(c, z.object({ email: z.string().trim().email().max(320) }));
    if (!form.ok) return askPage(c, form.values, false, { email: t('shop.account.error.email') }, 422);
    await deps.auth.passwordResets.request({
      area: 'shop',
      email: form.data.email,
      vendorId: c.get('vendor')?.id,
      linkBase: areaLinkBase(c, 'shop', deps.links ?? { port: 3000 }),
      platformId: c.get('platform')?.id,
    });
    return askPage(c, form.values, true);
  });

  const choosePage = (c: Context, token: string, errors?: FieldErrors, message?: string, status = 200) => {
    const t = kernelT(c);
    return render(
      c,
      t('shop.account.chooseTitle'),
      () => (
        <AccountBox title={t('shop.account.chooseTitle')}>
          <AccountForm action={`${root(c)}/reset-password`} csrf={csrfToken(c)} message={message}>
            <input type="hidden" name="token" value={token} />
            <Field
              name="password"
              label={t('shop.account.newPassword')}
              type="password"
              autocomplete="new-password"
              errors={errors}
            />
            <button type="submit" class="sf-button">
              {t('shop.account.changePassword')}
            </button>
          </AccountForm>
        </AccountBox>
      ),
      status,
    );
  };
  // The mailed link is `<shop>/reset-password?token=`: it lands here.
  app.get('/vendors/:vendorCode/shop/reset-password', (c) =>
    seeOther(c, `${root(c)}/reset-password?token=${encodeURIComponent(c.req.query('token') ?? '')}`),
  );
  app.get(`${BASE}/reset-password`, (c) => choosePage(c, c.req.query('token') ?? ''));
  app.post(`${BASE}/reset-password`, async (c) => {
    const t = kernelT(c);
    const form = await readForm(
      c,
      z.object({ token: z.string().min(1).max(200), password: z.string().min(8).max(72) }),
    );
    if (!form.ok)
      return choosePage(
        c,
        String(form.values.token ?? ''),
        { password: t('shop.account.error.password') },
        undefined,
        422,
      );
    try {
      await deps.auth.passwordResets.confirm({
        area: 'shop',
        token: form.data.token,
        password: form.data.password,
        vendorId: c.get('vendor')?.id,
      });
    } catch (err) {
      if (AuthErrors.TokenInvalid.is(err)) return choosePage(c, '', undefined, t('shop.account.error.link'), 410);
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return choosePage(c, form.data.token, { password: t('shop.account.error.password') }, undefined, 422);
    }
    return seeOther(c, `${root(c)}/login`);
  });
}
