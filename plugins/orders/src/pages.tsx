import { Money, type PluginContext, type PluginRouter, requirePermission, vendorOf, z } from '@orion/sdk';
import {
  Alert,
  Badge,
  type BadgeTone,
  Button,
  Card,
  csrfToken,
  Form,
  LinkButton,
  PageHeader,
  readForm,
  SelectField,
  seeOther,
  setFlash,
  TextField,
} from '@orion/sdk/ui';
import type { Context } from 'hono';
import { actorOf } from './actor.js';
import { findOrderRow, listOrders, orderDetail } from './queries.js';
import { ORDER_STATUSES, type OrderStatus } from './states.js';
import { transition } from './transitions.js';
import { vendorDetail } from './vendor-api.js';

const TONE: Record<OrderStatus, BadgeTone> = {
  pending: 'yellow',
  paid: 'blue',
  processing: 'blue',
  shipped: 'green',
  delivered: 'green',
  cancelled: 'gray',
  refunded: 'red',
};
const fmt = (m: { amountMinor: number; currency: string }, lang: string) =>
  Money.format(Money.of(m.amountMinor, m.currency), lang);
const base = (c: Context) => `${c.get('tenant')?.base ?? ''}/vendor/${c.get('vendor')?.code}/orders`;
const idOf = (c: Context) => z.coerce.number().int().positive().safeParse(c.req.param('id'));

type Detail = Awaited<ReturnType<typeof vendorDetail>>;

