import type { Context, Hono } from 'hono';
import type { DbAccess } from '../../auth/db-access.js';
import { KernelErrors } from '../../errors/codes.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import type { PlatformRegistry } from '../../tenancy/platforms.js';
import {
  softDeleteVendor,
  VENDOR_TRANSITIONS,
  type VendorRow,
  type VendorTransition,
  vendorTransition,
} from '../../tenancy/vendor-admin-service.js';
import { Badge } from '../../ui/components/badge.js';
import { Button, LinkButton } from '../../ui/components/button.js';
import { Form } from '../../ui/components/form.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { mountConfirmedAction } from '../../ui/confirmed-action.js';
import { setFlash } from '../../ui/flash.js';
import { seeOther } from '../../ui/redirect.js';
import { languageLabel, statusLabel } from './labels.js';
import { loadAdminVendor } from './vendor-load.js';

export interface AdminVendorDetailDeps {
  db: DbAccess;
  platforms: PlatformRegistry;
  changed: () => Promise<void>;
  root: (c: Context) => string;
}

/**
 * `GET /admin/vendors/:code`: a vendor with its company, status and platform memberships, and its status actions
 * through the vendor admin service (which audit-logs): `POST …/suspend|reactivate|restore`, and deleting (softly)
 * after a confirmation (`GET|POST …/delete`); links to its edit page (name, languages, platforms) and its domains. A
 * platform administrator reaches only vendors of its platforms.
 */
export function mountAdminVendorDetail(app: Hono, deps: AdminVendorDetailDeps): void {
  const load = (c: Context) => loadAdminVendor(deps.db, c);
  const url = (c: Context, v: { code: string }) => `${deps.root(c)}/vendors/${v.code}`;

  app.get('/admin/vendors/:code{[a-z0-9-]+}', async (c) => {
    const vendor = await load(c);
    return c.render(<VendorPage c={c} url={url(c, vendor)} vendor={vendor} platforms={deps.platforms} />, {
      title: vendor.name,
    });
  });

  app.post('/admin/vendors/:code{[a-z0-9-]+}/:verb{suspend|reactivate|restore}', async (c) => {
    const vendor = await load(c);
    const verb = c.req.param('verb') as VendorTransition;
    if (Boolean(vendor.deleted_at) !== VENDOR_TRANSITIONS[verb].deleted)
      throw KernelErrors.NotFound({ path: c.req.path });
    await deps.db.asSystem(`admin: ${verb} vendor`, (db) => vendorTransition(db, c, vendor, verb));
    await deps.changed();
    setFlash(c, { kind: 'success', text: kernelT(c)(`adminVendor.done.${verb}`, { name: vendor.name }) });
    return seeOther(c, url(c, vendor));
  });

  mountConfirmedAction(app, '/admin/vendors/:code{[a-z0-9-]+}/delete', {
    id: 'vendor-delete',
    title: (c) => kernelT(c)('adminVendor.deleteTitle', { name: c.req.param('code') ?? '' }),
    back: (c) => url(c, { code: c.req.param('code') ?? '' }),
    ask: async (c) => {
      const vendor = await loadAdminVendor(deps.db, c, { deleted: false });
      const t = kernelT(c);
      return {
        title: t('adminVendor.deleteAsk', { name: vendor.name }),
        body: t('adminVendor.deleteBody'),
        confirmLabel: t('adminVendor.delete'),
        danger: true,
      };
    },
    act: async (c) => {
      const vendor = await loadAdminVendor(deps.db, c, { deleted: false });
      await deps.db.asSystem('admin: delete vendor', (db) => softDeleteVendor(db, c, vendor));
      await deps.changed();
      return { kind: 'success', text: kernelT(c)('adminVendor.done.delete', { name: vendor.name }) };
    },
  });
}

function VendorPage(props: { c: Context; url: string; vendor: VendorRow; platforms: PlatformRegistry }) {
  const { vendor: v, url } = props;
  const csrf = csrfToken(props.c);
  const t = kernelT(props.c);
  const action = (verb: string, label: string, variant: 'primary' | 'secondary' | 'danger') => (
    <Form action={`${url}/${verb}`} csrf={csrf} class="">
      <Button variant={variant}>{label}</Button>
    </Form>
  );
  return (
    <>
      <PageHeader title={v.name} description={`${t('adminVendor.code')}: ${v.code}`} />
      <div class="grid gap-4 md:grid-cols-2">
        <Card title={t('adminVendor.card')}>
          <dl class="grid grid-cols-2 gap-2 text-sm">
            <dt class="text-gray-600">{t('adminVendors.company')}</dt>
            <dd>{v.company_name}</dd>
            <dt class="text-gray-600">{t('adminVendors.status')}</dt>
            <dd>
              {v.deleted_at ? (
                <Badge tone="red">{statusLabel(t, 'deleted')}</Badge>
              ) : (
                <Badge tone={v.status === 'active' ? 'green' : 'yellow'}>{statusLabel(t, v.status)}</Badge>
              )}
            </dd>
            <dt class="text-gray-600">{t('adminVendor.languages')}</dt>
            <dd>{v.languages.map((l) => languageLabel(t, l)).join(', ')}</dd>
          </dl>
          <div class="mt-4 flex flex-wrap gap-2">
            {v.deleted_at ? (
              action('restore', t('adminVendor.restore'), 'primary')
            ) : (
              <>
                {v.status === 'active'
                  ? action('suspend', t('adminVendor.suspend'), 'secondary')
                  : action('reactivate', t('adminVendor.reactivate'), 'primary')}
                <a
                  href={`${url}/delete`}
                  class="inline-flex items-center rounded-md bg-red-700 px-3 py-2 text-sm font-medium text-white hover:bg-red-800"
                >
                  {t('adminVendor.delete')}
                </a>
                <LinkButton href={`${url}/edit`}>{t('adminVendor.edit')}</LinkButton>
                <LinkButton href={`${url}/domains`}>{t('adminVendor.domains')}</LinkButton>
              </>
            )}
          </div>
        </Card>
        <Card title={t('adminVendor.memberships')}>
          <ul class="space-y-1 text-sm">
            {v.memberships.map((m) => (
              <li>
                {props.platforms.get(Number(m.platform_id))?.name ?? m.platform_id} · <code>{m.subdomain}</code>{' '}
                <Badge tone={m.status === 'active' ? 'green' : 'yellow'}>{statusLabel(t, m.status)}</Badge>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
