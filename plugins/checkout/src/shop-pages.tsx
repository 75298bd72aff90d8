import { OrionError, type PluginContext, type PluginRouter, z } from '@orion/sdk';
import { Alert, csrfToken, type FieldErrors, Form, readForm, seeOther, translator } from '@orion/sdk/ui';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { AddressSchema, ContactSchema } from './address.js';
import { type Cart, payments } from './deps.js';
import { CheckoutErrors } from './errors.js';
import { type Checkout, createCheckout, nextStep, type Review, type Step } from './flow.js';
import { messages } from './locales/index.js';
import { orderPages } from './order-pages.js';
import type { CheckoutSession } from './sessions.js';
import { shopperOf } from './shopper.js';
import { AddressFields, Choice, ContactFields, ShopField, StepPage, Summary, type ViewCtx } from './views.js';

export function viewCtx(c: Context): ViewCtx {
  const { t, fmt } = translator(c, messages);
  const shopBase = (c.get('tenant') as { shopBase: string } | undefined)?.shopBase ?? '';
  return { t, fmt, shopBase, base: `${shopBase}/checkout`, csrf: csrfToken(c) };
}

/** To the next step: a 303 for a form without JavaScript, `HX-Redirect` for htmx (a full page, with its URL). */
const back = (c: Context, v: ViewCtx, step: Step) => seeOther(c, `${v.base}/${step}`);

/** Stock the review could not hold for the shopper (`stockHoldMinutes`): which items, and the way to the cart. */
function outOfStockPage(c: Context, v: ViewCtx, err: OrionError) {
  c.status(409);
  return c.render(
    <section class="sf-section" id="checkout">
      <h1 class="sf-heading text-3xl">{v.t('checkout.title')}</h1>
      <Alert kind="error">
        <p class="font-medium">{v.t('checkout.outOfStock')}</p>
        <p>{err.message}</p>
      </Alert>
      <p class="mt-4">{v.t('checkout.outOfStockHint')}</p>
      <p class="mt-4">
        <a class="sf-button" href={`${v.shopBase}/cart`}>
          {v.t('checkout.toCart')}
        </a>
      </p>
    </section>,
    { title: `${v.t('checkout.outOfStock')} · ${v.t('checkout.title')}` },
  );
}

/** An empty cart (or one already ordered): a page that says so, with a way back. */
function emptyPage(c: Context, v: ViewCtx) {
  c.status(409);
  return c.render(
    <section class="sf-section" id="checkout">
      <h1 class="sf-heading text-3xl">{v.t('checkout.title')}</h1>
      <p class="mt-4">{v.t('checkout.emptyCart')}</p>
      <p class="mt-4">
        <a class="sf-button" href={`${v.shopBase}/cart`}>
          {v.t('checkout.toCart')}
        </a>
      </p>
    </section>,
    { title: v.t('checkout.title') },
  );
}

type StepForm = { session: CheckoutSession; cart: Cart; values?: Record<string, string>; errors?: FieldErrors };

/**
 * The checkout's shop pages under `/vendors/<code>/shop/checkout`, in the vendor's theme: one page per step (each a
 * form that posts back, then redirects to the next step, or re-renders with its errors and 422), the review with
 * "Place order", the confirmation, and order tracking by number and email. They work without JavaScript; htmx
 * swaps the checkout section in place.
 */
