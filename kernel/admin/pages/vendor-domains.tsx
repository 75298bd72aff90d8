import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { DbAccess } from '../../auth/db-access.js';
import { KernelErrors } from '../../errors/codes.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import {
  addVendorDomain,
  findVendorDomain,
  HOSTNAME,
  listVendorDomains,
  makeDomainPrimary,
  normalizeDomain,
  removeVendorDomain,
  type VendorDomainRow,
  verifyVendorDomain,
} from '../../tenancy/domain-service.js';
import { type DomainVerifier, verificationRecordName } from '../../tenancy/domain-verifier.js';
import { TenancyErrors } from '../../tenancy/errors.js';
import type { PlatformRegistry } from '../../tenancy/platforms.js';
import type { VendorRow } from '../../tenancy/vendor-admin-service.js';
import { Alert } from '../../ui/components/alert.js';
import { Badge } from '../../ui/components/badge.js';
import { Button } from '../../ui/components/button.js';
import { type Column, DataTable, tableQuery } from '../../ui/components/data-table.js';
import { ErrorSummary, type FieldErrors, Form, SelectField, TextField } from '../../ui/components/form.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { mountConfirmedAction } from '../../ui/confirmed-action.js';
import { type Flash, setFlash } from '../../ui/flash.js';
import { formValue, readForm } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import { managedPlatforms } from '../scope.js';
import { loadAdminVendor } from './vendor-load.js';

export interface AdminVendorDomainsDeps {
  db: DbAccess;
  platforms: PlatformRegistry;
  changed: () => Promise<void>;
  verifier: () => DomainVerifier;
  root: (c: Context) => string;
}

interface View {
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  message?: Flash;
}

const VENDOR = '/admin/vendors/:code{[a-z0-9-]+}/domains';
const DOMAIN = `${VENDOR}/:id{[0-9]+}`;

/**
 * A vendor's custom domains in the admin console, through the domain service the API uses (which audit-logs):
 * `GET /admin/vendors/:code/domains` lists them with the TXT record each must publish, `POST` adds one (on one of
 * the vendor's platforms), `POST …/:id/verify` looks its record up, `POST …/:id/primary` makes it the primary one,
 * `GET|POST …/:id/remove` removes it after asking. Invalid input re-renders with a 422 and changes nothing.
 */
export function mountAdminVendorDomains(app: Hono, deps: AdminVendorDomainsDeps): void {
  const base = (c: Context, v: VendorRow) => `${deps.root(c)}/vendors/${v.code}/domains`;
  const vendor = (c: Context) => loadAdminVendor(deps.db, c, { deleted: false });
  const domain = async (c: Context, v: VendorRow) => {
    const row = await findVendorDomain(deps.db, v.id, Number(c.req.param('id')));
    if (!row) throw KernelErrors.NotFound({ path: c.req.path });
    return row;
  };
  /** The vendor's platforms that this administrator manages: where it may add a domain. */
  const platformsOf = (c: Context, v: VendorRow) =>
    managedPlatforms(c, deps.platforms).filter((p) => v.platformIds.includes(p.id));

  const page = async (c: Context, v: VendorRow, view: View = {}) => {
    if (view.errors || view.message?.kind === 'error') c.status(422);
    const rows = await listVendorDomains(deps.db, v.id);
    const platforms = platformsOf(c, v).map((p) => ({ value: p.code, label: p.name }));
    return c.render(
      <DomainsPage c={c} url={base(c, v)} vendor={v} rows={rows} platforms={platforms} deps={deps} {...view} />,
      { title: kernelT(c)('adminDomains.title', { name: v.name }) },
    );
  };

  app.get(VENDOR, async (c) => page(c, await vendor(c)));

  app.post(VENDOR, async (c) => {
    const v = await vendor(c);
    const t = kernelT(c);
    const form = await readForm(
      c,
      z.object({
        domain: z
          .string()
          .transform(normalizeDomain)
          .refine((d) => HOSTNAME.test(d), t('domains.error.domain')),
        platform: z.string({ error: t('adminDomains.error.platform') }).min(1, t('adminDomains.error.platform')),
      }),
    );
    if (!form.ok) return page(c, v, { values: form.values, errors: form.errors });
    const platform = platformsOf(c, v).find((p) => p.code === form.data.platform);
    if (!platform) return page(c, v, { values: form.values, errors: { platform: t('adminDomains.error.platform') } });
    try {
      await addVendorDomain(deps, c, { vendorId: v.id, platformId: platform.id, domain: form.data.domain });
    } catch (err) {
      if (!TenancyErrors.DomainTaken.is(err)) throw err;
      return page(c, v, { values: form.values, errors: { domain: t('domains.error.taken') } });
    }
    setFlash(c, { kind: 'success', text: t('domains.requested', { domain: form.data.domain }) });
    return seeOther(c, base(c, v));
  });

  app.post(`${DOMAIN}/verify`, async (c) => {
    const v = await vendor(c);
    const row = await domain(c, v);
    try {
      await verifyVendorDomain({ db: deps.db, verifier: deps.verifier() }, c, row);
    } catch (err) {
      if (!TenancyErrors.DomainNotVerified.is(err)) throw err;
      return page(c, v, { message: { kind: 'error', text: err.message } });
    }
    await deps.changed();
    setFlash(c, { kind: 'success', text: kernelT(c)('adminDomains.verifiedFlash', { domain: row.domain }) });
    return seeOther(c, base(c, v));
  });

  app.post(`${DOMAIN}/primary`, async (c) => {
    const v = await vendor(c);
    const row = await makeDomainPrimary(deps.db, c, await domain(c, v));
    await deps.changed();
    setFlash(c, { kind: 'success', text: kernelT(c)('adminDomains.primaryFlash', { domain: row.domain }) });
    return seeOther(c, base(c, v));
  });

  const removing = async (c: Context) => {
    const v = await vendor(c);
    return { v, row: await domain(c, v) };
  };
  mountConfirmedAction(app, `${DOMAIN}/remove`, {
    id: 'domain-remove',
    title: (c) => kernelT(c)('adminDomains.remove'),
    back: (c) => `${deps.root(c)}/vendors/${c.req.param('code')}/domains`,
    labels: (c) => ({ cancel: kernelT(c)('confirm.cancel'), back: kernelT(c)('confirm.back') }),
    ask: async (c) => {
      const t = kernelT(c);
      const { row } = await removing(c);
      return {
        title: t('adminDomains.removeTitle', { domain: row.domain }),
        body: t('adminDomains.removeBody'),
        confirmLabel: t('adminDomains.remove'),
        danger: true,
      };
    },
    act: async (c) => {
      const { row } = await removing(c);
      await removeVendorDomain(deps.db, c, row);
      await deps.changed();
      return { kind: 'success', text: kernelT(c)('adminDomains.removedFlash', { domain: row.domain }) };
    },
  });
}

