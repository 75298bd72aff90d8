import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import { can, requirePermission } from '../../auth/authorize.js';
import type { DbAccess } from '../../auth/db-access.js';
import type { KernelKey } from '../../i18n/locales/index.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import { addVendorDomain, HOSTNAME, normalizeDomain } from '../../tenancy/domain-service.js';
import { verificationRecordName } from '../../tenancy/domain-verifier.js';
import { TenancyErrors } from '../../tenancy/errors.js';
import { SUPPORTED_LANGUAGES } from '../../tenancy/language.js';
import type { PlatformRegistry } from '../../tenancy/platforms.js';
import { Badge } from '../../ui/components/badge.js';
import { Button } from '../../ui/components/button.js';
import { type Column, DataTable, tableQuery } from '../../ui/components/data-table.js';
import {
  CheckboxGroup,
  ErrorSummary,
  type FieldErrors,
  Form,
  SelectField,
  TextField,
} from '../../ui/components/form.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { formValue, formValues, readForm } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import { vendorOf, vendorRoot } from '../scope.js';

export interface VendorSettingsDeps {
  db: DbAccess;
  platforms: PlatformRegistry;
  /** Reloads the vendor registry here and in the other processes (the name and languages are read from it). */
  changed: () => Promise<void>;
}

interface DomainRow {
  domain: string;
  verified_at: Date | null;
  verification_token: string;
}

interface View {
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  domainValues?: Record<string, string | string[]>;
  domainErrors?: FieldErrors;
}

