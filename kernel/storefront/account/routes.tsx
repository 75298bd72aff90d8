import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import { clientIp } from '../../auth/authenticate.js';
import type { DbAccess } from '../../auth/db-access.js';
import { AuthErrors } from '../../auth/errors.js';
import type { Auth } from '../../auth/index.js';
import { throttled } from '../../auth/throttled.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import type { FieldErrors } from '../../ui/components/form.js';
import { fieldErrorsOf, readForm } from '../../ui/forms.js';
import { safeNext, seeOther } from '../../ui/redirect.js';
import { endBrowserSession, startBrowserSession } from '../../ui/session.js';
import { translatedRefusal } from '../../ui/sign-in-form.js';
import { formatMoney, type ShopMoney, serviceFor } from '../data.js';
import { frameOf, page, type ShopRequest, type StorefrontDeps, shopRequest } from '../request.js';
import { mountResetPages } from './reset.js';
import { AccountBox, AccountForm, type AccountOrder, AccountOverview, BASE, Field, type Values } from './views.js';

/** `orders.customerOrders`, when the orders plugin offers it: the signed-in customer's orders, newest first. */
interface CustomerOrders {
  list(
    vendorId: number,
    customerId: number,
    options?: { limit?: number },
  ): Promise<{ orders: { number: number; status: string; total: ShopMoney | null; placedAt: string }[] }>;
}
/** `customer-profiles.addresses`, when the plugin offers it. */
interface CustomerAddresses {
  list(vendorId: number, customerId: number): Promise<{ label: string; lines: string[] }[]>;
}

/**
 * The customer's account in the shop: sign-in, registration, sign-out, password reset (mailed link) and the account
 * page (orders and addresses, from the orders and customer-profiles plugins when enabled). Customers belong to one
 * shop: another shop's customer cannot sign in here. Forms work without JavaScript (POST, then 303 or a 4xx page).
 */