function DomainsPage(
  props: View & {
    c: Context;
    url: string;
    vendor: VendorRow;
    rows: VendorDomainRow[];
    platforms: { value: string; label: string }[];
    deps: AdminVendorDomainsDeps;
  },
) {
  const { c, url, values, errors } = props;
  const t = kernelT(c);
  const csrf = csrfToken(c);
  const columns: Column<VendorDomainRow>[] = [
    {
      key: 'domain',
      label: t('domains.domain'),
      render: (d) => (
        <>
          {d.domain} {d.is_primary ? <Badge tone="blue">{t('adminDomains.primary')}</Badge> : null}
        </>
      ),
    },
    {
      key: 'platform',
      label: t('adminDomains.platform'),
      render: (d) => props.deps.platforms.get(Number(d.platform_id))?.name ?? d.platform_id,
    },
    {
      key: 'status',
      label: t('domains.status'),
      render: (d) =>
        d.verified_at ? (
          <Badge tone="green">{t('domains.verified')}</Badge>
        ) : (
          <Badge tone="yellow">{t('domains.pending')}</Badge>
        ),
    },
    {
      key: 'token',
      label: t('domains.token'),
      render: (d) => (
        <span class="text-xs break-all">
          TXT <code>{verificationRecordName(d.domain)}</code> = <code data-token>{d.verification_token}</code>
        </span>
      ),
    },
    {
      key: 'actions',
      label: t('adminDomains.actions'),
      render: (d) => (
        <span class="flex flex-wrap gap-2">
          {d.verified_at ? null : (
            <Form action={`${url}/${d.id}/verify`} csrf={csrf} class="">
              <Button variant="secondary" aria-label={t('adminDomains.verifyOne', { domain: d.domain })}>
                {t('adminDomains.verify')}
              </Button>
            </Form>
          )}
          {d.is_primary ? null : (
            <Form action={`${url}/${d.id}/primary`} csrf={csrf} class="">
              <Button variant="secondary" aria-label={t('adminDomains.makePrimaryOne', { domain: d.domain })}>
                {t('adminDomains.makePrimary')}
              </Button>
            </Form>
          )}
          <a
            class="self-center text-sm text-red-800 underline"
            href={`${url}/${d.id}/remove`}
            aria-label={t('adminDomains.removeTitle', { domain: d.domain })}
          >
            {t('adminDomains.remove')}
          </a>
        </span>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('adminDomains.title', { name: props.vendor.name })}
        description={
          <a class="text-brand-700 underline" href={url.replace(/\/domains$/, '')}>
            {t('adminDomains.backToVendor')}
          </a>
        }
      />
      {props.message ? <Alert kind={props.message.kind}>{props.message.text}</Alert> : null}
      <DataTable
        id="domains-table"
        caption={t('domains.title')}
        href={url}
        columns={columns}
        rows={props.rows}
        total={props.rows.length}
        state={tableQuery({}, { sortable: [], pageSize: 100 })}
        empty={t('domains.none')}
      />
      <Card title={t('adminDomains.add')} class="mt-4 max-w-xl">
        <Form
          id="domain-form"
          action={url}
          csrf={csrf}
          hx-post={url}
          hx-target="#domain-form"
          hx-select="#domain-form"
          hx-swap="outerHTML"
        >
          <ErrorSummary errors={errors} message={errors ? t('form.errorSummary') : undefined} />
          <TextField
            name="domain"
            label={t('domains.domain')}
            hint={t('adminDomains.domainHint')}
            required
            value={formValue(values, 'domain')}
            error={errors?.domain}
          />
          <SelectField
            name="platform"
            label={t('adminDomains.platform')}
            options={props.platforms}
            value={formValue(values, 'platform')}
            error={errors?.platform}
          />
          <Button>{t('adminDomains.add')}</Button>
        </Form>
      </Card>
    </>
  );
}
