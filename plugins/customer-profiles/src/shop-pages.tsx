import { OrionError, type PluginContext, type PluginRouter, z } from '@orion/sdk';
import { Alert, CSRF_FIELD, csrfToken, type FieldErrors, readForm, setFlash, translator } from '@orion/sdk/ui';
import type { Context } from 'hono';
import {
  type Address,
  AddressForm,
  ADDRESS_FORM_FIELDS as FIELDS,
  OPTIONAL_ADDRESS_FIELDS as OPTIONAL,
} from './address.js';
import { createAddress, deleteAddress, listAddresses, type Owner, updateAddress } from './addresses.js';
import { messages } from './locales/index.js';

type T = ReturnType<typeof translator<keyof typeof messages.en & string>>['t'];

const shopBase = (c: Context) => (c.get('tenant') as { shopBase: string } | undefined)?.shopBase ?? '';
const pagePath = (c: Context) => `${shopBase(c)}/customer-profiles/addresses`;

/**
 * The signed-in customer's addresses in the shop, at `<shop>/customer-profiles/addresses` (linked from the account
 * page): list, add (a form that re-renders with its errors, 422), make one the default of its kind, delete. Forms
 * post and redirect (303); a shopper who is not signed in is sent to the sign-in page and back.
 */
export function shopPages(router: PluginRouter, ctx: PluginContext): void {
  const owner = (c: Context): Owner | undefined => {
    const principal = c.get('principal');
    return principal?.kind === 'customer'
      ? { vendorId: c.get('vendor')!.id, customerId: principal.customerId }
      : undefined;
  };
  const signIn = (c: Context) =>
    c.redirect(`${shopBase(c)}/account/login?next=${encodeURIComponent(pagePath(c))}`, 303);
  const page = async (c: Context, o: Owner, values: Record<string, string> = {}, errors?: FieldErrors) => {
    const { t } = translator(c, messages);
    const addresses = await ctx.withTenant({ vendorId: o.vendorId }, (trx) => listAddresses(trx, o));
    return c.render(<AddressesPage c={c} t={t} addresses={addresses} values={values} errors={errors} />, {
      title: t('shop.addresses.title'),
    });
  };

  router.get('/addresses', async (c) => {
    const o = owner(c);
    return o ? page(c, o) : signIn(c);
  });

  router.post('/addresses', async (c) => {
    const o = owner(c);
    if (!o) return signIn(c);
    const form = await readForm(c, AddressForm);
    if (!form.ok) {
      c.status(422);
      return page(c, o, form.values as Record<string, string>, form.errors);
    }
    await ctx.withTenant({ vendorId: o.vendorId }, (trx) => createAddress(trx, o, form.data));
    setFlash(c, { kind: 'success', text: translator(c, messages).t('shop.addresses.added') });
    return c.redirect(pagePath(c), 303);
  });

  const change = (action: 'default' | 'delete') => async (c: Context) => {
    const o = owner(c);
    if (!o) return signIn(c);
    const id = z.coerce.number().int().positive().safeParse(c.req.param('id'));
    const { t } = translator(c, messages);
    if (!id.success) {
      setFlash(c, { kind: 'error', text: t('shop.addresses.notFound') });
      return c.redirect(pagePath(c), 303);
    }
    try {
      await ctx.withTenant({ vendorId: o.vendorId }, async (trx) => {
        if (action === 'delete') await deleteAddress(trx, o, id.data as number);
        else await updateAddress(trx, o, id.data as number, { isDefault: true });
      });
      setFlash(c, {
        kind: 'success',
        text: t(action === 'delete' ? 'shop.addresses.deleted' : 'shop.addresses.madeDefault'),
      });
    } catch (err) {
      // Another customer's address, or one already gone: one answer, which tells nothing about other accounts.
      if (!(err instanceof OrionError)) throw err;
      setFlash(c, { kind: 'error', text: t('shop.addresses.notFound') });
    }
    return c.redirect(pagePath(c), 303);
  };
  router.post('/addresses/:id/default', change('default'));
  router.post('/addresses/:id/delete', change('delete'));
}

function AddressesPage(props: {
  c: Context;
  t: T;
  addresses: Address[];
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { c, t, values, errors } = props;
  const csrf = csrfToken(c);
  const action = pagePath(c);
  return (
    <section class="sf-section space-y-6">
      <h1 class="sf-heading text-3xl">{t('shop.addresses.title')}</h1>
      {props.addresses.length === 0 ? <p>{t('shop.addresses.none')}</p> : null}
      <ul class="grid gap-4 md:grid-cols-2">
        {props.addresses.map((a) => (
          <li class="sf-card" id={`address-${a.id}`}>
            <p class="font-semibold">
              {t(a.kind === 'shipping' ? 'customers.address.shipping' : 'customers.address.billing')}
              {a.isDefault ? ` · ${t('customers.address.default')}` : ''}
            </p>
            <address class="not-italic">
              {[a.fullName, a.company, a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.country]
                .filter(Boolean)
                .map((line) => (
                  <span class="block">{line}</span>
                ))}
            </address>
            <div class="mt-2 flex gap-2">
              {a.isDefault ? null : (
                <form method="post" action={`${action}/${a.id}/default`}>
                  <input type="hidden" name={CSRF_FIELD} value={csrf} />
                  <button type="submit" class="sf-button-secondary">
                    {t('shop.addresses.makeDefault')}
                    <span class="sr-only"> {a.line1}</span>
                  </button>
                </form>
              )}
              <form method="post" action={`${action}/${a.id}/delete`}>
                <input type="hidden" name={CSRF_FIELD} value={csrf} />
                <button type="submit" class="sf-button-secondary">
                  {t('shop.addresses.delete')}
                  <span class="sr-only"> {a.line1}</span>
                </button>
              </form>
            </div>
          </li>
        ))}
      </ul>
      <form method="post" action={action} class="sf-card max-w-xl space-y-3" novalidate>
        <h2 class="sf-heading text-xl">{t('shop.addresses.add')}</h2>
        {errors ? <Alert kind="error">{t('shop.addresses.fix')}</Alert> : null}
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <div>
          <label for="address-kind" class="block font-medium">
            {t('shop.addresses.kind')}
          </label>
          <select id="address-kind" name="kind" class="sf-input">
            <option value="shipping" selected={values.kind !== 'billing'}>
              {t('customers.address.shipping')}
            </option>
            <option value="billing" selected={values.kind === 'billing'}>
              {t('customers.address.billing')}
            </option>
          </select>
        </div>
        {FIELDS.map((name) => (
          <div>
            <label for={`address-${name}`} class="block font-medium">
              {t(`shop.addresses.field.${name}`)}
              {OPTIONAL.has(name) ? ` (${t('shop.addresses.optional')})` : ''}
            </label>
            <input
              id={`address-${name}`}
              name={name}
              value={values[name] ?? ''}
              class="sf-input w-full"
              aria-invalid={errors?.[name] ? 'true' : undefined}
              aria-describedby={errors?.[name] ? `address-${name}-error` : undefined}
            />
            {errors?.[name] ? (
              <p id={`address-${name}-error`} class="text-sm text-red-700">
                {errors[name]}
              </p>
            ) : null}
          </div>
        ))}
        <label class="flex items-center gap-2">
          <input type="checkbox" name="isDefault" checked={values.isDefault === 'on'} />
          {t('shop.addresses.setDefault')}
        </label>
        <button type="submit" class="sf-button">
          {t('shop.addresses.save')}
        </button>
      </form>
      <p>
        <a href={`${shopBase(c)}/account`}>{t('shop.addresses.back')}</a>
      </p>
    </section>
  );
}
