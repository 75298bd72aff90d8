import { Money, type PluginContext, type PluginRouter, requirePermission, vendorOf, z } from '@orion/sdk';
import {
  Badge,
  Button,
  Card,
  can,
  csrfToken,
  ErrorSummary,
  type FieldErrors,
  Form,
  LinkButton,
  PageHeader,
  readForm,
  seeOther,
  setFlash,
} from '@orion/sdk/ui';
import type { Context } from 'hono';
import type { Address } from '../address.js';
import { listAddresses } from '../addresses.js';
import { ProfileErrors } from '../errors.js';
import { inVendor, loadProfile, updateNotes, type VendorProfile } from '../profiles.js';
import { AddressesCard } from './addresses.js';
import { type CustomerOrderList, ordersOf } from './orders.js';
import { CustomerId, fullName, root, type T, tr } from './shared.js';

const NOTES_MAX = 5000;
const TEXTAREA =
  'block w-full rounded-md border-0 px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-gray-300 ring-inset ' +
  'focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-red-600';

interface Detail {
  profile: VendorProfile;
  addresses: Address[];
  orders?: CustomerOrderList;
}

function Field(props: { label: string; value: string | null }) {
  return (
    <>
      <dt class="font-medium text-gray-700">{props.label}</dt>
      <dd>{props.value ?? '—'}</dd>
    </>
  );
}

function NotesCard(props: { c: Context; t: T; d: Detail; value?: string; errors?: FieldErrors }) {
  const { c, t, d } = props;
  const { fmt } = tr(c);
  const action = `${root(c)}/${d.profile.customerId}/notes`;
  const error = props.errors?.notes;
  const updated = d.profile.notesUpdatedAt
    ? t('customers.notes.updated', { date: fmt.dateTime(new Date(d.profile.notesUpdatedAt)) })
    : '';
  if (!can(c.get('principal'), 'customer-profiles.edit')) {
    return (
      <Card title={t('customers.notes')} id="customer-notes">
        <p class="text-sm whitespace-pre-wrap">{d.profile.notes || t('customers.notes.empty')}</p>
      </Card>
    );
  }
  return (
    <Card title={t('customers.notes')} id="customer-notes">
      <Form
        action={action}
        csrf={csrfToken(c)}
        hx-post={action}
        hx-target="#customer-notes"
        hx-select="#customer-notes"
        hx-swap="outerHTML"
      >
        <ErrorSummary errors={props.errors} />
        <div>
          <label for="field-notes" class="mb-1 block text-sm font-medium text-gray-900">
            {t('customers.notes.label')}
          </label>
          <textarea
            id="field-notes"
            name="notes"
            rows={6}
            class={TEXTAREA}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'field-notes-error' : 'field-notes-hint'}
          >
            {props.value ?? d.profile.notes}
          </textarea>
          {error ? (
            <p id="field-notes-error" class="mt-1 text-sm text-red-700">
              {error}
            </p>
          ) : (
            <p id="field-notes-hint" class="mt-1 text-xs text-gray-600">
              {t('customers.notes.hint')} {updated}
            </p>
          )}
        </div>
        <Button type="submit">{t('customers.notes.save')}</Button>
      </Form>
    </Card>
  );
}

