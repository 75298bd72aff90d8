import { OrionError, type PluginContext, type PluginRouter, z } from '@orion/sdk';
import {
  Alert,
  CSRF_FIELD,
  csrfToken,
  type Flash,
  isHtmxRequest,
  languageOf,
  readForm,
  setFlash,
  translator,
} from '@orion/sdk/ui';
import type { Context } from 'hono';
import type { CartView } from './check.js';
import { addLine, removeLine, setQuantity, viewCart } from './lines.js';
import { messages } from './locales/index.js';
import { currentCart, shopperOf } from './session.js';

type Tr = ReturnType<typeof translator<keyof typeof messages.en & string>>;
type T = Tr['t'];

const Quantity = z.coerce.number().int().min(1).max(999);
const AddForm = z.object({ variantId: z.coerce.number().int().positive(), quantity: Quantity.default(1) });
const QuantityForm = z.object({ quantity: Quantity });

/** The shop's root for links (`shopBase` in every tenancy mode). */
const shopBase = (c: Context) => (c.get('tenant') as { shopBase: string } | undefined)?.shopBase ?? '';
const cartPath = (c: Context) => `${shopBase(c)}/cart`;

/** Messages for an htmx answer, shown in the swapped section (a flash would wait for the next full page). */
const notices = new WeakMap<Context, Flash>();
function notify(c: Context, flash: Flash): void {
  if (isHtmxRequest(c)) notices.set(c, flash);
  else setFlash(c, flash);
}