function DetailPage(props: { c: Context; o: Detail; error?: string }) {
  const { c, o } = props;
  const lang = c.get('language') ?? 'en';
  const url = `${base(c)}/${o.id}`;
  return (
    <>
      <PageHeader
        title={`Order ${o.number}`}
        description={<Badge tone={TONE[o.status]}>{o.status}</Badge>}
        actions={<LinkButton href={`${url}/packing-slip`}>Packing slip</LinkButton>}
      />
      {props.error ? <Alert kind="error">{props.error}</Alert> : null}
      <Card title="Lines">
        <table class="w-full text-sm">
          <thead>
            <tr class="text-left">
              <th scope="col">Item</th>
              <th scope="col">SKU</th>
              <th scope="col">Qty</th>
              <th scope="col">Unit price</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {o.lines.map((l) => (
              <tr>
                <td>{l.title}</td>
                <td>{l.sku}</td>
                <td>{l.quantity}</td>
                <td>{fmt(l.unitPrice, lang)}</td>
                <td>{fmt(l.lineTotal, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl class="mt-4 grid grid-cols-2 gap-1 text-sm">
          <dt>Subtotal</dt>
          <dd>{fmt(o.totals.subtotal, lang)}</dd>
          <dt>Shipping</dt>
          <dd>{fmt(o.totals.shipping, lang)}</dd>
          <dt>Tax {o.pricesIncludeTax ? '(included)' : ''}</dt>
          <dd>{fmt(o.totals.tax, lang)}</dd>
          <dt>Total</dt>
          <dd>{fmt(o.totals.total, lang)}</dd>
          <dt>Refunded</dt>
          <dd>{fmt(o.totals.refunded, lang)}</dd>
        </dl>
      </Card>
      <Card title="Customer">
        <p>
          {o.customer.name} &lt;{o.customer.email}&gt;
        </p>
        <p>
          {o.shippingAddress.line1}, {o.shippingAddress.postalCode} {o.shippingAddress.city},{' '}
          {o.shippingAddress.country}
        </p>
      </Card>
      {o.allowedTransitions.length ? (
        <Card title="Next step">
          <Form action={`${url}/transitions`} csrf={csrfToken(c)}>
            <SelectField
              name="to"
              label="Move to"
              options={o.allowedTransitions.map((s) => ({ value: s, label: s }))}
            />
            <TextField name="trackingNumber" label="Tracking number" hint="Needed when shipped" />
            <TextField name="carrier" label="Carrier" hint="Needed when shipped" />
            <TextField name="note" label="Note" />
            <Button type="submit">Apply</Button>
          </Form>
        </Card>
      ) : null}
      <Card title="Timeline">
        <ol class="space-y-1 text-sm">
          {o.timeline.map((h) => (
            <li>
              <time datetime={h.at}>{h.at.slice(0, 16).replace('T', ' ')}</time> {h.from ?? 'new'} → {h.to} by {h.actor}
              {h.note ? `: ${h.note}` : ''}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}

const TransitionForm = z.object({
  to: z.enum(ORDER_STATUSES),
  note: z.string().trim().max(1000).optional(),
  trackingNumber: z.string().trim().max(100).optional(),
  carrier: z.string().trim().max(60).optional(),
});
const blank = (s: string | undefined) => (s ? s : undefined);

/**
 * Vendor pages at `/vendor/<code>/orders`: the order list (status filter, search), an order's detail with its
 * timeline and a form for the next step, and a printable packing slip. The form works without JavaScript: it posts,
 * then redirects with a message, or re-renders the page with the error.
 */
export function vendorPages(router: PluginRouter, ctx: PluginContext): void {
  router.get('/', requirePermission('orders.view'), async (c) => {
    const vendorId = vendorOf(c);
    const status = ORDER_STATUSES.find((s) => s === c.req.query('status'));
    const q = c.req.query('q')?.slice(0, 200) || undefined;
    const page = await ctx.withTenant({ vendorId }, (trx) =>
      listOrders(trx, vendorId, { status, q, page: 1, pageSize: 50 }),
    );
    const lang = c.get('language') ?? 'en';
    return c.render(
      <>
        <PageHeader title="Orders" description={`${page.total} orders`} />
        <Form action={base(c)} method="get" csrf="" class="flex gap-2">
          <SelectField
            name="status"
            label="Status"
            value={status ?? ''}
            options={[{ value: '', label: 'Any' }, ...ORDER_STATUSES.map((s) => ({ value: s, label: s }))]}
          />
          <TextField name="q" type="search" label="Search" value={q ?? ''} hint="Number, email or name" />
          <Button type="submit">Filter</Button>
        </Form>
        <Card>
          <table class="w-full text-sm">
            <thead>
              <tr class="text-left">
                <th scope="col">Number</th>
                <th scope="col">Placed</th>
                <th scope="col">Customer</th>
                <th scope="col">Status</th>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((o) => (
                <tr>
                  <td>
                    <a href={`${base(c)}/${o.id}`}>#{o.number}</a>
                  </td>
                  <td>{o.placedAt.slice(0, 10)}</td>
                  <td>{o.customer.email}</td>
                  <td>
                    <Badge tone={TONE[o.status]}>{o.status}</Badge>
                  </td>
                  <td>{fmt(o.totals.total, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </>,
      { title: 'Orders' },
    );
  });

  router.get('/:id', requirePermission('orders.view'), async (c) => {
    const id = idOf(c);
    if (!id.success) return c.notFound();
    const o = await vendorDetail(ctx, vendorOf(c), id.data);
    return c.render(<DetailPage c={c} o={o} />, { title: `Order ${o.number}` });
  });

  router.post('/:id/transitions', requirePermission('orders.manage'), async (c) => {
    const id = idOf(c);
    if (!id.success) return c.notFound();
    const vendorId = vendorOf(c);
    const form = await readForm(c, TransitionForm);
    let error: string | undefined;
    let status: 409 | 422 = 422;
    if (form.ok) {
      try {
        const { to, note, trackingNumber, carrier } = form.data;
        await transition(ctx, { vendorId, platformId: c.get('platform')!.id, actor: actorOf(c) }, id.data, {
          to,
          note: blank(note),
          trackingNumber: blank(trackingNumber),
          carrier: blank(carrier),
        });
        setFlash(c, { kind: 'success', text: `Order is now ${to}.` });
        return seeOther(c, `${base(c)}/${id.data}`);
      } catch (err) {
        const e = err as { status?: number; detail?: string; message: string };
        if (!e.status || e.status >= 500 || e.status === 404) throw err;
        error = e.detail ?? e.message;
        status = e.status === 409 ? 409 : 422;
      }
    } else {
      error = Object.entries(form.errors)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ');
    }
    const o = await vendorDetail(ctx, vendorId, id.data);
    c.status(status);
    return c.render(<DetailPage c={c} o={o} error={error} />, { title: `Order ${o.number}` });
  });

  router.get('/:id/packing-slip', requirePermission('orders.view'), async (c) => {
    const id = idOf(c);
    if (!id.success) return c.notFound();
    const vendorId = vendorOf(c);
    const o = await ctx.withTenant({ vendorId }, async (trx) =>
      orderDetail(trx, vendorId, await findOrderRow(trx, vendorId, id.data)),
    );
    const a = o.shippingAddress;
    return c.html(
      <html lang={c.get('language') ?? 'en'}>
        <head>
          <meta charset="utf-8" />
          <title>{`Packing slip ${o.number}`}</title>
          <style>
            {
              'body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.3rem;text-align:left}@media print{a{display:none}}'
            }
          </style>
        </head>
        <body>
          <h1>
            {c.get('vendor')?.name}: order {o.number}
          </h1>
          <p>Placed {o.placedAt.slice(0, 10)}</p>
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
            {a.postalCode} {a.city}
            <br />
            {a.country}
          </address>
          <table>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">GTIN</th>
                <th scope="col">Item</th>
                <th scope="col">Quantity</th>
              </tr>
            </thead>
            <tbody>
              {o.lines.map((l) => (
                <tr>
                  <td>{l.sku}</td>
                  <td>{l.gtin ?? ''}</td>
                  <td>
                    {l.title}
                    {Object.keys(l.optionValues).length ? ` (${Object.values(l.optionValues).join(', ')})` : ''}
                  </td>
                  <td>{l.quantity}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {o.trackingNumber ? (
            <p>
              {o.carrier}: {o.trackingNumber}
            </p>
          ) : null}
        </body>
      </html>,
    );
  });
}