function OrdersCard(props: { c: Context; t: T; orders: CustomerOrderList }) {
  const { c, t, orders } = props;
  const { fmt } = tr(c);
  const lang = c.get('language') ?? 'en';
  const base = `${c.get('tenant')?.base ?? ''}/vendor/${c.get('vendor')?.code}/orders`;
  if (!orders.orders.length) {
    return (
      <Card title={t('customers.orders')}>
        <p class="text-sm">{t('customers.orders.none')}</p>
      </Card>
    );
  }
  return (
    <Card title={t('customers.orders')}>
      <table class="w-full text-sm">
        <thead>
          <tr class="text-left">
            <th scope="col">{t('customers.orders.col.number')}</th>
            <th scope="col">{t('customers.orders.col.placed')}</th>
            <th scope="col">{t('customers.orders.col.status')}</th>
            <th scope="col">{t('customers.orders.col.total')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.orders.map((o) => (
            <tr>
              <td>
                <a class="text-brand-700 underline" href={`${base}/${o.id}`}>
                  #{o.number}
                </a>
              </td>
              <td>{fmt.date(new Date(o.placedAt))}</td>
              <td>{o.status}</td>
              <td>{Money.format(Money.of(o.total.amountMinor, o.total.currency), lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function DetailView(props: { c: Context; d: Detail; value?: string; errors?: FieldErrors }) {
  const { c, d } = props;
  const { t, fmt } = tr(c);
  const p = d.profile;
  const consent = (yes: boolean) => (
    <Badge tone={yes ? 'green' : 'gray'}>{yes ? t('customers.consent.yes') : t('customers.consent.no')}</Badge>
  );
  return (
    <div class="space-y-4">
      <PageHeader
        title={fullName(t, p)}
        description={p.email}
        actions={
          <>
            {can(c.get('principal'), 'customer-profiles.edit') ? (
              <LinkButton href={`${root(c)}/${p.customerId}/edit`}>{t('customers.edit')}</LinkButton>
            ) : null}
            <LinkButton variant="secondary" href={root(c)}>
              {t('customers.back')}
            </LinkButton>
          </>
        }
      />
      <div class="grid gap-4 lg:grid-cols-2">
        <Card title={t('customers.profile')}>
          <dl class="grid grid-cols-2 gap-1 text-sm">
            <Field label={t('customers.field.email')} value={p.email} />
            <Field label={t('customers.field.phone')} value={p.phone} />
            <Field label={t('customers.field.company')} value={p.company} />
            <Field label={t('customers.field.vatNumber')} value={p.vatNumber} />
            <Field
              label={t('customers.field.birthDate')}
              value={p.birthDate ? fmt.date(new Date(p.birthDate)) : null}
            />
            <Field label={t('customers.field.since')} value={fmt.date(new Date(p.createdAt))} />
          </dl>
        </Card>
        <Card title={t('customers.consent')}>
          <dl class="grid grid-cols-2 gap-1 text-sm">
            <dt class="font-medium text-gray-700">{t('customers.consent.email')}</dt>
            <dd>{consent(p.marketing.email)}</dd>
            <dt class="font-medium text-gray-700">{t('customers.consent.sms')}</dt>
            <dd>{consent(p.marketing.sms)}</dd>
          </dl>
          <p class="mt-2 text-xs text-gray-600">
            {p.marketing.updatedAt
              ? t('customers.consent.updated', { date: fmt.dateTime(new Date(p.marketing.updatedAt)) })
              : t('customers.consent.fromSignUp')}
          </p>
          <p class="mt-1 text-xs text-gray-600">{t('customers.consent.customerOnly')}</p>
        </Card>
      </div>
      <AddressesCard c={c} t={t} customerId={p.customerId} addresses={d.addresses} />
      <NotesCard c={c} t={t} d={d} value={props.value} errors={props.errors} />
      {d.orders ? <OrdersCard c={c} t={t} orders={d.orders} /> : null}
    </div>
  );
}

/**
 * A customer's page at `/vendor/<code>/customer-profiles/<id>`: profile (with a link to edit it), marketing consent
 * (read only: the customer's to give), addresses (edited in addresses.tsx), the team's notes (a form that works without JavaScript) and, when the orders plugin is there, their orders. Another vendor's
 * customer is a 404.
 */
export function detailPages(router: PluginRouter, ctx: PluginContext): void {
  const load = async (c: Context): Promise<Detail> => {
    const id = CustomerId.safeParse(c.req.param('id'));
    if (!id.success) throw ProfileErrors.NotFound({ what: 'customer', id: 0 });
    const vendorId = vendorOf(c);
    const found = await inVendor(ctx, vendorId, async (s) => ({
      profile: await loadProfile(s, id.data),
      addresses: await listAddresses(s.trx, { vendorId, customerId: id.data }),
    }));
    return { ...found, orders: await ordersOf(ctx, vendorId, id.data) };
  };

  router.get('/:id', requirePermission('customer-profiles.view'), async (c) => {
    const d = await load(c);
    return c.render(<DetailView c={c} d={d} />, { title: fullName(tr(c).t, d.profile) });
  });

  router.post('/:id/notes', requirePermission('customer-profiles.edit'), async (c) => {
    const { t } = tr(c);
    const d = await load(c);
    const schema = z.object({
      // Browsers send line breaks as CRLF: count them as one character, as the customer sees them.
      notes: z
        .string()
        .default('')
        .transform((s) => s.replace(/\r\n/g, '\n'))
        .pipe(z.string().max(NOTES_MAX)),
    });
    const form = await readForm(c, schema);
    if (!form.ok) {
      const value = String(form.values.notes ?? '').replace(/\r\n/g, '\n');
      c.status(422);
      return c.render(
        <DetailView
          c={c}
          d={d}
          value={value}
          errors={{ notes: t('customers.notes.tooLong', { count: value.length }) }}
        />,
        { title: fullName(t, d.profile) },
      );
    }
    const vendorId = vendorOf(c);
    await inVendor(ctx, vendorId, (s) => updateNotes(s, d.profile.customerId, form.data.notes), c);
    setFlash(c, { kind: 'success', text: t('customers.notes.saved') });
    return seeOther(c, `${root(c)}/${d.profile.customerId}`);
  });
}
