import type { Context, Hono } from 'hono';
import type { DbAccess } from '../../auth/db-access.js';
import { KernelErrors } from '../../errors/codes.js';
import { csrfToken } from '../../security/csrf.js';
import type { PlatformRegistry } from '../../tenancy/platforms.js';
import {
  listQuery,
  softDeleteVendor,
  VENDOR_TRANSITIONS,
  type VendorRow,
  type VendorTransition,
  vendorTransition,
} from '../../tenancy/vendor-admin-service.js';
import { Badge } from '../../ui/components/badge.js';
import { Button } from '../../ui/components/button.js';
import { ConfirmDialog } from '../../ui/components/confirm-dialog.js';
import { Form } from '../../ui/components/form.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { seeOther } from '../../ui/redirect.js';
import { adminOf } from '../scope.js';

export interface AdminVendorDetailDeps {
  db: DbAccess;
  platforms: PlatformRegistry;
  changed: () => Promise<void>;
  root: (c: Context) => string;
}

const DONE: Record<VendorTransition | 'delete', string> = {
  suspend: 'suspended',
  reactivate: 'reactivated',
  restore: 'restored',
  delete: 'deleted (it can be restored)',
};

/**
 * `GET /admin/vendors/:code`: a vendor with its company, status and platform memberships, and its status actions
 * through the vendor admin service (which audit-logs): `POST …/suspend|reactivate|restore`, and deleting (softly)
 * after a confirmation (`GET|POST …/delete`). A platform administrator reaches only vendors of its platforms.
 */
export function mountAdminVendorDetail(app: Hono, deps: AdminVendorDetailDeps): void {
  const load = async (c: Context): Promise<VendorRow> => {
    const code = c.req.param('code') ?? '';
    const [vendor] = await deps.db.asSystem('admin: vendor', (db) => listQuery(db, { code, withDeleted: true }));
    const ids = adminOf(c).platformIds;
    if (!vendor || (ids !== 'all' && !vendor.platformIds.some((id) => ids.includes(id)))) {
      throw KernelErrors.NotFound({ path: c.req.path });
    }
    return vendor;
  };
  const url = (c: Context, v: VendorRow) => `${deps.root(c)}/vendors/${v.code}`;

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
    setFlash(c, { kind: 'success', text: `${vendor.name} ${DONE[verb]}.` });
    return seeOther(c, url(c, vendor));
  });

  app.get('/admin/vendors/:code{[a-z0-9-]+}/delete', async (c) => {
    const vendor = await load(c);
    if (vendor.deleted_at) throw KernelErrors.NotFound({ path: c.req.path });
    return c.render(
      <ConfirmDialog
        id="vendor-delete"
        title={`Delete ${vendor.name}?`}
        action={`${url(c, vendor)}/delete`}
        csrf={csrfToken(c)}
        cancelHref={url(c, vendor)}
        confirmLabel="Delete vendor"
        danger
      >
        Its shop answers 404 and its team is signed out. Its data is kept: an administrator can restore it.
      </ConfirmDialog>,
      { title: `Delete ${vendor.name}` },
    );
  });

  app.post('/admin/vendors/:code{[a-z0-9-]+}/delete', async (c) => {
    const vendor = await load(c);
    if (vendor.deleted_at) throw KernelErrors.NotFound({ path: c.req.path });
    await deps.db.asSystem('admin: delete vendor', (db) => softDeleteVendor(db, c, vendor));
    await deps.changed();
    setFlash(c, { kind: 'success', text: `${vendor.name} ${DONE.delete}.` });
    return seeOther(c, url(c, vendor));
  });
}

function VendorPage(props: { c: Context; url: string; vendor: VendorRow; platforms: PlatformRegistry }) {
  const { vendor: v, url } = props;
  const csrf = csrfToken(props.c);
  const action = (verb: string, label: string, variant: 'primary' | 'secondary' | 'danger') => (
    <Form action={`${url}/${verb}`} csrf={csrf} class="">
      <Button variant={variant}>{label}</Button>
    </Form>
  );
  return (
    <>
      <PageHeader title={v.name} description={`Code: ${v.code}`} />
      <div class="grid gap-4 md:grid-cols-2">
        <Card title="Vendor">
          <dl class="grid grid-cols-2 gap-2 text-sm">
            <dt class="text-gray-600">Company</dt>
            <dd>{v.company_name}</dd>
            <dt class="text-gray-600">Status</dt>
            <dd>
              {v.deleted_at ? (
                <Badge tone="red">deleted</Badge>
              ) : (
                <Badge tone={v.status === 'active' ? 'green' : 'yellow'}>{v.status}</Badge>
              )}
            </dd>
            <dt class="text-gray-600">Languages</dt>
            <dd>{v.languages.join(', ')}</dd>
          </dl>
          <div class="mt-4 flex flex-wrap gap-2">
            {v.deleted_at ? (
              action('restore', 'Restore vendor', 'primary')
            ) : (
              <>
                {v.status === 'active'
                  ? action('suspend', 'Suspend vendor', 'secondary')
                  : action('reactivate', 'Reactivate vendor', 'primary')}
                <a
                  href={`${url}/delete`}
                  class="inline-flex items-center rounded-md bg-red-700 px-3 py-2 text-sm font-medium text-white hover:bg-red-800"
                >
                  Delete vendor
                </a>
              </>
            )}
          </div>
        </Card>
        <Card title="Platform memberships">
          <ul class="space-y-1 text-sm">
            {v.memberships.map((m) => (
              <li>
                {props.platforms.get(Number(m.platform_id))?.name ?? m.platform_id} · <code>{m.subdomain}</code>{' '}
                <Badge tone={m.status === 'active' ? 'green' : 'yellow'}>{m.status}</Badge>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
