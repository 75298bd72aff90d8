import { type PluginContext, type PluginRouter, requirePermission, vendorOf, z } from '@orion/sdk';
import {
  Badge,
  Button,
  Card,
  ConfirmDialog,
  can,
  csrfToken,
  ErrorSummary,
  type FieldErrors,
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
import {
  ADDRESS_FORM_FIELDS,
  type Address,
  AddressForm,
  type AddressPatch,
  OPTIONAL_ADDRESS_FIELDS,
} from '../address.js';
import { createAddress, deleteAddress, listAddresses, updateAddress } from '../addresses.js';
import { ProfileErrors } from '../errors.js';
import { inVendor, loadProfile, type VendorProfile } from '../profiles.js';
import { CustomerId, fullName, root, stringValues, type T, tr, translatedErrors } from './shared.js';

const AddressId = z.coerce.number().int().positive();
const kindLabel = (t: T, a: { kind: string }) =>
  a.kind === 'shipping' ? t('customers.address.shipping') : t('customers.address.billing');

/** The customer's addresses on their page; with `customer-profiles.edit`, add, edit, make default and delete. */
export function AddressesCard(props: { c: Context; t: T; customerId: number; addresses: Address[] }) {
  const { c, t, addresses } = props;
  const base = `${root(c)}/${props.customerId}/addresses`;
  const editor = can(c.get('principal'), 'customer-profiles.edit');
  return (
    <Card title={t('customers.addresses')} id="customer-addresses">
      {addresses.length ? (
        <ul class="grid gap-3 sm:grid-cols-2">
          {addresses.map((a) => (
            <li class="rounded-md p-3 ring-1 ring-gray-200" id={`address-${a.id}`}>
              <p class="mb-1 flex gap-2 text-sm font-medium">
                {kindLabel(t, a)}
                {a.isDefault ? <Badge tone="blue">{t('customers.address.default')}</Badge> : null}
              </p>
              <address class="text-sm not-italic">
                {[
                  a.fullName,
                  a.company,
                  a.line1,
                  a.line2,
                  `${a.postalCode ?? ''} ${a.city}`.trim(),
                  a.region,
                  a.country,
                  a.phone,
                ]
                  .filter(Boolean)
                  .map((line) => (
                    <span class="block">{line}</span>
                  ))}
              </address>
              {editor ? (
                <div class="mt-2 flex flex-wrap gap-2">
                  <LinkButton variant="secondary" href={`${base}/${a.id}/edit`}>
                    {t('customers.addresses.edit')}
                    <span class="sr-only"> {a.line1}</span>
                  </LinkButton>
                  {a.isDefault ? null : (
                    <Form action={`${base}/${a.id}/default`} csrf={csrfToken(c)} class="inline">
                      <Button variant="secondary" type="submit">
                        {t('customers.addresses.makeDefault')}
                        <span class="sr-only"> {a.line1}</span>
                      </Button>
                    </Form>
                  )}
                  <LinkButton variant="secondary" href={`${base}/${a.id}/delete`}>
                    {t('customers.addresses.delete')}
                    <span class="sr-only"> {a.line1}</span>
                  </LinkButton>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="text-sm">{t('customers.addresses.none')}</p>
      )}
      {editor ? (
        <div class="mt-3">
          <LinkButton href={`${base}/new`}>{t('customers.addresses.add')}</LinkButton>
        </div>
      ) : null}
    </Card>
  );
}

function AddressFormView(props: {
  c: Context;
  t: T;
  p: VendorProfile;
  action: string;
  title: string;
  /** Offer "make it the default": on a new address, or one that is not the default yet. */
  offerDefault: boolean;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { c, t, values, errors } = props;
  const back = `${root(c)}/${props.p.customerId}`;
  return (
    <div class="space-y-4">
      <PageHeader
        title={props.title}
        description={props.p.email}
        actions={
          <LinkButton variant="secondary" href={back}>
            {t('customers.edit.cancel')}
          </LinkButton>
        }
      />
      <Card>
        <Form action={props.action} csrf={csrfToken(c)} class="max-w-xl space-y-4">
          <ErrorSummary errors={errors} />
          <SelectField
            name="kind"
            label={t('shop.addresses.kind')}
            value={values.kind === 'billing' ? 'billing' : 'shipping'}
            error={errors?.kind}
            options={[
              { value: 'shipping', label: t('customers.address.shipping') },
              { value: 'billing', label: t('customers.address.billing') },
            ]}
          />
          {ADDRESS_FORM_FIELDS.map((name) => (
            <TextField
              name={name}
              label={`${t(`shop.addresses.field.${name}`)}${OPTIONAL_ADDRESS_FIELDS.has(name) ? ` (${t('shop.addresses.optional')})` : ''}`}
              value={values[name] ?? ''}
              error={errors?.[name]}
            />
          ))}
          {props.offerDefault ? (
            <label class="flex items-center gap-2 text-sm text-gray-900">
              <input type="checkbox" name="isDefault" checked={values.isDefault === 'on'} />
              {t('customers.addresses.setDefault')}
            </label>
          ) : null}
          <Button type="submit">{t('customers.addresses.save')}</Button>
        </Form>
      </Card>
    </div>
  );
}

const valuesOf = (a: Address): Record<string, string> => ({
  kind: a.kind,
  ...Object.fromEntries(ADDRESS_FORM_FIELDS.map((f) => [f, a[f] ?? ''])),
});

/**
 * A customer's addresses from the vendor pages (`customer-profiles.edit`): `/<id>/addresses/new` and
 * `/<id>/addresses/<addressId>/edit` (forms that re-render with their errors and a 422, saving nothing),
 * `…/default` (make it the default of its kind) and `…/delete` (asks first). Each answers with a flash and a 303 to
 * the customer's page. Another vendor's customer or address is a 404.
 */
export function addressPages(router: PluginRouter, ctx: PluginContext): void {
  const edit = requirePermission('customer-profiles.edit');
  const customerOf = async (c: Context) => {
    const id = CustomerId.safeParse(c.req.param('id'));
    if (!id.success) throw ProfileErrors.NotFound({ what: 'customer', id: 0 });
    return inVendor(ctx, vendorOf(c), (s) => loadProfile(s, id.data));
  };
  /** The customer and one of their addresses (404 when either is not this vendor's). */
  const addressOf = async (c: Context) => {
    const p = await customerOf(c);
    const addressId = AddressId.safeParse(c.req.param('addressId'));
    const vendorId = vendorOf(c);
    const all = await inVendor(ctx, vendorId, (s) => listAddresses(s.trx, { vendorId, customerId: p.customerId }));
    const a = addressId.success ? all.find((x) => x.id === addressId.data) : undefined;
    if (!a) throw ProfileErrors.NotFound({ what: 'address', id: addressId.data ?? 0 });
    return { p, a, owner: { vendorId, customerId: p.customerId } };
  };
  const done = (c: Context, p: VendorProfile, text: string) => {
    setFlash(c, { kind: 'success', text });
    return seeOther(c, `${root(c)}/${p.customerId}`);
  };
  /** The new-address form (no address) or an address's, with what was sent and its errors (then a 422). */
  const formPage = (
    c: Context,
    p: VendorProfile,
    a: Address | undefined,
    values: Record<string, string>,
    errors?: FieldErrors,
  ) => {
    const { t } = tr(c);
    const title = t(a ? 'customers.addresses.editTitle' : 'customers.addresses.newTitle', { name: fullName(t, p) });
    const action = `${root(c)}/${p.customerId}/addresses${a ? `/${a.id}/edit` : ''}`;
    if (errors) c.status(422);
    return c.render(
      <AddressFormView
        c={c}
        t={t}
        p={p}
        action={action}
        title={title}
        offerDefault={!a?.isDefault}
        values={values}
        errors={errors && translatedErrors(t, errors, 'customers.addresses.error')}
      />,
      { title },
    );
  };

  router.get('/:id/addresses/new', edit, async (c) => formPage(c, await customerOf(c), undefined, {}));

  router.post('/:id/addresses', edit, async (c) => {
    const p = await customerOf(c);
    const form = await readForm(c, AddressForm);
    if (!form.ok) return formPage(c, p, undefined, stringValues(form.values), form.errors);
    const vendorId = vendorOf(c);
    await inVendor(
      ctx,
      vendorId,
      (s) => createAddress(s.trx, { vendorId, customerId: p.customerId, record: s.record }, form.data),
      c,
    );
    return done(c, p, tr(c).t('customers.addresses.added'));
  });

  router.get('/:id/addresses/:addressId/edit', edit, async (c) => {
    const { p, a } = await addressOf(c);
    return formPage(c, p, a, valuesOf(a));
  });

  router.post('/:id/addresses/:addressId/edit', edit, async (c) => {
    const { p, a, owner } = await addressOf(c);
    const form = await readForm(c, AddressForm);
    if (!form.ok) return formPage(c, p, a, stringValues(form.values), form.errors);
    // The form sends every field: an emptied optional one is cleared. An unticked box leaves the default as it is.
    const { isDefault, ...fields } = form.data;
    const patch: AddressPatch = { ...fields, ...(isDefault ? { isDefault: true } : {}) };
    for (const f of OPTIONAL_ADDRESS_FIELDS) (patch as Record<string, unknown>)[f] = fields[f as keyof typeof fields];
    await inVendor(ctx, owner.vendorId, (s) => updateAddress(s.trx, { ...owner, record: s.record }, a.id, patch), c);
    return done(c, p, tr(c).t('customers.addresses.saved'));
  });

  router.post('/:id/addresses/:addressId/default', edit, async (c) => {
    const { p, a, owner } = await addressOf(c);
    await inVendor(
      ctx,
      owner.vendorId,
      (s) => updateAddress(s.trx, { ...owner, record: s.record }, a.id, { isDefault: true }),
      c,
    );
    return done(c, p, tr(c).t('customers.addresses.madeDefault'));
  });

  router.get('/:id/addresses/:addressId/delete', edit, async (c) => {
    const { t } = tr(c);
    const { p, a } = await addressOf(c);
    const title = t('customers.addresses.deleteTitle');
    return c.render(
      <ConfirmDialog
        id="address-delete"
        title={title}
        action={`${root(c)}/${p.customerId}/addresses/${a.id}/delete`}
        csrf={csrfToken(c)}
        cancelHref={`${root(c)}/${p.customerId}`}
        confirmLabel={t('customers.addresses.delete')}
        danger
      >
        {t('customers.addresses.deleteExplain', { kind: kindLabel(t, a), line: `${a.line1}, ${a.city}` })}
      </ConfirmDialog>,
      { title },
    );
  });

  router.post('/:id/addresses/:addressId/delete', edit, async (c) => {
    const { p, a, owner } = await addressOf(c);
    await inVendor(ctx, owner.vendorId, (s) => deleteAddress(s.trx, { ...owner, record: s.record }, a.id), c);
    return done(c, p, tr(c).t('customers.addresses.deleted'));
  });
}
