import { OrionError, type PluginContext, type PluginRouter, z } from '@orion/sdk';
import { Alert, type FieldErrors, Form, readForm } from '@orion/sdk/ui';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { orders } from './deps.js';
import type { Checkout } from './flow.js';
import { shopperOf } from './shopper.js';
import { OrderView, ShopField, type ViewCtx } from './views.js';

/**
 * The order pages of the shop: the confirmation of the order this browser's checkout placed, and tracking by order
 * number and email (for anyone who has both).
 */
export function orderPages(
  router: PluginRouter,
  ctx: PluginContext,
  checkout: Checkout,
  viewCtx: (c: Context) => ViewCtx,
): void {
  router.get('/confirmation', async (c) => {
    const v = viewCtx(c);
    const order = await checkout.placedOrder(shopperOf(c));
    if (!order) return c.redirect(`${v.base}/track`, 303);
    return c.render(
      <section class="sf-section" id="checkout">
        <h1 class="sf-heading text-3xl">{v.t('checkout.confirmation')}</h1>
        <p class="mt-4" data-testid="confirmation">
          {v.t('checkout.confirmationText', { number: order.number, email: order.customer.email })}
        </p>
        <div class="mt-6">
          <OrderView v={v} order={order} />
        </div>
        <p class="mt-6">
          <a href={`${v.base}/track`}>{v.t('checkout.track')}</a>
        </p>
      </section>,
      { title: v.t('checkout.confirmation') },
    );
  });

  const trackPage = (
    c: Context,
    v: ViewCtx,
    values: Record<string, string>,
    found?: Child,
    status = 200,
    errors?: FieldErrors,
  ) => {
    c.status(status as 200);
    return c.render(
      <section class="sf-section" id="checkout">
        <h1 class="sf-heading text-3xl">{v.t('checkout.track')}</h1>
        <p class="mt-2">{v.t('checkout.trackIntro')}</p>
        <Form action={`${v.base}/track`} csrf={v.csrf} class="mt-4 max-w-md space-y-4">
          <ShopField
            name="number"
            label={v.t('checkout.orderNumber')}
            value={values.number}
            error={errors?.number}
            required
          />
          <ShopField
            name="email"
            type="email"
            label={v.t('checkout.email')}
            value={values.email}
            error={errors?.email}
            required
            autocomplete="email"
          />
          <button type="submit" class="sf-button">
            {v.t('checkout.find')}
          </button>
        </Form>
        {found ? <div class="mt-8">{found}</div> : null}
      </section>,
      { title: v.t('checkout.track') },
    );
  };

  router.get('/track', (c) => trackPage(c, viewCtx(c), {}));
  // A POST, so that the email address stays out of URLs and logs; the answer is the order itself.
  router.post('/track', async (c) => {
    const v = viewCtx(c);
    const form = await readForm(
      c,
      z.object({
        number: z.coerce.number({ message: 'must be an order number' }).int().positive('must be an order number'),
        email: z.string().trim().email('must be an email address').max(254),
      }),
    );
    const values = form.values as Record<string, string>;
    if (!form.ok) return trackPage(c, v, values, undefined, 422, form.errors);
    const vendorId = shopperOf(c).vendorId;
    const order = await orders(ctx)
      .track(vendorId, form.data.number, form.data.email)
      .catch((err) => {
        if (err instanceof OrionError && err.status === 404) return undefined;
        throw err;
      });
    if (!order) return trackPage(c, v, values, <Alert kind="error">{v.t('checkout.notFound')}</Alert>, 404);
    return trackPage(c, v, values, <OrderView v={v} order={order} />);
  });
}
