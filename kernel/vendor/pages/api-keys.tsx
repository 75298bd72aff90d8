import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { requirePermission } from '../../auth/authorize.js';
import type { DbAccess } from '../../auth/db-access.js';
import { KernelErrors } from '../../errors/codes.js';
import { formatters } from '../../i18n/format.js';
import { kernelT, languageOf } from '../../i18n/request.js';
import type { PluginHost } from '../../plugins/host.js';
import { csrfToken } from '../../security/csrf.js';
import { type ApiKeyRow, createVendorApiKey, listApiKeys, revokeVendorApiKey } from '../../tenancy/api-keys-service.js';
import { Alert } from '../../ui/components/alert.js';
import { Badge } from '../../ui/components/badge.js';
import { Button, LinkButton } from '../../ui/components/button.js';
import { ConfirmDialog } from '../../ui/components/confirm-dialog.js';
import { type Column, DataTable, tableQuery } from '../../ui/components/data-table.js';
import { CheckboxGroup, ErrorSummary, type FieldErrors, Form, TextField } from '../../ui/components/form.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { formValue, formValues, readForm } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import { grantablePermissions } from '../permissions.js';
import { vendorOf, vendorRoot } from '../scope.js';

export interface VendorApiKeysDeps {
  db: DbAccess;
  host: PluginHost;
}

interface View {
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  /** The key just created, shown once. */
  created?: { name: string; key: string };
  confirm?: ApiKeyRow;
}

/**
 * `/vendor/<code>/api-keys` (needs api_keys.manage): the list, a form creating a key with chosen permissions (shown
 * once on the answer, never stored), and revocation after a confirmation.
 */
export function mountVendorApiKeys(app: Hono, deps: VendorApiKeysDeps): void {
  for (const path of ['/vendor/:vendorCode/api-keys', '/vendor/:vendorCode/api-keys/*']) {
    app.use(path, requirePermission('api_keys.manage'));
  }
  const page = async (c: Context, view: View = {}) => {
    const keys = await listApiKeys(deps.db, vendorOf(c).id);
    return c.render(<ApiKeysPage c={c} keys={keys} offered={grantablePermissions(c, deps.host)} {...view} />, {
      title: kernelT(c)('apiKeys.title'),
    });
  };

  app.get('/vendor/:vendorCode/api-keys', (c) => page(c));

  app.post('/vendor/:vendorCode/api-keys', async (c) => {
    const t = kernelT(c);
    const offered = new Set(grantablePermissions(c, deps.host).map((p) => p.id));
    const schema = z.object({
      name: z.string().trim().min(1, t('apiKeys.error.name')).max(60, t('apiKeys.error.name')),
      permissions: z
        .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
        .refine((ps) => ps.length > 0 && ps.every((p) => offered.has(p)), t('apiKeys.error.scopes')),
    });
    const form = await readForm(c, schema);
    if (!form.ok) {
      c.status(422);
      return page(c, { values: form.values, errors: form.errors });
    }
    const created = await createVendorApiKey(deps.db, c, vendorOf(c).id, form.data);
    c.status(201);
    return page(c, { created: { name: form.data.name, key: created.key } });
  });

  const keyOf = async (c: Context) => {
    const id = Number(c.req.param('id'));
    const key = (await listApiKeys(deps.db, vendorOf(c).id)).find((k) => k.id === id && !k.revokedAt);
    if (!key) throw KernelErrors.NotFound({ path: c.req.path });
    return key;
  };

  app.get('/vendor/:vendorCode/api-keys/:id{[0-9]+}/revoke', async (c) => {
    return page(c, { confirm: await keyOf(c) });
  });

  app.post('/vendor/:vendorCode/api-keys/:id{[0-9]+}/revoke', async (c) => {
    const key = await keyOf(c);
    await revokeVendorApiKey(deps.db, c, vendorOf(c).id, key.id);
    setFlash(c, { kind: 'success', text: kernelT(c)('apiKeys.revokedFlash', { name: key.name }) });
    return seeOther(c, `${vendorRoot(c)}/api-keys`);
  });
}

