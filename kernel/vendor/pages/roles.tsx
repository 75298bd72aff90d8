import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { can, requirePermission } from '../../auth/authorize.js';
import type { DbAccess } from '../../auth/db-access.js';
import type { PermissionDef } from '../../auth/permissions.js';
import { roleLabel } from '../../auth/role-label.js';
import { kernelT } from '../../i18n/request.js';
import type { PluginHost } from '../../plugins/host.js';
import { csrfToken } from '../../security/csrf.js';
import { TenancyErrors } from '../../tenancy/errors.js';
import { createRole, listRoles, type RoleRow } from '../../tenancy/roles-service.js';
import { Badge } from '../../ui/components/badge.js';
import { Button } from '../../ui/components/button.js';
import { type Column, DataTable, tableQuery } from '../../ui/components/data-table.js';
import { ErrorSummary, type FieldErrors, Form, TextField } from '../../ui/components/form.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { formValue, formValues, readForm } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import { grantablePermissions } from '../permissions.js';
import { vendorOf, vendorRoot } from '../scope.js';

interface View {
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
}

/**
 * `/vendor/<code>/team/roles`: the vendor's roles (team.view) and a form creating a custom role with a permission
 * checklist grouped by plugin (team.edit), offering only permissions the member holds.
 */
export function mountVendorRoles(app: Hono, deps: { db: DbAccess; host: PluginHost }): void {
  app.use('/vendor/:vendorCode/team/roles', async (c, next) =>
    requirePermission(c.req.method === 'GET' ? 'team.view' : 'team.edit')(c, next),
  );
  const page = async (c: Context, view: View = {}) => {
    const roles = await listRoles(deps.db, vendorOf(c).id);
    return c.render(<RolesPage c={c} roles={roles} offered={grantablePermissions(c, deps.host)} {...view} />, {
      title: kernelT(c)('roles.title'),
    });
  };

  app.get('/vendor/:vendorCode/team/roles', (c) => page(c));

  app.post('/vendor/:vendorCode/team/roles', async (c) => {
    const t = kernelT(c);
    const offered = new Set(grantablePermissions(c, deps.host).map((p) => p.id));
    const form = await readForm(
      c,
      z.object({
        name: z.string().trim().min(1, t('roles.error.name')).max(60, t('roles.error.name')),
        permissions: z
          .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
          .refine((ps) => ps.length > 0 && ps.every((p) => offered.has(p)), t('roles.error.permissions')),
      }),
    );
    const again = (values: View['values'], errors: FieldErrors) => {
      c.status(422);
      return page(c, { values, errors });
    };
    if (!form.ok) return again(form.values, form.errors);
    try {
      await createRole(deps.db, c, vendorOf(c).id, form.data);
    } catch (err) {
      if (TenancyErrors.RoleNameTaken.is(err)) return again(form.values, { name: t('roles.error.taken') });
      throw err;
    }
    setFlash(c, { kind: 'success', text: t('roles.created', { name: form.data.name }) });
    return seeOther(c, `${vendorRoot(c)}/team/roles`);
  });
}

function PermissionChecklist(props: { c: Context; offered: PermissionDef[]; checked: string[]; error?: string }) {
  const t = kernelT(props.c);
  const groups = new Map<string, PermissionDef[]>();
  for (const p of props.offered) groups.set(p.owner, [...(groups.get(p.owner) ?? []), p]);
  return (
    <fieldset
      id="field-permissions"
      tabindex={-1}
      aria-describedby={props.error ? 'field-permissions-error' : undefined}
    >
      <legend class="mb-1 text-sm font-medium text-gray-900">{t('roles.permissions')}</legend>
      {[...groups].map(([owner, perms]) => (
        <fieldset class="mt-2" data-permission-group={owner}>
          <legend class="text-xs font-semibold tracking-wide text-gray-600 uppercase">
            {owner === 'kernel' ? t('roles.group.kernel') : owner}
          </legend>
          {perms.map((p) => (
            <label class="flex items-center gap-2 text-sm text-gray-900">
              <input
                type="checkbox"
                name="permissions"
                value={p.id}
                checked={props.checked.includes(p.id)}
                class="size-4 rounded border-gray-400 text-brand-600"
              />
              {p.description} <code class="text-xs text-gray-600">{p.id}</code>
            </label>
          ))}
        </fieldset>
      ))}
      {props.error ? (
        <p id="field-permissions-error" class="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

function RolesPage(props: View & { c: Context; roles: RoleRow[]; offered: PermissionDef[] }) {
  const { c } = props;
  const t = kernelT(c);
  const root = `${vendorRoot(c)}/team/roles`;
  const columns: Column<RoleRow>[] = [
    { key: 'name', label: t('roles.name'), render: (r) => roleLabel(t, r) },
    {
      key: 'kind',
      label: t('roles.kind'),
      render: (r) => (
        <Badge tone={r.preset ? 'gray' : 'blue'}>{r.preset ? t('roles.preset') : t('roles.custom')}</Badge>
      ),
    },
    {
      key: 'permissions',
      label: t('roles.permissions'),
      render: (r) => (r.permissions.includes('*') ? t('roles.all') : r.permissions.join(', ')),
    },
  ];
  return (
    <div id="roles">
      <PageHeader title={t('roles.title')} description={t('roles.description')} />
      <div class="grid gap-6 xl:grid-cols-3">
        <div class="xl:col-span-2">
          <DataTable
            id="roles-table"
            caption={t('roles.title')}
            href={root}
            columns={columns}
            rows={props.roles}
            total={props.roles.length}
            state={{ ...tableQuery({}, { sortable: [] }), pageSize: 1000 }}
          />
        </div>
        {can(c.get('principal'), 'team.edit') ? (
          <Card title={t('roles.create')}>
            <Form
              id="role-form"
              action={root}
              csrf={csrfToken(c)}
              hx-post={root}
              hx-target="#roles"
              hx-select="#roles"
              hx-swap="outerHTML"
            >
              <ErrorSummary errors={props.errors} message={props.errors ? t('form.errorSummary') : undefined} />
              <TextField
                name="name"
                label={t('roles.name')}
                required
                value={formValue(props.values, 'name')}
                error={props.errors?.name}
              />
              <PermissionChecklist
                c={c}
                offered={props.offered}
                checked={formValues(props.values, 'permissions')}
                error={props.errors?.permissions}
              />
              <Button>{t('roles.create')}</Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