export function shopPages(router: PluginRouter, ctx: PluginContext): void {
  const checkout: Checkout = createCheckout(ctx);

  const stepForm = async (c: Context, v: ViewCtx, step: Step, f: StepForm) => {
    const s = f.session;
    if (f.errors) c.status(422);
    const reachable = nextStep(s);
    const page = (children: Child, submit?: string) =>
      c.render(
        <StepPage v={v} step={step} reachable={reachable} cart={f.cart} errors={f.errors} submit={submit}>
          {children}
        </StepPage>,
        { title: `${v.t(`checkout.step.${step}`)} · ${v.t('checkout.title')}` },
      );
    if (step === 'contact') {
      const values = f.values ?? { email: s.contact?.email ?? shopperOf(c).email ?? '', ...(s.contact ?? {}) };
      return page(<ContactFields v={v} values={values} errors={f.errors} />);
    }
    if (step === 'address') {
      const values = f.values ?? { name: s.contact?.name ?? '', ...(s.shippingAddress ?? {}) };
      return page(<AddressFields v={v} values={values} errors={f.errors} />);
    }
    if (step === 'shipping') {
      const offered = await checkout.methodsFor(s.vendorId, f.cart);
      if (!offered.length) return page(<Alert kind="warning">{v.t('checkout.noMethods')}</Alert>);
      const options = offered.map(({ method, cost }) => ({
        value: String(method.id),
        label: `${method.name}: ${cost.amountMinor === 0 ? v.t('checkout.free') : v.fmt.money(cost)}`,
      }));
      const checked = f.values?.methodId ?? (s.shippingMethodId ? String(s.shippingMethodId) : undefined);
      return page(
        <Choice
          name="methodId"
          legend={v.t('checkout.chooseMethod')}
          options={options}
          checked={checked}
          error={f.errors?.methodId}
        />,
      );
    }
    const options = payments(ctx)
      .providers()
      .map((p) => ({ value: p.id, label: v.t(`checkout.provider.${p.id}` as never) }));
    return page(
      <Choice
        name="provider"
        legend={v.t('checkout.chooseProvider')}
        options={options}
        checked={f.values?.provider ?? s.paymentProvider ?? undefined}
        error={f.errors?.provider}
      />,
    );
  };

  /**
   * Runs a step handler; an empty cart shows the empty page, stock the review could not hold the out-of-stock page
   * (409), a missing earlier step sends the shopper there.
   */
  const guard = (handler: (c: Context, v: ViewCtx) => Promise<Response>) => async (c: Context) => {
    const v = viewCtx(c);
    try {
      return await handler(c, v);
    } catch (err) {
      if (CheckoutErrors.CartEmpty.is(err)) {
        const placed = await checkout.current(shopperOf(c));
        return placed?.orderId ? c.redirect(`${v.base}/confirmation`, 303) : emptyPage(c, v);
      }
      if (CheckoutErrors.OutOfStock.is(err)) return outOfStockPage(c, v, err);
      if (CheckoutErrors.StepMissing.is(err)) {
        const { session } = await checkout.begin(shopperOf(c));
        return c.redirect(`${v.base}/${nextStep(session)}`, 303);
      }
      throw err;
    }
  };

  router.get(
    '/',
    guard(async (c, v) => c.redirect(`${v.base}/${nextStep((await checkout.begin(shopperOf(c))).session)}`, 303)),
  );

  const steps: Record<Exclude<Step, 'review'>, z.ZodType> = {
    contact: ContactSchema,
    address: AddressSchema,
    shipping: z.object({ methodId: z.coerce.number({ message: 'choose a shipping method' }).int().positive() }),
    payment: z.object({ provider: z.string({ message: 'choose how to pay' }).min(1, 'choose how to pay') }),
  };
  for (const [step, schema] of Object.entries(steps) as [Exclude<Step, 'review'>, z.ZodType][]) {
    router.get(
      `/${step}`,
      guard(async (c, v) => stepForm(c, v, step, await checkout.begin(shopperOf(c)))),
    );
    router.post(
      `/${step}`,
      guard(async (c, v) => {
        const shopper = shopperOf(c);
        const form = await readForm(c, schema);
        const values = form.values as Record<string, string>;
        if (!form.ok) return stepForm(c, v, step, { ...(await checkout.begin(shopper)), values, errors: form.errors });
        try {
          const data = form.data as never;
          const r =
            step === 'contact'
              ? await checkout.setContact(shopper, data)
              : step === 'address'
                ? await checkout.setAddress(shopper, data)
                : step === 'shipping'
                  ? await checkout.setShipping(shopper, (data as { methodId: number }).methodId)
                  : await checkout.setPayment(shopper, (data as { provider: string }).provider);
          return back(c, v, nextStep(r.session));
        } catch (err) {
          if (!(err instanceof OrionError) || err.status !== 422) throw err;
          const field = step === 'shipping' ? 'methodId' : 'provider';
          return stepForm(c, v, step, { ...(await checkout.begin(shopper)), values, errors: { [field]: err.message } });
        }
      }),
    );
  }

  const reviewPage = (c: Context, v: ViewCtx, r: Review, notice?: Child, status = 200) => {
    const s = r.session;
    const a = s.shippingAddress!;
    const takesCard = payments(ctx)
      .providers()
      .find((p) => p.id === s.paymentProvider)?.takesCards;
    const edit = (step: Step) => (
      <a href={`${v.base}/${step}`} class="ml-2 underline">
        {v.t('checkout.edit')}
      </a>
    );
    c.status(status as 200);
    return c.render(
      <section class="sf-section" id="checkout">
        <h1 class="sf-heading text-3xl">{v.t('checkout.title')}</h1>
        <h2 class="sf-heading mb-4 text-2xl">{v.t('checkout.step.review')}</h2>
        {notice}
        <dl class="space-y-2">
          <div>
            <dt class="font-medium">{v.t('checkout.contactTo')}</dt>
            <dd>
              {s.contact?.name}, {s.contact?.email}
              {edit('contact')}
            </dd>
          </div>
          <div>
            <dt class="font-medium">{v.t('checkout.shipTo')}</dt>
            <dd>
              {a.name}, {a.line1}, {a.postalCode} {a.city}, {a.country}
              {edit('address')}
            </dd>
          </div>
          <div>
            <dt class="font-medium">{v.t('checkout.method')}</dt>
            <dd>
              {r.method.name}
              {edit('shipping')}
            </dd>
          </div>
          <div>
            <dt class="font-medium">{v.t('checkout.payBy')}</dt>
            <dd>
              {v.t(`checkout.provider.${s.paymentProvider}` as never)}
              {edit('payment')}
            </dd>
          </div>
        </dl>
        <Summary v={v} cart={r.cart} shipping={r.shipping} total={r.total} />
        <Form action={`${v.base}/place`} csrf={v.csrf} class="mt-6 space-y-4">
          <input type="hidden" name="reviewToken" value={r.reviewToken} />
          {takesCard ? (
            <ShopField
              name="cardNumber"
              label={v.t('checkout.card')}
              hint={v.t('checkout.cardHint')}
              autocomplete="cc-number"
              required
            />
          ) : null}
          <button type="submit" class="sf-button">
            {v.t('checkout.place')}
          </button>
        </Form>
      </section>,
      { title: `${v.t('checkout.step.review')} · ${v.t('checkout.title')}` },
    );
  };

  router.get(
    '/review',
    guard(async (c, v) => {
      const r = await checkout.review(shopperOf(c));
      const notice = r.cart.changed ? (
        <Alert kind="warning">
          <p class="font-medium">{v.t('checkout.cartChanged')}</p>
          <ul>
            {r.cart.messages.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </Alert>
      ) : undefined;
      return reviewPage(c, v, r, notice);
    }),
  );

  router.post(
    '/place',
    guard(async (c, v) => {
      const shopper = shopperOf(c);
      const form = await readForm(
        c,
        z.object({ reviewToken: z.string().max(100).default(''), cardNumber: z.string().max(30).optional() }),
      );
      const data = form.ok ? form.data : { reviewToken: '', cardNumber: undefined };
      try {
        const card = data.cardNumber?.trim() ? { number: data.cardNumber.trim() } : undefined;
        await checkout.place(shopper, { reviewToken: data.reviewToken, card });
        return c.redirect(`${v.base}/confirmation`, 303);
      } catch (err) {
        if (!(err instanceof OrionError) || err.status >= 500 || err.code === 'CHECKOUT_CART_EMPTY') throw err;
        // A changed cart, a declined card, stock gone: the review again, with what happened.
        const changed = CheckoutErrors.CartChanged.is(err);
        const r = await checkout.review(shopper);
        const notice = (
          <Alert kind="error">
            {changed ? <p class="font-medium">{v.t('checkout.cartChanged')}</p> : null}
            <p>{err.message}</p>
            {changed ? <p>{v.t('checkout.reviewAgain')}</p> : null}
          </Alert>
        );
        return reviewPage(c, v, r, notice, err.status);
      }
    }),
  );

  orderPages(router, ctx, checkout, viewCtx);
}