function ApiKeysPage(props: View & { c: Context; keys: ApiKeyRow[]; offered: { id: string; description: string }[] }) {
  const { c } = props;
  const t = kernelT(c);
  const fmt = formatters(languageOf(c));
  const root = `${vendorRoot(c)}/api-keys`;
  const swap = { 'hx-target': '#api-keys', 'hx-select': '#api-keys', 'hx-swap': 'outerHTML' };
  const columns: Column<ApiKeyRow>[] = [
    { key: 'name', label: t('apiKeys.name'), render: (k) => k.name },
    { key: 'prefix', label: t('apiKeys.prefix'), render: (k) => <code>{`ork_${k.prefix}_…`}</code> },
    { key: 'scopes', label: t('apiKeys.scopes'), render: (k) => k.permissions.join(', ') },
    { key: 'created', label: t('apiKeys.created'), render: (k) => fmt.date(k.createdAt) },
    {
      key: 'lastUsed',
      label: t('apiKeys.lastUsed'),
      render: (k) => (k.lastUsedAt ? fmt.dateTime(k.lastUsedAt) : t('apiKeys.never')),
    },
    {
      key: 'status',
      label: t('apiKeys.status'),
      render: (k) =>
        k.revokedAt ? (
          <Badge tone="gray">{t('apiKeys.revoked')}</Badge>
        ) : (
          <LinkButton variant="secondary" href={`${root}/${k.id}/revoke`} hx-get={`${root}/${k.id}/revoke`} {...swap}>
            {t('apiKeys.revoke')}
            <span class="sr-only"> {k.name}</span>
          </LinkButton>
        ),
    },
  ];
  return (
    <div id="api-keys">
      <PageHeader title={t('apiKeys.title')} description={t('apiKeys.description')} />
      {props.created ? (
        <Alert kind="success" id="new-api-key">
          <p>{t('apiKeys.shownOnce', { name: props.created.name })}</p>
          <code class="mt-2 block break-all select-all" data-api-key>
            {props.created.key}
          </code>
        </Alert>
      ) : null}
      {props.confirm ? (
        <ConfirmDialog
          id="revoke-api-key"
          title={`${t('apiKeys.revoke')}: ${props.confirm.name}`}
          action={`${root}/${props.confirm.id}/revoke`}
          csrf={csrfToken(c)}
          cancelHref={root}
          confirmLabel={t('apiKeys.revoke')}
          danger
          formAttrs={{ 'hx-post': `${root}/${props.confirm.id}/revoke` }}
        >
          {t('apiKeys.revokeConfirm', { name: props.confirm.name })}
        </ConfirmDialog>
      ) : null}
      <div class="mt-4 grid gap-6 xl:grid-cols-3">
        <div class="xl:col-span-2">
          <DataTable
            id="api-keys-table"
            caption={t('apiKeys.title')}
            href={root}
            columns={columns}
            rows={props.keys}
            total={props.keys.length}
            state={{ ...tableQuery({}, { sortable: [] }), pageSize: 1000 }}
            empty={t('apiKeys.none')}
          />
        </div>
        <Card title={t('apiKeys.create')}>
          <Form id="api-key-form" action={root} csrf={csrfToken(c)} hx-post={root} {...swap}>
            <ErrorSummary errors={props.errors} message={props.errors ? t('form.errorSummary') : undefined} />
            <TextField
              name="name"
              label={t('apiKeys.name')}
              required
              value={formValue(props.values, 'name')}
              error={props.errors?.name}
            />
            <CheckboxGroup
              name="permissions"
              legend={t('apiKeys.scopes')}
              options={props.offered.map((p) => ({ value: p.id, label: `${p.id} (${p.description})` }))}
              checked={formValues(props.values, 'permissions')}
              error={props.errors?.permissions}
            />
            <Button>{t('apiKeys.create')}</Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}
