import { type PluginContext, type PluginRouter, requirePermission, vendorOf } from '@orion/sdk';
import {
  Badge,
  Button,
  type Column,
  DataTable,
  LinkButton,
  PageHeader,
  TextField,
  tableQuery,
  tableSwap,
} from '@orion/sdk/ui';
import { sendCsv } from '../export.js';
import { inVendor, listProfiles, type VendorProfile } from '../profiles.js';
import { fullName, root, tr } from './shared.js';

const TABLE = 'customers-table';

/**
 * The customer list at `/vendor/<code>/customer-profiles`: search by name, email or company, newest first, in pages,
 * and the CSV export. The search form and the pager are plain GET links; htmx swaps the table alone.
 */
export function listPages(router: PluginRouter, ctx: PluginContext): void {
  router.get('/', requirePermission('customer-profiles.view'), async (c) => {
    const { t, fmt } = tr(c);
    const vendorId = vendorOf(c);
    const state = tableQuery(c.req.query(), { sortable: [], pageSize: 25 });
    const search = state.search || undefined;
    const page = await inVendor(ctx, vendorId, (s) =>
      listProfiles(s, { search, limit: state.pageSize, offset: (state.page - 1) * state.pageSize }),
    );
    const href = root(c);
    const columns: Column<VendorProfile>[] = [
      {
        key: 'name',
        label: t('customers.col.name'),
        render: (p) => (
          <a class="text-brand-700 underline" href={`${href}/${p.customerId}`}>
            {fullName(t, p)}
          </a>
        ),
      },
      { key: 'email', label: t('customers.col.email'), render: (p) => p.email },
      { key: 'company', label: t('customers.col.company'), render: (p) => p.company ?? '' },
      {
        key: 'marketing',
        label: t('customers.col.marketing'),
        render: (p) =>
          p.marketing.email || p.marketing.sms ? (
            <Badge tone="green">
              {[
                p.marketing.email ? t('customers.consent.email') : '',
                p.marketing.sms ? t('customers.consent.sms') : '',
              ]
                .filter(Boolean)
                .join(', ')}
            </Badge>
          ) : (
            <Badge tone="gray">{t('customers.consent.no')}</Badge>
          ),
      },
      { key: 'since', label: t('customers.col.since'), render: (p) => fmt.date(new Date(p.createdAt)) },
    ];
    return c.render(
      <>
        <PageHeader
          title={t('customers.title')}
          description={t('customers.description', { count: page.total })}
          actions={
            <LinkButton variant="secondary" href={`${href}/export.csv`}>
              {t('customers.export')}
            </LinkButton>
          }
        />
        <search>
          <form method="get" action={href} class="flex max-w-xl items-end gap-2" hx-get={href} {...tableSwap(TABLE)}>
            <div class="flex-1">
              <TextField name="q" type="search" label={t('customers.search')} value={state.search} />
            </div>
            <Button type="submit" variant="secondary">
              {t('customers.searchButton')}
            </Button>
          </form>
        </search>
        <DataTable
          id={TABLE}
          caption={t('customers.caption')}
          href={href}
          columns={columns}
          rows={page.customers}
          total={page.total}
          state={state}
          empty={search ? t('customers.noMatch', { q: search }) : t('customers.empty')}
        />
      </>,
      { title: t('customers.title') },
    );
  });

  // Before /:id. The same CSV as the vendor API's export, with the dashboard's session.
  router.get('/export.csv', requirePermission('customer-profiles.view'), (c) => sendCsv(c, ctx));
}