function CartPage(props: { c: Context; cart: CartView; t: T; fmt: Tr['fmt'] }) {
  const { c, cart, t, fmt } = props;
  const notice = notices.get(c);
  const csrf = csrfToken(c);
  const base = cartPath(c);
  if (!cart.lines.length) {
    return (
      <section class="sf-section" id="cart">
        <h1 class="sf-heading text-3xl">{t('cart.title')}</h1>
        <p class="mt-4">{t('cart.empty')}</p>
        <p class="mt-4">
          <a class="sf-button" href={`${shopBase(c)}/`}>
            {t('cart.continue')}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section class="sf-section" id="cart" hx-target="#cart" hx-swap="outerHTML" {...{ 'hx-target:inherited': '#cart' }}>
      <h1 class="sf-heading text-3xl">{t('cart.title')}</h1>
      {notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}
      {cart.messages.length ? (
        <div role="alert" class="mt-4 border p-3" data-testid="cart-messages">
          <p class="font-medium">{t('cart.attention')}</p>
          <ul class="list-disc pl-5">
            {cart.messages.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <table class="mt-6 w-full text-left">
        <thead>
          <tr>
            <th scope="col">{t('cart.item')}</th>
            <th scope="col">{t('cart.price')}</th>
            <th scope="col">{t('cart.quantity')}</th>
            <th scope="col">{t('cart.total')}</th>
            <th scope="col">
              <span class="sr-only">{t('cart.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cart.lines.map((l) => (
            <tr data-line={String(l.id)}>
              <td class="py-2">
                {l.title}
                <span class="sf-muted block text-sm">{l.sku}</span>
              </td>
              <td>{fmt.money(l.unitPrice)}</td>
              <td>
                <form
                  method="post"
                  action={`${base}/lines/${l.id}`}
                  hx-post={`${base}/lines/${l.id}`}
                  class="flex gap-2"
                >
                  <input type="hidden" name={CSRF_FIELD} value={csrf} />
                  <label for={`qty-${l.id}`} class="sr-only">
                    {t('cart.quantityOf', { title: l.title })}
                  </label>
                  <input
                    id={`qty-${l.id}`}
                    class="sf-input w-20"
                    type="number"
                    name="quantity"
                    min="1"
                    max="999"
                    value={String(l.quantity)}
                  />
                  <button type="submit" class="sf-button-secondary">
                    {t('cart.update')}
                  </button>
                </form>
              </td>
              <td class="sf-price">{fmt.money(l.lineTotal)}</td>
              <td>
                <form method="post" action={`${base}/lines/${l.id}/remove`} hx-post={`${base}/lines/${l.id}/remove`}>
                  <input type="hidden" name={CSRF_FIELD} value={csrf} />
                  <button
                    type="submit"
                    class="sf-button-secondary"
                    aria-label={t('cart.removeItem', { title: l.title })}
                  >
                    {t('cart.remove')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="mt-6 text-xl">
        {t('cart.subtotal')}:{' '}
        <strong class="sf-price" data-testid="cart-subtotal">
          {cart.subtotal ? fmt.money(cart.subtotal) : ''}
        </strong>
      </p>
      <p class="mt-4 flex gap-4">
        <a class="sf-button" href={`${shopBase(c)}/checkout`} hx-boost="false">
          {t('cart.checkout')}
        </a>
        <a class="sf-button-secondary" href={`${shopBase(c)}/`}>
          {t('cart.continue')}
        </a>
      </p>
    </section>
  );
}

/** An expected failure (limit, stock, unavailable) becomes a flash message on the cart page; others propagate. */
function flashError(c: Context, err: unknown): void {
  if (err instanceof OrionError && err.status < 500) notify(c, { kind: 'error', text: err.message });
  else throw err;
}

/**
 * The cart page at `/vendors/<code>/shop/cart` (in the shop's theme) and its forms: add (from the product page),
 * change a quantity, remove a line. Each form posts and redirects back (303) without JavaScript; with htmx the page
 * answers the cart section alone and it is swapped in place.
 */
export function cartPages(router: PluginRouter, ctx: PluginContext): void {
  const shopper = (c: Context) => shopperOf(ctx, c.get('vendor'), c.get('platform')!, c.get('principal'));
  const render = async (c: Context) => {
    const s = await shopper(c);
    const cart = await viewCart(ctx, s.vendorId, await currentCart(c, ctx, s, false), languageOf(c));
    const { t, fmt } = translator(c, messages);
    return c.render(<CartPage c={c} cart={cart} t={t} fmt={fmt} />, { title: t('cart.title') });
  };
  const done = (c: Context) => (isHtmxRequest(c) ? render(c) : c.redirect(cartPath(c), 303));

  router.get('/', (c) => render(c));

  router.post('/add', async (c) => {
    const { t } = translator(c, messages);
    const form = await readForm(c, AddForm);
    if (!form.ok) {
      setFlash(c, { kind: 'error', text: t('cart.invalidQuantity') });
      return c.redirect(cartPath(c), 303);
    }
    try {
      const s = await shopper(c);
      const cart = (await currentCart(c, ctx, s, true))!;
      await addLine(ctx, s, cart, form.data.variantId, form.data.quantity);
      setFlash(c, { kind: 'success', text: t('cart.added') });
    } catch (err) {
      flashError(c, err);
    }
    return c.redirect(cartPath(c), 303);
  });

  router.post('/lines/:lineId', async (c) => {
    const { t } = translator(c, messages);
    const form = await readForm(c, QuantityForm);
    if (!form.ok) {
      notify(c, { kind: 'error', text: t('cart.invalidQuantity') });
      return done(c);
    }
    try {
      const s = await shopper(c);
      const lineId = Number(c.req.param('lineId'));
      await setQuantity(ctx, s, await currentCart(c, ctx, s, false), lineId, form.data.quantity);
      notify(c, { kind: 'success', text: t('cart.updated') });
    } catch (err) {
      flashError(c, err);
    }
    return done(c);
  });

  router.post('/lines/:lineId/remove', async (c) => {
    const { t } = translator(c, messages);
    try {
      const s = await shopper(c);
      await removeLine(ctx, s.vendorId, await currentCart(c, ctx, s, false), Number(c.req.param('lineId')));
      notify(c, { kind: 'success', text: t('cart.removed') });
    } catch (err) {
      flashError(c, err);
    }
    return done(c);
  });
}

/** The "Add to cart" form under the product's price (slot `product.buy-box`): a POST that works without JavaScript. */
/** Slot `shop.header.tools`: the link to the cart page in every page's header (no count: pages stay cacheable). */
export function cartLinkFill(props: Record<string, unknown>): unknown {
  const base = props.shopBase as string | undefined;
  if (base === undefined) return null;
  const own = messages[(props.language as string | undefined) ?? 'en'];
  return (
    <a href={`${base}/cart`} class="sf-cart-link">
      {own?.['cart.link'] ?? messages.en['cart.link']}
    </a>
  );
}

export function addToCartFill(props: Record<string, unknown>): unknown {
  const variantId = props.variantId as number | undefined;
  const base = props.shopBase as string | undefined;
  const csrf = props.csrf as string | undefined;
  if (!variantId || base === undefined || !csrf) return null;
  const own = messages[(props.language as string | undefined) ?? 'en'];
  const t = (key: keyof typeof messages.en) => own?.[key] ?? messages.en[key];
  return (
    <form method="post" action={`${base}/cart/add`} class="mt-4 flex items-end gap-2">
      <input type="hidden" name={CSRF_FIELD} value={csrf} />
      <input type="hidden" name="variantId" value={String(variantId)} />
      <div>
        <label for="sf-quantity" class="block font-medium">
          {t('cart.quantity')}
        </label>
        <input id="sf-quantity" class="sf-input w-20" type="number" name="quantity" min="1" max="999" value="1" />
      </div>
      <button type="submit" class="sf-button">
        {t('cart.add')}
      </button>
    </form>
  );
}
