import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import type { DbAccess } from '../../auth/db-access.js';
import type { KernelKey } from '../../i18n/locales/index.js';
import type { Translate } from '../../i18n/messages.js';
import { kernelT, languageOf } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import { TenancyErrors } from '../../tenancy/errors.js';
import type { PlatformRegistry } from '../../tenancy/platforms.js';
import { createVendor } from '../../tenancy/vendor-service.js';
import { Badge } from '../../ui/components/badge.js';
import { Button, LinkButton } from '../../ui/components/button.js';
import { type Column, DataTable, type TableState, tableQuery } from '../../ui/components/data-table.js';
import { CheckboxGroup, ErrorSummary, type FieldErrors, Form, TextField } from '../../ui/components/form.js';
import { Icon } from '../../ui/components/icon.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { formValue, formValues, readForm } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import { managedPlatforms, onManagedPlatforms } from '../scope.js';
import { formatDate } from './dashboard.js';
import { statusLabel } from './labels.js';

interface VendorRow {
  code: string;
  name: string;
  company: string;
  status: 'active' | 'suspended';
  created_at: Date;
}

const SORTABLE = ['code', 'name', 'created_at'] as const;

const newVendorForm = (t: Translate<KernelKey>) =>
  z.object({
    code: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, t('adminVendors.error.code'))
      .max(40, t('adminVendors.error.codeLength')),
    name: z.string().trim().min(1, t('adminVendors.error.name')).max(120),
    ownerEmail: z.string().trim().email(t('adminVendors.error.ownerEmail')),
    ownerName: z.string().trim().max(120).optional(),
    platforms: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string()).min(1, t('adminVendors.error.platforms')),
    ),
  });

export interface AdminVendorsDeps {
  db: DbAccess;
  platforms: PlatformRegistry;
  /** Reload the registries here and in the other processes. */
  changed: () => Promise<void>;
  /** Mail the owner an invitation to set a password. */
  invite: (c: Context, input: { userId: number; vendorId: number }) => Promise<void>;
  root: (c: Context) => string;
}

