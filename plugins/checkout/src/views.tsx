import type { Money } from '@orion/sdk';
import { ErrorSummary, type FieldErrors, Form, type Formatters, type Translate } from '@orion/sdk/ui';
import type { Child } from 'hono/jsx';
import type { Cart, PlacedOrder } from './deps.js';
import { STEPS, type Step } from './flow.js';
import type { messages } from './locales/index.js';

export type T = Translate<keyof typeof messages.en & string>;
export interface ViewCtx {
  t: T;
  fmt: Formatters;
  /** `${shopBase}/checkout` */
  base: string;
  shopBase: string;
  csrf: string;
}

/** The numbered steps; the done ones are links back, the current one is marked for assistive technology. */
export function StepNav(props: { v: ViewCtx; current: Step; reachable: Step }) {
  const { v } = props;
  const last = STEPS.indexOf(props.reachable);
  return (
    <nav aria-label={v.t('checkout.steps')} class="mb-6">
      <ol class="flex flex-wrap gap-4">
        {STEPS.map((step, i) => {
          const label = `${i + 1}. ${v.t(`checkout.step.${step}`)}`;
          if (step === props.current)
            return (
              <li aria-current="step" class="font-bold">
                {label}
              </li>
            );
          if (i <= last)
            return (
              <li>
                <a href={`${v.base}/${step}`}>{label}</a>
              </li>
            );
          return <li class="sf-muted">{label}</li>;
        })}
      </ol>
    </nav>
  );
}

