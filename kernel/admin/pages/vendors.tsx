import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import type { DbAccess } from '../../auth/db-access.js';
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

interface VendorRow {
  code: string;
  name: string;
  company: string;
  status: 'active' | 'suspended';
  created_at: Date;
}

const SORTABLE = ['code', 'name', 'created_at'] as const;

const NewVendorForm = z.object({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter a code: lowercase letters, digits and dashes.')
    .max(40, 'Use at most 40 characters.'),
  name: z.string().trim().min(1, 'Enter the shop name.').max(120),
  ownerEmail: z.string().trim().email("Enter the owner's email address."),
  ownerName: z.string().trim().max(120).optional(),
  platforms: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string()).min(1, 'Choose at least one platform.'),
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
    return c.render(<VendorsPage root={deps.root(c)} rows={rows} total={total} state={state} />, { title: 'Vendors' });
  });

  const platformOptions = (c: Context) =>
    managedPlatforms(c, deps.platforms).map((p) => ({ value: p.code, label: p.name }));
  const renderForm = (c: Context, values: Record<string, string | string[]>, errors?: FieldErrors) => {
    if (errors) c.status(422);
    return c.render(
      <NewVendorPage c={c} root={deps.root(c)} platforms={platformOptions(c)} values={values} errors={errors} />,
      { title: 'New vendor' },
    );
  };

  app.get('/admin/vendors/new', (c) => {
    const host = c.get('platform');
    return renderForm(c, { platforms: host ? [host.code] : [] });
  });

  app.post('/admin/vendors/new', async (c) => {
    const form = await readForm(c, NewVendorForm);
    if (!form.ok) return renderForm(c, form.values, form.errors);
    const input = form.data;
    const allowed = managedPlatforms(c, deps.platforms);
    const platformIds = input.platforms.map((code) => allowed.find((p) => p.code === code)?.id);
    if (platformIds.some((id) => id === undefined)) {
      return renderForm(c, form.values, { platforms: 'Choose platforms you manage.' });
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
        ? `Vendor ${input.name} created.`
        : `Vendor ${input.name} created. ${input.ownerEmail} was sent an invitation.`,
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

function VendorsPage(props: { root: string; rows: VendorRow[]; total: number; state: TableState }) {
  const columns: Column<VendorRow>[] = [
    {
      key: 'code',
      label: 'Code',
      sortable: true,
      render: (v) => (
        <a class="text-brand-700 underline" href={`${props.root}/vendors/${v.code}`}>
          <code class="text-xs">{v.code}</code>
        </a>
      ),
    },
    { key: 'name', label: 'Name', sortable: true, render: (v) => v.name },
    { key: 'company', label: 'Company', render: (v) => v.company },
    {
      key: 'status',
      label: 'Status',
      render: (v) => <Badge tone={v.status === 'active' ? 'green' : 'yellow'}>{v.status}</Badge>,
    },
    { key: 'created_at', label: 'Created', sortable: true, render: (v) => formatDate(v.created_at) },
  ];
  return (
    <>
      <PageHeader
        title="Vendors"
        description="Shops on the platforms you manage."
        actions={
          <LinkButton href={`${props.root}/vendors/new`} variant="primary">
            <Icon name="plus" />
            New vendor
          </LinkButton>
        }
      />
      <DataTable
        id="vendors-table"
        caption="Vendors"
        href={`${props.root}/vendors`}
        columns={columns}
        rows={props.rows}
        total={props.total}
        state={props.state}
        searchable
        empty={props.state.search ? undefined : 'No vendor yet. Create the first one.'}
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
  return (
    <>
      <PageHeader title="New vendor" description="The owner gets an invitation mail to choose a password." />
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
            label="Code"
            hint="Used in addresses: lowercase letters, digits and dashes."
            required
            value={formValue(values, 'code')}
            error={errors?.code}
          />
          <TextField name="name" label="Shop name" required value={formValue(values, 'name')} error={errors?.name} />
          <TextField
            name="ownerEmail"
            label="Owner's email"
            type="email"
            required
            value={formValue(values, 'ownerEmail')}
            error={errors?.ownerEmail}
          />
          <TextField
            name="ownerName"
            label="Owner's name"
            value={formValue(values, 'ownerName')}
            error={errors?.ownerName}
          />
          <CheckboxGroup
            name="platforms"
            legend="Platforms"
            options={props.platforms}
            checked={formValues(values, 'platforms')}
            error={errors?.platforms}
          />
          <div class="flex gap-2">
            <Button>Create vendor</Button>
            <LinkButton href={`${props.root}/vendors`}>Cancel</LinkButton>
          </div>
        </Form>
      </Card>
    </>
  );
}
