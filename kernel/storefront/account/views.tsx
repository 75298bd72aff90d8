import type { Child } from 'hono/jsx';
import type { KernelKey } from '../../i18n/locales/index.js';
import type { Translate } from '../../i18n/messages.js';
import { CSRF_FIELD } from '../../security/csrf.js';
import type { FieldErrors } from '../../ui/components/form.js';

type T = Translate<KernelKey>;
export type Values = Record<string, string | string[]>;

/** The account pages' route prefix (every tenancy mode maps the shop to it). */
export const BASE = '/vendors/:vendorCode/shop/account';

const str = (values: Values | undefined, name: string) => {
  const v = values?.[name];
  return Array.isArray(v) ? v[0] : v;
};

/** A labelled storefront input with its error, described by it for screen readers. */
export function Field(props: {
  name: string;
  label: string;
  type?: string;
  autocomplete?: string;
  values?: Values;
  errors?: FieldErrors;
  required?: boolean;
}) {
  const id = `sf-account-${props.name}`;
  const error = props.errors?.[props.name];
  return (
    <div class="space-y-1">
      <label for={id} class="block font-medium">
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        class="sf-input w-full"
        autocomplete={props.autocomplete}
        required={props.required}
        value={props.type === 'password' ? undefined : (str(props.values, props.name) ?? '')}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} class="sf-field-error text-sm" style="color:#b91c1c">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A POST form with the CSRF field; errors (or a message) summarised on top, in an alert. */
export function AccountForm(props: { action: string; csrf: string; message?: string; children: Child }) {
  return (
    <form method="post" action={props.action} class="space-y-4">
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      {props.message ? (
        <p role="alert" class="sf-form-error" style="color:#b91c1c">
          {props.message}
        </p>
      ) : null}
      {props.children}
    </form>
  );
}

export function AccountBox(props: { title: string; children: Child }) {
  return (
    <div class="mx-auto max-w-md space-y-4 py-8">
      <h1 class="sf-heading text-2xl">{props.title}</h1>
      {props.children}
    </div>
  );
}

export interface AccountOrder {
  ref: string;
  status: string;
  total: string | null;
  placedAt: string;
}
export interface AccountAddress {
  label: string;
  lines: string[];
}

/** The signed-in customer's page: who, orders and addresses (each list empty when its plugin is off). */
export function AccountOverview(props: {
  t: T;
  email: string;
  name: string;
  orders: AccountOrder[] | undefined;
  addresses: AccountAddress[] | undefined;
  /** The customer-profiles plugin's page to add, change and delete addresses, when it is enabled. */
  addressesHref?: string;
  logoutAction: string;
  csrf: string;
}) {
  const { t } = props;
  return (
    <div class="mx-auto max-w-3xl space-y-8 py-8">
      <div class="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 class="sf-heading text-2xl">{t('shop.account.title')}</h1>
          <p class="sf-muted">{props.name ? `${props.name} · ${props.email}` : props.email}</p>
        </div>
        <form method="post" action={props.logoutAction}>
          <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
          <button type="submit" class="sf-button-secondary">
            {t('shop.account.signOut')}
          </button>
        </form>
      </div>
      <section aria-labelledby="sf-orders">
        <h2 id="sf-orders" class="sf-heading text-xl">
          {t('shop.account.orders')}
        </h2>
        {props.orders?.length ? (
          <table class="w-full text-left">
            <thead>
              <tr>
                <th scope="col">{t('shop.account.order')}</th>
                <th scope="col">{t('shop.account.date')}</th>
                <th scope="col">{t('shop.account.status')}</th>
                <th scope="col">{t('shop.account.total')}</th>
              </tr>
            </thead>
            <tbody>
              {props.orders.map((o) => (
                <tr>
                  <td>{o.ref}</td>
                  <td>{o.placedAt}</td>
                  <td>{o.status}</td>
                  <td>{o.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="sf-muted">{t('shop.account.noOrders')}</p>
        )}
      </section>
      <section aria-labelledby="sf-addresses">
        <h2 id="sf-addresses" class="sf-heading text-xl">
          {t('shop.account.addresses')}
        </h2>
        {props.addresses?.length ? (
          <ul class="grid gap-4 md:grid-cols-2">
            {props.addresses.map((a) => (
              <li class="sf-card">
                <p class="font-semibold">{a.label}</p>
                {a.lines.map((l) => (
                  <p>{l}</p>
                ))}
              </li>
            ))}
          </ul>
        ) : (
          <p class="sf-muted">{t('shop.account.noAddresses')}</p>
        )}
        {props.addressesHref ? (
          <p class="mt-3">
            <a class="sf-button-secondary" href={props.addressesHref}>
              {t('shop.account.manageAddresses')}
            </a>
          </p>
        ) : null}
      </section>
    </div>
  );
}