export function Summary(props: { v: ViewCtx; cart: Cart; shipping?: Money; total?: Money }) {
  const { v, cart } = props;
  return (
    <aside aria-labelledby="checkout-summary" class="sf-card mt-8 border p-4">
      <h2 id="checkout-summary" class="sf-heading text-xl">
        {v.t('checkout.summary')}
      </h2>
      <ul class="mt-2">
        {cart.lines.map((l) => (
          <li class="flex justify-between gap-4">
            <span>
              {l.quantity} × {l.title}
            </span>
            <span>{v.fmt.money(l.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <dl class="mt-2">
        <div class="flex justify-between">
          <dt>{v.t('checkout.subtotal')}</dt>
          <dd>{cart.subtotal ? v.fmt.money(cart.subtotal) : ''}</dd>
        </div>
        {props.shipping ? (
          <div class="flex justify-between">
            <dt>{v.t('checkout.shippingCost')}</dt>
            <dd data-testid="shipping-cost">
              {props.shipping.amountMinor === 0 ? v.t('checkout.free') : v.fmt.money(props.shipping)}
            </dd>
          </div>
        ) : null}
        {props.total ? (
          <div class="flex justify-between text-lg font-bold">
            <dt>{v.t('checkout.total')}</dt>
            <dd class="sf-price" data-testid="order-total">
              {v.fmt.money(props.total)}
            </dd>
          </div>
        ) : null}
      </dl>
    </aside>
  );
}

/** A step's page: heading, steps, the form (posting back to the step), the summary. */
export function StepPage(props: {
  v: ViewCtx;
  step: Step;
  reachable: Step;
  cart: Cart;
  errors?: FieldErrors;
  notice?: Child;
  children: Child;
  submit?: string;
}) {
  const { v } = props;
  const action = `${v.base}/${props.step}`;
  return (
    <section class="sf-section" id="checkout">
      <h1 class="sf-heading text-3xl">{v.t('checkout.title')}</h1>
      <StepNav v={v} current={props.step} reachable={props.reachable} />
      <h2 class="sf-heading mb-4 text-2xl">{v.t(`checkout.step.${props.step}`)}</h2>
      {props.notice}
      <ErrorSummary errors={props.errors} message={props.errors ? v.t('checkout.errors') : undefined} />
      <Form action={action} csrf={v.csrf} hx-post={action} hx-target="#checkout" hx-swap="outerHTML">
        {props.children}
        <button type="submit" class="sf-button">
          {props.submit ?? v.t('checkout.continue')}
        </button>
      </Form>
      <Summary v={v} cart={props.cart} />
    </section>
  );
}

/**
 * A labelled text field in the shop's theme (`sf-input`; the label takes the theme's text colour, so it keeps its
 * contrast on dark themes), with its hint and error tied to it for assistive technology.
 */
export function ShopField(props: {
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'email' | 'tel';
  error?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
}) {
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div>
      <label for={id} class="block font-medium">
        {props.label}
      </label>
      <input
        id={id}
        class="sf-input mt-1 w-full"
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {props.hint ? (
        <p id={`${id}-hint`} class="sf-muted mt-1 text-sm">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} class="mt-1 font-medium text-red-600">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

type Values = Record<string, string | null | undefined>;

export function ContactFields(props: { v: ViewCtx; values: Values; errors?: FieldErrors }) {
  const { t } = props.v;
  const f = (name: string) => ({ name, value: props.values[name] ?? '', error: props.errors?.[name] });
  return (
    <>
      <ShopField {...f('email')} label={t('checkout.email')} type="email" required autocomplete="email" />
      <ShopField {...f('name')} label={t('checkout.name')} required autocomplete="name" />
      <ShopField {...f('phone')} label={t('checkout.phone')} autocomplete="tel" />
    </>
  );
}

export function AddressFields(props: { v: ViewCtx; values: Values; errors?: FieldErrors }) {
  const { t } = props.v;
  const f = (name: string) => ({ name, value: props.values[name] ?? '', error: props.errors?.[name] });
  return (
    <>
      <ShopField {...f('name')} label={t('checkout.name')} required autocomplete="shipping name" />
      <ShopField {...f('line1')} label={t('checkout.line1')} required autocomplete="shipping address-line1" />
      <ShopField {...f('line2')} label={t('checkout.line2')} autocomplete="shipping address-line2" />
      <ShopField {...f('postalCode')} label={t('checkout.postalCode')} required autocomplete="shipping postal-code" />
      <ShopField {...f('city')} label={t('checkout.city')} required autocomplete="shipping address-level2" />
      <ShopField {...f('country')} label={t('checkout.country')} required autocomplete="shipping country" />
    </>
  );
}

/** Radio buttons in a fieldset with a legend: one choice among the shop's methods or providers. */
export function Choice(props: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked?: string;
  error?: string;
}) {
  return (
    <fieldset class="space-y-2" aria-describedby={props.error ? `${props.name}-error` : undefined}>
      <legend class="font-medium">{props.legend}</legend>
      {props.options.map((o, i) => (
        <div>
          <input
            type="radio"
            id={`field-${props.name}-${i}`}
            name={props.name}
            value={o.value}
            checked={o.value === props.checked || (!props.checked && i === 0)}
          />{' '}
          <label for={`field-${props.name}-${i}`}>{o.label}</label>
        </div>
      ))}
      {props.error ? (
        <p id={`${props.name}-error`} class="text-red-700">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** An order as the shopper sees it: number, status, lines, totals, address, history. */
export function OrderView(props: { v: ViewCtx; order: PlacedOrder }) {
  const { v, order } = props;
  const a = order.shippingAddress;
  const status = (s: string) => v.t(`checkout.status.${s}` as never);
  return (
    <div data-testid="order">
      <h2 class="sf-heading text-2xl">{v.t('checkout.order', { number: order.number })}</h2>
      <p class="mt-2">
        {v.t('checkout.status')}: <strong data-testid="order-status">{status(order.status)}</strong>
      </p>
      {order.trackingNumber ? (
        <p>{v.t('checkout.tracking', { carrier: order.carrier ?? '', number: order.trackingNumber })}</p>
      ) : null}
      <table class="mt-4 w-full text-left">
        <thead>
          <tr>
            <th scope="col">{v.t('checkout.item')}</th>
            <th scope="col">{v.t('checkout.quantity')}</th>
            <th scope="col">{v.t('checkout.price')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr>
              <td>{l.title}</td>
              <td>{l.quantity}</td>
              <td>{v.fmt.money(l.lineTotal)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="mt-4">
        <div class="flex justify-between">
          <dt>{v.t('checkout.subtotal')}</dt>
          <dd>{v.fmt.money(order.totals.subtotal)}</dd>
        </div>
        <div class="flex justify-between">
          <dt>{v.t('checkout.shippingCost')}</dt>
          <dd>{v.fmt.money(order.totals.shipping)}</dd>
        </div>
        <div class="flex justify-between font-bold">
          <dt>{v.t('checkout.total')}</dt>
          <dd class="sf-price">{v.fmt.money(order.totals.total)}</dd>
        </div>
      </dl>
      <h3 class="sf-heading mt-4 text-xl">{v.t('checkout.shipTo')}</h3>
      <address>
        {a.name}
        <br />
        {a.line1}
        {a.line2 ? (
          <>
            <br />
            {a.line2}
          </>
        ) : null}
        <br />
        {a.postalCode} {a.city}, {a.country}
      </address>
      <h3 class="sf-heading mt-4 text-xl">{v.t('checkout.history')}</h3>
      <ol>
        {order.timeline.map((h) => (
          <li>
            {v.fmt.dateTime(new Date(h.at))}: {status(h.to)}
          </li>
        ))}
      </ol>
    </div>
  );
}