export function mountAccountPages(app: Hono, deps: StorefrontDeps & { auth: Auth; db: DbAccess }): void {
  const { auth } = deps;
  const authenticate = auth.middleware('shop', { required: false });
  app.use(BASE, authenticate);
  app.use(`${BASE}/*`, authenticate);

  const render = async (c: Context, title: string, body: (r: ShopRequest) => Child, status = 200) => {
    const r = shopRequest(c, deps);
    if (!r) return c.notFound();
    const frame = await frameOf(r);
    const seo = { title: `${title} · ${r.vendor.name}`, canonical: r.abs('/account'), noindex: true };
    c.header('Cache-Control', 'no-store');
    return page(r, deps, frame, seo, body(r), status);
  };
  const root = (c: Context) => `${c.get('tenant')?.shopBase ?? ''}/account`;
  const meta = (c: Context) => ({ ip: clientIp(c), userAgent: c.req.header('user-agent') });
  const vendorId = (c: Context) => c.get('vendor')?.id ?? -1;

  // Sign-in
  const loginPage = (c: Context, values: Values = {}, errors?: FieldErrors, message?: string, status = 200) => {
    const t = kernelT(c);
    return render(
      c,
      t('shop.account.signIn'),
      () => (
        <AccountBox title={t('shop.account.signIn')}>
          <AccountForm action={`${root(c)}/login`} csrf={csrfToken(c)} message={message}>
            <input type="hidden" name="next" value={String(values.next ?? '')} />
            <Field
              name="email"
              label={t('shop.account.email')}
              type="email"
              autocomplete="username"
              {...{ values, errors }}
            />
            <Field
              name="password"
              label={t('shop.account.password')}
              type="password"
              autocomplete="current-password"
              errors={errors}
            />
            <button type="submit" class="sf-button">
              {t('shop.account.signIn')}
            </button>
          </AccountForm>
          <p>
            <a href={`${root(c)}/forgot-password`}>{t('shop.account.forgot')}</a>
          </p>
          <p>
            <a href={`${root(c)}/register`}>{t('shop.account.noAccount')}</a>
          </p>
        </AccountBox>
      ),
      status,
    );
  };
  const Credentials = z.object({
    email: z.string().trim().email().max(320),
    password: z.string().min(1).max(200),
    next: z.string().max(2000).optional(),
  });
  app.get(`${BASE}/login`, (c) => loginPage(c, { next: c.req.query('next') ?? '' }));
  app.post(`${BASE}/login`, async (c) => {
    const t = kernelT(c);
    const form = await readForm(c, Credentials);
    if (!form.ok) return loginPage(c, form.values, translated(t, form.errors), t('form.errorSummary'), 422);
    const { email, password } = form.data;
    try {
      const pair = await throttled(auth.passwordThrottle, c, email, () =>
        auth.service.loginCustomer(vendorId(c), email, password, meta(c)),
      );
      startBrowserSession(c, auth, 'shop', pair);
    } catch (err) {
      const refusal = translatedRefusal(c, err);
      if (!refusal) throw err;
      return loginPage(c, form.values, undefined, refusal.message, refusal.status);
    }
    return seeOther(c, safeNext(form.data.next, root(c)));
  });

  // Registration
  const Registration = z.object({
    email: z.string().trim().email().max(320),
    password: z.string().min(8).max(72),
    firstName: z.string().trim().max(100).default(''),
    lastName: z.string().trim().max(100).default(''),
    newsletter: z.string().optional(),
  });
  const registerPage = (c: Context, values: Values = {}, errors?: FieldErrors, message?: string, status = 200) => {
    const t = kernelT(c);
    return render(
      c,
      t('shop.account.register'),
      () => (
        <AccountBox title={t('shop.account.register')}>
          <AccountForm action={`${root(c)}/register`} csrf={csrfToken(c)} message={message}>
            <Field
              name="firstName"
              label={t('shop.account.firstName')}
              autocomplete="given-name"
              {...{ values, errors }}
            />
            <Field
              name="lastName"
              label={t('shop.account.lastName')}
              autocomplete="family-name"
              {...{ values, errors }}
            />
            <Field
              name="email"
              label={t('shop.account.email')}
              type="email"
              autocomplete="email"
              {...{ values, errors }}
            />
            <Field
              name="password"
              label={t('shop.account.newPassword')}
              type="password"
              autocomplete="new-password"
              errors={errors}
            />
            <div class="flex items-center gap-2">
              <input
                id="sf-account-newsletter"
                type="checkbox"
                name="newsletter"
                value="1"
                checked={Boolean(values.newsletter)}
              />
              <label for="sf-account-newsletter">{t('shop.account.newsletter')}</label>
            </div>
            <button type="submit" class="sf-button">
              {t('shop.account.register')}
            </button>
          </AccountForm>
          <p>
            <a href={`${root(c)}/login`}>{t('shop.account.haveAccount')}</a>
          </p>
        </AccountBox>
      ),
      status,
    );
  };
  app.get(`${BASE}/register`, (c) =>
    registerPage(c, { email: c.req.query('email') ?? '', newsletter: c.req.query('newsletter') ?? '' }),
  );
  app.post(`${BASE}/register`, async (c) => {
    const t = kernelT(c);
    const form = await readForm(c, Registration);
    if (!form.ok) return registerPage(c, form.values, translated(t, form.errors), t('form.errorSummary'), 422);
    try {
      const pair = await auth.accounts.registerCustomer(
        vendorId(c),
        {
          email: form.data.email,
          password: form.data.password,
          firstName: form.data.firstName,
          lastName: form.data.lastName,
          marketingConsent: form.data.newsletter === '1',
          language: c.get('language'),
        },
        meta(c),
      );
      startBrowserSession(c, auth, 'shop', pair);
    } catch (err) {
      if (AuthErrors.EmailTaken.is(err)) {
        return registerPage(c, form.values, { email: t('shop.account.error.taken') }, t('form.errorSummary'), 409);
      }
      const fields = fieldErrorsOf(err);
      if (!fields) throw err;
      return registerPage(c, form.values, translated(t, fields), t('form.errorSummary'), 422);
    }
    return seeOther(c, root(c));
  });

  app.post(`${BASE}/logout`, async (c) => {
    await endBrowserSession(c, auth, 'shop');
    return seeOther(c, c.get('tenant')?.shopBase || '/');
  });

  mountResetPages(app, deps, render, root);

  // The account page
  app.get(BASE, async (c) => {
    const principal = c.get('principal');
    if (principal?.kind !== 'customer') return seeOther(c, `${root(c)}/login`);
    const t = kernelT(c);
    const customer = await deps.db.asVendor(principal.vendorId, (db) =>
      db('customers')
        .where({ id: principal.customerId, vendor_id: principal.vendorId })
        .first<{ email: string; first_name: string; last_name: string }>('email', 'first_name', 'last_name'),
    );
    const ordersService = serviceFor<CustomerOrders>(c, deps.host, 'orders', 'customerOrders');
    const addressService = serviceFor<CustomerAddresses>(c, deps.host, 'customer-profiles', 'addresses');
    const language = c.get('language') ?? 'en';
    const [orders, addresses] = await Promise.all([
      ordersService?.list(principal.vendorId, principal.customerId, { limit: 50 }).catch(() => undefined),
      addressService?.list(principal.vendorId, principal.customerId).catch(() => undefined),
    ]);
    const rows: AccountOrder[] | undefined = orders?.orders.map((o) => ({
      ref: `#${o.number}`,
      status: o.status,
      total: formatMoney(o.total, language),
      placedAt: o.placedAt.slice(0, 10),
    }));
    return render(c, t('shop.account.title'), () => (
      <AccountOverview
        t={t}
        email={customer?.email ?? ''}
        name={`${customer?.first_name ?? ''} ${customer?.last_name ?? ''}`.trim()}
        orders={rows}
        addresses={addresses}
        addressesHref={addressService ? `${c.get('tenant')?.shopBase ?? ''}/customer-profiles/addresses` : undefined}
        logoutAction={`${root(c)}/logout`}
        csrf={csrfToken(c)}
      />
    ));
  });
}

/** Field errors in the page's language: one message per field, whatever zod said. */
function translated(t: ReturnType<typeof kernelT>, errors: FieldErrors): FieldErrors {
  const keys = {
    email: 'shop.account.error.email',
    password: 'shop.account.error.password',
    firstName: 'shop.account.error.name',
    lastName: 'shop.account.error.name',
  } as const;
  return Object.fromEntries(
    Object.keys(errors).map((f) => [f, f in keys ? t(keys[f as keyof typeof keys]) : (errors[f] ?? '')]),
  );
}
