import { type PluginContext, type PluginRouter, requirePermission, vendorOf, z } from '@orion/sdk';
import {
  Button,
  Card,
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
  translator,
} from '@orion/sdk/ui';
import type { Context } from 'hono';
import { messages } from './locales/index.js';
import {
  createMethod,
  deleteMethod,
  findMethod,
  listMethods,
  MethodInput,
  SHIPPING_KINDS,
  type ShippingMethod,
  updateMethod,
} from './shipping.js';

const PERMISSION = 'checkout.shipping';
const base = (c: Context) => `${c.get('tenant')?.base ?? ''}/vendor/${c.get('vendor')?.code}/checkout/shipping`;
const idOf = (c: Context) => z.coerce.number().int().positive().safeParse(c.req.param('id'));

/** The form's fields as strings, from a stored method or from what was posted. */
const valuesOf = (m?: ShippingMethod): Record<string, string> => ({
  name: m?.name ?? '',
  kind: m?.kind ?? 'flat',
  amountMinor: String(m?.amount.amountMinor ?? 0),
  freeAboveMinor: m?.freeAbove ? String(m.freeAbove.amountMinor) : '',
  currency: m?.amount.currency ?? 'EUR',
  active: m === undefined || m.active ? 'true' : 'false',
  position: String(m?.position ?? 0),
});

/** A posted form as the method schema reads it: empty threshold is none, the checkbox is a boolean. */
const FormSchema = z
  .object({
    name: z.string().default(''),
    kind: z.string().default(''),
    amountMinor: z.string().default('0'),
    freeAboveMinor: z.string().default(''),
    currency: z.string().default(''),
    active: z.string().optional(),
    position: z.string().default('0'),
  })
  .transform((f) => ({
    ...f,
    amountMinor: f.amountMinor || '0',
    freeAboveMinor: f.freeAboveMinor === '' ? null : f.freeAboveMinor,
    active: f.active === 'true',
  }))
  // The form's strings, then the same schema as the API (its input type is wider than strings).
  // biome-ignore lint/suspicious/noExplicitAny: the pipe's input is the transform's output
  .pipe(MethodInput as unknown as z.ZodType<MethodInput, any>);

function MethodForm(props: { c: Context; action: string; values: Record<string, string>; errors?: FieldErrors }) {
  const { t } = translator(props.c, messages);
  const f = (name: string) => ({ name, value: props.values[name] ?? '', error: props.errors?.[name] });
  return (
    <Form action={props.action} csrf={csrfToken(props.c)}>
      <ErrorSummary errors={props.errors} />
      <TextField {...f('name')} label={t('shipping.name')} required />
      <SelectField
        {...f('kind')}
        label={t('shipping.kind')}
        options={SHIPPING_KINDS.map((k) => ({ value: k, label: t(`shipping.kind.${k}`) }))}
      />
      <TextField {...f('amountMinor')} type="number" label={t('shipping.amount')} />
      <TextField {...f('freeAboveMinor')} type="number" label={t('shipping.freeAbove')} />
      <TextField {...f('currency')} label={t('shipping.currency')} required />
      <TextField {...f('position')} type="number" label={t('shipping.position')} />
      <div>
        <input type="checkbox" id="field-active" name="active" value="true" checked={props.values.active === 'true'} />{' '}
        <label for="field-active">{t('shipping.active')}</label>
      </div>
      <Button>{t('shipping.save')}</Button>
    </Form>
  );
}

/**
 * The vendor's shipping methods page (`/vendor/<code>/checkout/shipping`): the list, a form to add one, a form per
 * method to change it, and delete. Needs `checkout.shipping`. An invalid form comes back with its errors (422).
 */
