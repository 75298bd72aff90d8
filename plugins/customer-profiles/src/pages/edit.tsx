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
  seeOther,
  setFlash,
  TextField,
} from '@orion/sdk/ui';
import type { Context } from 'hono';
import { ProfileErrors } from '../errors.js';
import { inVendor, loadProfile, updateCustomer, type VendorProfile, VendorProfilePatch } from '../profiles.js';
import { CustomerId, fullName, root, stringValues, type T, tr, translatedErrors } from './shared.js';

const FIELDS = ['firstName', 'lastName', 'phone', 'company', 'vatNumber', 'birthDate'] as const;
const NULLABLE: ReadonlySet<string> = new Set(['phone', 'company', 'vatNumber', 'birthDate']);

/**
 * The posted form as the API's patch: every field is sent, an empty optional one clears it, and a VAT number is
 * read without spaces, in capitals. Checked by the same schema as `PATCH /customers/{id}`.
 */
const ProfileForm = z.preprocess((raw) => {
  const v = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    let value = typeof v[field] === 'string' ? (v[field] as string).trim() : '';
    if (field === 'vatNumber') value = value.replace(/\s+/g, '').toUpperCase();
    out[field] = NULLABLE.has(field) && !value ? null : value;
  }
  return out;
}, VendorProfilePatch);

const valuesOf = (p: VendorProfile): Record<string, string> => ({
  firstName: p.firstName,
  lastName: p.lastName,
  phone: p.phone ?? '',
  company: p.company ?? '',
  vatNumber: p.vatNumber ?? '',
  birthDate: p.birthDate ?? '',
});

function EditView(props: { c: Context; t: T; p: VendorProfile; values: Record<string, string>; errors?: FieldErrors }) {
  const { c, t, p, values, errors } = props;
  const back = `${root(c)}/${p.customerId}`;
  const field = (name: (typeof FIELDS)[number], label: string, extra: Record<string, unknown> = {}) => (
    <TextField name={name} label={label} value={values[name] ?? ''} error={errors?.[name]} {...extra} />
  );
  return (
    <div class="space-y-4">
      <PageHeader
        title={t('customers.edit.title', { name: fullName(t, p) })}
        description={p.email}
        actions={
          <LinkButton variant="secondary" href={back}>
            {t('customers.edit.cancel')}
          </LinkButton>
        }
      />
      <Card>
        <Form action={`${back}/edit`} csrf={csrfToken(c)} class="max-w-xl space-y-4">
          <ErrorSummary errors={errors} />
          <p class="text-sm text-gray-600">{t('customers.edit.emailNote')}</p>
          {field('firstName', t('customers.field.firstName'), { autocomplete: 'off' })}
          {field('lastName', t('customers.field.lastName'), { autocomplete: 'off' })}
          {field('phone', t('customers.field.phone'), { autocomplete: 'off' })}
          {field('company', t('customers.field.company'))}
          {field('vatNumber', t('customers.field.vatNumber'), { hint: t('customers.edit.hint.vatNumber') })}
          {field('birthDate', t('customers.field.birthDate'), { type: 'date' })}
          <Button type="submit">{t('customers.edit.save')}</Button>
        </Form>
      </Card>
    </div>
  );
}

/**
 * Editing a customer's names, phone, company, VAT number and birth date at `/<id>/edit` (`customer-profiles.edit`):
 * a form that works without JavaScript; bad input re-renders it with each field's error and a 422, saving nothing.
 * The email and the marketing consent are the customer's and are not on it.
 */
export function editPages(router: PluginRouter, ctx: PluginContext): void {
  const load = async (c: Context) => {
    const id = CustomerId.safeParse(c.req.param('id'));
    if (!id.success) throw ProfileErrors.NotFound({ what: 'customer', id: 0 });
    return inVendor(ctx, vendorOf(c), (s) => loadProfile(s, id.data));
  };
  const title = (t: T, p: VendorProfile) => t('customers.edit.title', { name: fullName(t, p) });

  router.get('/:id/edit', requirePermission('customer-profiles.edit'), async (c) => {
    const { t } = tr(c);
    const p = await load(c);
    return c.render(<EditView c={c} t={t} p={p} values={valuesOf(p)} />, { title: title(t, p) });
  });

  router.post('/:id/edit', requirePermission('customer-profiles.edit'), async (c) => {
    const { t } = tr(c);
    const p = await load(c);
    const form = await readForm(c, ProfileForm);
    if (!form.ok) {
      c.status(422);
      const errors = translatedErrors(t, form.errors, 'customers.edit.error');
      return c.render(<EditView c={c} t={t} p={p} values={stringValues(form.values)} errors={errors} />, {
        title: title(t, p),
      });
    }
    await inVendor(ctx, vendorOf(c), (s) => updateCustomer(s, p.customerId, form.data), c);
    setFlash(c, { kind: 'success', text: t('customers.edit.saved') });
    return seeOther(c, `${root(c)}/${p.customerId}`);
  });
}