const settingsSchema = (t: ReturnType<typeof kernelT>) =>
  z
    .object({
      name: z.string().trim().min(1, t('settings.error.name')).max(120, t('settings.error.name')),
      contactEmail: z.union([z.literal(''), z.string().trim().email(t('settings.error.email')).max(320)]),
      contactPhone: z.string().trim().max(40, t('settings.error.phone')),
      languages: z.preprocess(
        (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
        z.array(z.enum(SUPPORTED_LANGUAGES)).min(1, t('settings.error.languages')),
      ),
      defaultLanguage: z.string(),
    })
    .refine((f) => (f.languages as string[]).includes(f.defaultLanguage), {
      path: ['defaultLanguage'],
      message: t('settings.error.defaultLanguage'),
    });

/**
 * `/vendor/<code>/settings`: the shop's name, contact and languages (settings.view to see, settings.edit to change)
 * and its custom domains with their verification record (settings.domains to request one).
 */
export function mountVendorSettings(app: Hono, deps: VendorSettingsDeps): void {
  app.use('/vendor/:vendorCode/settings', requirePermission('settings.view'));
  app.use('/vendor/:vendorCode/settings/general', requirePermission('settings.edit'));
  app.use('/vendor/:vendorCode/settings/domains', requirePermission('settings.domains'));

  const page = async (c: Context, view: View = {}) => {
    const vendor = vendorOf(c);
    const { settings, domains } = await deps.db.asVendor(vendor.id, async (db) => ({
      settings: ((await db('vendors').where({ id: vendor.id }).first('settings'))?.settings ?? {}) as {
        contact?: { email?: string; phone?: string };
      },
      domains: (await db('vendor_domains').where({ vendor_id: vendor.id }).orderBy('id')) as DomainRow[],
    }));
    const values = view.values ?? {
      name: vendor.name,
      contactEmail: settings.contact?.email ?? '',
      contactPhone: settings.contact?.phone ?? '',
      languages: vendor.languages,
      defaultLanguage: vendor.defaultLanguage,
    };
    return c.render(<SettingsPage c={c} {...view} values={values} domains={domains} />, {
      title: kernelT(c)('settings.title'),
    });
  };

  app.get('/vendor/:vendorCode/settings', (c) => page(c));

  app.post('/vendor/:vendorCode/settings/general', async (c) => {
    const vendor = vendorOf(c);
    const form = await readForm(c, settingsSchema(kernelT(c)));
    if (!form.ok) {
      c.status(422);
      return page(c, { values: form.values, errors: form.errors });
    }
    const { name, contactEmail, contactPhone, languages, defaultLanguage } = form.data;
    const after = { name, languages, defaultLanguage, contact: { email: contactEmail, phone: contactPhone } };
    await deps.db.asVendor(vendor.id, async (db) => {
      const before = await db('vendors')
        .where({ id: vendor.id })
        .first('name', 'languages', 'default_language', 'settings');
      await db('vendors')
        .where({ id: vendor.id })
        .update({
          name,
          languages,
          default_language: defaultLanguage,
          settings: { ...before.settings, contact: after.contact },
          updated_at: db.fn.now(),
        });
      await audit(db, c, {
        action: 'tenancy.vendor.changed',
        targetType: 'vendor',
        targetId: vendor.id,
        vendorId: vendor.id,
        before: {
          name: before.name,
          languages: before.languages,
          defaultLanguage: before.default_language,
          contact: before.settings?.contact,
        },
        after,
      });
    });
    await deps.changed();
    setFlash(c, { kind: 'success', text: kernelT(c)('form.saved') });
    return seeOther(c, `${vendorRoot(c)}/settings`);
  });

  app.post('/vendor/:vendorCode/settings/domains', async (c) => {
    const t = kernelT(c);
    const form = await readForm(
      c,
      z.object({
        domain: z
          .string()
          .transform(normalizeDomain)
          .refine((d) => HOSTNAME.test(d), t('domains.error.domain')),
      }),
    );
    const again = (errors: FieldErrors) => {
      c.status(422);
      return page(c, { domainValues: form.values, domainErrors: errors });
    };
    if (!form.ok) return again(form.errors);
    const platform = c.get('platform');
    if (!platform) throw TenancyErrors.DomainTaken({ domain: form.data.domain });
    try {
      await addVendorDomain(deps, c, { vendorId: vendorOf(c).id, platformId: platform.id, domain: form.data.domain });
    } catch (err) {
      if (TenancyErrors.DomainTaken.is(err)) return again({ domain: t('domains.error.taken') });
      throw err;
    }
    setFlash(c, { kind: 'success', text: t('domains.requested', { domain: form.data.domain }) });
    return seeOther(c, `${vendorRoot(c)}/settings#domains`);
  });
}

function SettingsPage(props: View & { c: Context; domains: DomainRow[] }) {
  const { c, values, errors } = props;
  const t = kernelT(c);
  const root = `${vendorRoot(c)}/settings`;
  const principal = c.get('principal');
  const languageOptions = SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}` as KernelKey) }));
  const swap = (id: string) => ({ 'hx-target': `#${id}`, 'hx-select': `#${id}`, 'hx-swap': 'outerHTML' });
  const columns: Column<DomainRow>[] = [
    { key: 'domain', label: t('domains.domain'), render: (d) => d.domain },
    {
      key: 'status',
      label: t('domains.status'),
      render: (d) =>
        d.verified_at ? (
          <Badge tone="green">{t('domains.verified')}</Badge>
        ) : (
          <Badge tone="blue">{t('domains.pending')}</Badge>
        ),
    },
    {
      key: 'token',
      label: t('domains.token'),
      render: (d) => (
        <span class="text-xs">
          TXT <code>{verificationRecordName(d.domain)}</code> = <code data-token>{d.verification_token}</code>
        </span>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <div class="grid gap-6 xl:grid-cols-2">
        <Card title={t('settings.general')}>
          <Form
            id="settings-form"
            action={`${root}/general`}
            csrf={csrfToken(c)}
            hx-post={`${root}/general`}
            {...swap('settings-form')}
          >
            <ErrorSummary errors={errors} message={errors ? t('form.errorSummary') : undefined} />
            <TextField
              name="name"
              label={t('settings.name')}
              required
              value={formValue(values, 'name')}
              error={errors?.name}
            />
            <TextField
              name="contactEmail"
              label={t('settings.contactEmail')}
              type="email"
              value={formValue(values, 'contactEmail')}
              error={errors?.contactEmail}
            />
            <TextField
              name="contactPhone"
              label={t('settings.contactPhone')}
              value={formValue(values, 'contactPhone')}
              error={errors?.contactPhone}
            />
            <CheckboxGroup
              name="languages"
              legend={t('settings.languages')}
              options={languageOptions}
              checked={formValues(values, 'languages')}
              error={errors?.languages}
            />
            <SelectField
              name="defaultLanguage"
              label={t('settings.defaultLanguage')}
              value={formValue(values, 'defaultLanguage')}
              options={languageOptions}
              error={errors?.defaultLanguage}
            />
            {can(principal, 'settings.edit') ? <Button>{t('form.save')}</Button> : null}
          </Form>
        </Card>
        <section id="domains" aria-labelledby="domains-title">
          <h2 id="domains-title" class="mb-2 text-lg font-semibold text-gray-900">
            {t('domains.title')}
          </h2>
          <DataTable
            id="domains-table"
            caption={t('domains.title')}
            href={root}
            columns={columns}
            rows={props.domains}
            total={props.domains.length}
            state={{ ...tableQuery({}, { sortable: [] }), pageSize: 1000 }}
            empty={t('domains.none')}
          />
          {props.domains.some((d) => !d.verified_at) ? (
            <p class="mt-2 text-sm text-gray-600">{t('domains.help', { record: '_orion-verification.<domain>' })}</p>
          ) : null}
          {can(principal, 'settings.domains') ? (
            <Form
              id="domain-form"
              class="mt-4"
              action={`${root}/domains`}
              csrf={csrfToken(c)}
              hx-post={`${root}/domains`}
              {...swap('domains')}
            >
              <ErrorSummary
                errors={props.domainErrors}
                message={props.domainErrors ? t('form.errorSummary') : undefined}
              />
              <TextField
                name="domain"
                label={t('domains.domain')}
                required
                value={formValue(props.domainValues, 'domain')}
                error={props.domainErrors?.domain}
              />
              <Button>{t('domains.request')}</Button>
            </Form>
          ) : null}
        </section>
      </div>
    </>
  );
}