export function vendorPages(router: PluginRouter, ctx: PluginContext): void {
  const list = async (c: Context, form?: { values: Record<string, string>; errors: FieldErrors }) => {
    const { t, fmt } = translator(c, messages);
    if (form) c.status(422);
    const vendorId = vendorOf(c);
    const methods = await ctx.withTenant({ vendorId }, (trx) => listMethods(trx, vendorId, { all: true }));
    const price = (m: ShippingMethod) =>
      m.kind === 'pickup'
        ? t('checkout.free')
        : m.kind === 'free_above' && m.freeAbove
          ? t('checkout.freeAbove', { amount: fmt.money(m.amount), threshold: fmt.money(m.freeAbove) })
          : fmt.money(m.amount);
    return c.render(
      <>
        <PageHeader title={t('shipping.title')} description={t('shipping.intro')} />
        <Card>
          {methods.length ? (
            <table class="w-full text-left text-sm">
              <thead>
                <tr>
                  <th scope="col">{t('shipping.name')}</th>
                  <th scope="col">{t('shipping.kind')}</th>
                  <th scope="col">{t('checkout.price')}</th>
                  <th scope="col">{t('shipping.active')}</th>
                  <th scope="col">{t('shipping.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {methods.map((m) => (
                  <tr data-method={String(m.id)}>
                    <td>{m.name}</td>
                    <td>{t(`shipping.kind.${m.kind}`)}</td>
                    <td>{price(m)}</td>
                    <td>{m.active ? t('shipping.yes') : t('shipping.no')}</td>
                    <td class="flex gap-2">
                      <LinkButton variant="secondary" href={`${base(c)}/${m.id}`}>
                        {t('shipping.edit')}
                      </LinkButton>
                      <Form action={`${base(c)}/${m.id}/delete`} csrf={csrfToken(c)}>
                        <Button variant="danger">{t('shipping.delete')}</Button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('shipping.none')}</p>
          )}
        </Card>
        <Card title={t('shipping.new')} class="mt-6">
          <MethodForm c={c} action={base(c)} values={form?.values ?? valuesOf()} errors={form?.errors} />
        </Card>
      </>,
      { title: t('shipping.title') },
    );
  };

  const editPage = (c: Context, action: string, values: Record<string, string>, errors?: FieldErrors) => {
    const { t } = translator(c, messages);
    if (errors) c.status(422);
    return c.render(
      <>
        <PageHeader title={t('shipping.edit')} />
        <Card>
          <MethodForm c={c} action={action} values={values} errors={errors} />
        </Card>
      </>,
      { title: t('shipping.edit') },
    );
  };

  router.get('/shipping', requirePermission(PERMISSION), (c) => list(c));

  router.post('/shipping', requirePermission(PERMISSION), async (c) => {
    const { t } = translator(c, messages);
    const form = await readForm(c, FormSchema);
    if (!form.ok) return list(c, { values: form.values as Record<string, string>, errors: form.errors });
    const vendorId = vendorOf(c);
    await ctx.withTenant({ vendorId }, (trx) => createMethod(trx, vendorId, form.data));
    setFlash(c, { kind: 'success', text: t('shipping.saved') });
    return seeOther(c, base(c));
  });

  router.get('/shipping/:id', requirePermission(PERMISSION), async (c) => {
    const id = idOf(c);
    if (!id.success) return c.notFound();
    const vendorId = vendorOf(c);
    const method = await ctx.withTenant({ vendorId }, (trx) => findMethod(trx, vendorId, id.data));
    return editPage(c, `${base(c)}/${id.data}`, valuesOf(method));
  });

  router.post('/shipping/:id', requirePermission(PERMISSION), async (c) => {
    const { t } = translator(c, messages);
    const id = idOf(c);
    if (!id.success) return c.notFound();
    const vendorId = vendorOf(c);
    const form = await readForm(c, FormSchema);
    if (!form.ok) return editPage(c, `${base(c)}/${id.data}`, form.values as Record<string, string>, form.errors);
    await ctx.withTenant({ vendorId }, (trx) => updateMethod(trx, vendorId, id.data, form.data));
    setFlash(c, { kind: 'success', text: t('shipping.saved') });
    return seeOther(c, base(c));
  });

  router.post('/shipping/:id/delete', requirePermission(PERMISSION), async (c) => {
    const { t } = translator(c, messages);
    const id = idOf(c);
    if (!id.success) return c.notFound();
    const vendorId = vendorOf(c);
    await ctx.withTenant({ vendorId }, (trx) => deleteMethod(trx, vendorId, id.data));
    setFlash(c, { kind: 'success', text: t('shipping.deleted') });
    return seeOther(c, base(c));
  });
}