/** `GET /admin/vendors` (search, sort, pages) and `GET/POST /admin/vendors/new` (create with owner invitation). */
export function mountAdminVendors(app: Hono, deps: AdminVendorsDeps): void {
  app.get('/admin/vendors', async (c) => {
    const state = tableQuery(c.req.query(), { sortable: SORTABLE, defaultSort: 'code' });
    const { rows, total } = await deps.db.asSystem('admin: vendors page', async (db) => {
      const query = onManagedPlatforms(
        c,
        db('vendors as v').join('companies as co', 'co.id', 'v.company_id').whereNull('v.deleted_at'),
      );
      if (state.search) {
        const like = `%${state.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
        query.where((w) => w.whereRaw('lower(v.name) like ?', [like]).orWhereRaw('lower(v.code) like ?', [like]));
      }
      const [{ n } = { n: 0 }] = (await query.clone().count({ n: '*' })) as { n: string | number }[];
      const rows = (await query
        .select('v.code', 'v.name', 'co.name as company', 'v.status', 'v.created_at')
        .orderBy(`v.${state.sort ?? 'code'}`, state.dir)
        .orderBy('v.id')
        .offset((state.page - 1) * state.pageSize)
        .limit(state.pageSize)) as VendorRow[];
      return { rows, total: Number(n) };
    });
    return c.render(<VendorsPage c={c} root={deps.root(c)} rows={rows} total={total} state={state} />, {
      title: kernelT(c)('adminVendors.title'),
    });
  });

  const platformOptions = (c: Context) =>
    managedPlatforms(c, deps.platforms).map((p) => ({ value: p.code, label: p.name }));
  const renderForm = (c: Context, values: Record<string, string | string[]>, errors?: FieldErrors) => {
    if (errors) c.status(422);
    return c.render(
      <NewVendorPage c={c} root={deps.root(c)} platforms={platformOptions(c)} values={values} errors={errors} />,
      { title: kernelT(c)('adminVendors.new') },
    );
  };

  app.get('/admin/vendors/new', (c) => {
    const host = c.get('platform');
    return renderForm(c, { platforms: host ? [host.code] : [] });
  });

  app.post('/admin/vendors/new', async (c) => {
    const t = kernelT(c);
    const form = await readForm(c, newVendorForm(t));
    if (!form.ok) return renderForm(c, form.values, form.errors);
    const input = form.data;
    const allowed = managedPlatforms(c, deps.platforms);
    const platformIds = input.platforms.map((code) => allowed.find((p) => p.code === code)?.id);
    if (platformIds.some((id) => id === undefined)) {
      return renderForm(c, form.values, { platforms: t('adminVendors.error.managed') });
    }
    let created: Awaited<ReturnType<typeof createVendor>>;
    try {
      created = await deps.db.asSystem('admin: create vendor', async (db) => {
        const result = await createVendor(db, {
          code: input.code,
          name: input.name,
          company: { name: input.name },
          platformIds: platformIds as number[],
          owner: { email: input.ownerEmail, displayName: input.ownerName || undefined },
        });
        await audit(db, c, {
          action: 'tenancy.vendor.created',
          targetType: 'vendor',
          targetId: result.vendorId,
          vendorId: result.vendorId,
          after: { code: input.code, name: input.name, owner: input.ownerEmail, platforms: input.platforms },
        });
        return result;
      });
    } catch (err) {
      const field = vendorFieldError(err);
      if (!field) throw err;
      return renderForm(c, form.values, field);
    }
    await deps.changed();
    if (!created.ownerActive) await deps.invite(c, { userId: created.ownerUserId, vendorId: created.vendorId });
    setFlash(c, {
      kind: 'success',
      text: created.ownerActive
        ? t('adminVendors.created', { name: input.name })
        : t('adminVendors.createdInvited', { name: input.name, email: input.ownerEmail }),
    });
    return seeOther(c, `${deps.root(c)}/vendors?q=${encodeURIComponent(input.code)}`);
  });
}

/** The field a refused creation is about, with a message for it. */
function vendorFieldError(err: unknown): FieldErrors | undefined {
  if (TenancyErrors.VendorCodeInvalid.is(err) || TenancyErrors.VendorCodeTaken.is(err)) return { code: err.message };
  if (TenancyErrors.OwnerIsAdmin.is(err)) return { ownerEmail: err.message };
  return undefined;
}

function VendorsPage(props: { c: Context; root: string; rows: VendorRow[]; total: number; state: TableState }) {
  const t = kernelT(props.c);
  const lang = languageOf(props.c);
  const columns: Column<VendorRow>[] = [
    {
      key: 'code',
      label: t('adminVendors.code'),
      sortable: true,
      render: (v) => (
        <a class="text-brand-700 underline" href={`${props.root}/vendors/${v.code}`}>
          <code class="text-xs">{v.code}</code>
        </a>
      ),
    },
    { key: 'name', label: t('adminVendors.name'), sortable: true, render: (v) => v.name },
    { key: 'company', label: t('adminVendors.company'), render: (v) => v.company },
    {
      key: 'status',
      label: t('adminVendors.status'),
      render: (v) => <Badge tone={v.status === 'active' ? 'green' : 'yellow'}>{statusLabel(t, v.status)}</Badge>,
    },
    {
      key: 'created_at',
      label: t('adminVendors.created_at'),
      sortable: true,
      render: (v) => formatDate(v.created_at, lang),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('adminVendors.title')}
        description={t('adminVendors.description')}
        actions={
          <LinkButton href={`${props.root}/vendors/new`} variant="primary">
            <Icon name="plus" />
            {t('adminVendors.new')}
          </LinkButton>
        }
      />
      <DataTable
        id="vendors-table"
        caption={t('adminVendors.title')}
        href={`${props.root}/vendors`}
        columns={columns}
        rows={props.rows}
        total={props.total}
        state={props.state}
        searchable
        empty={props.state.search ? undefined : t('adminVendors.empty')}
      />
    </>
  );
}

function NewVendorPage(props: {
  c: Context;
  root: string;
  platforms: { value: string; label: string }[];
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
}) {
  const { values, errors } = props;
  const t = kernelT(props.c);
  return (
    <>
      <PageHeader title={t('adminVendors.new')} description={t('adminVendors.newDescription')} />
      <Card class="max-w-xl">
        <Form
          id="new-vendor-form"
          action={`${props.root}/vendors/new`}
          csrf={csrfToken(props.c)}
          hx-post={`${props.root}/vendors/new`}
          hx-target="#new-vendor-form"
          hx-select="#new-vendor-form"
          hx-swap="outerHTML"
        >
          <ErrorSummary errors={errors} />
          <TextField
            name="code"
            label={t('adminVendors.code')}
            hint={t('adminVendors.codeHint')}
            required
            value={formValue(values, 'code')}
            error={errors?.code}
          />
          <TextField
            name="name"
            label={t('adminVendors.shopName')}
            required
            value={formValue(values, 'name')}
            error={errors?.name}
          />
          <TextField
            name="ownerEmail"
            label={t('adminVendors.ownerEmail')}
            type="email"
            required
            value={formValue(values, 'ownerEmail')}
            error={errors?.ownerEmail}
          />
          <TextField
            name="ownerName"
            label={t('adminVendors.ownerName')}
            value={formValue(values, 'ownerName')}
            error={errors?.ownerName}
          />
          <CheckboxGroup
            name="platforms"
            legend={t('adminVendors.platforms')}
            options={props.platforms}
            checked={formValues(values, 'platforms')}
            error={errors?.platforms}
          />
          <div class="flex gap-2">
            <Button>{t('adminVendors.create')}</Button>
            <LinkButton href={`${props.root}/vendors`}>{t('confirm.cancel')}</LinkButton>
          </div>
        </Form>
      </Card>
    </>
  );
}
