import type { Context, Hono } from 'hono';
import type { Knex } from 'knex';
import type { DbAccess } from '../../auth/db-access.js';
import { KernelErrors } from '../../errors/codes.js';
import { kernelT } from '../../i18n/request.js';
import { Badge } from '../../ui/components/badge.js';
import { Button, LinkButton } from '../../ui/components/button.js';
import { type Column, DataTable, type TableState, tableQuery, tableSwap } from '../../ui/components/data-table.js';
import { TextField } from '../../ui/components/form.js';
import { kitLanguage, kitT } from '../../ui/components/kit-language.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { adminOf } from '../scope.js';
import { formatDate } from './dashboard.js';

interface EntryRow {
  id: number;
  at: Date;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  vendor_code: string | null;
}

interface EntryDetail extends EntryRow {
  before: unknown;
  after: unknown;
  details: unknown;
  ip: string | null;
  request_id: string | null;
}

const FILTERS = ['action', 'actor', 'vendor', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readFilters(c: Context): Filters {
  const filters: Filters = {};
  for (const name of FILTERS) {
    const value = c.req.query(name)?.trim().slice(0, 100);
    if (!value) continue;
    if ((name === 'from' || name === 'to') && (!DAY.test(value) || Number.isNaN(Date.parse(value)))) continue;
    filters[name] = value;
  }
  return filters;
}

const like = (s: string) => s.toLowerCase().replace(/[\\%_]/g, '\\$&');

/** Restricts the entries to the administrator's platforms and the filters. */
function filtered(c: Context, db: Knex, f: Filters): Knex.QueryBuilder {
  const q = db('audit_log as a').leftJoin('vendors as v', 'v.id', 'a.vendor_id');
  const ids = adminOf(c).platformIds;
  if (ids !== 'all') q.whereIn('a.platform_id', [...ids]);
  if (f.action) q.whereRaw('lower(a.action) like ?', [`${like(f.action)}%`]);
  if (f.actor) q.whereRaw('lower(a.actor_label) like ?', [`%${like(f.actor)}%`]);
  if (f.vendor) q.whereRaw('lower(v.code) = ?', [f.vendor.toLowerCase()]);
  if (f.from) q.where('a.at', '>=', `${f.from}T00:00:00Z`);
  if (f.to) q.whereRaw(`a.at < (?::date + 1)`, [f.to]);
  return q;
}

/** `GET /admin/audit-log` (filters, pages) and `GET /admin/audit-log/:id` (an entry, with its before/after diff). */
export function mountAdminAuditLog(app: Hono, deps: { db: DbAccess; root: (c: Context) => string }): void {
  app.get('/admin/audit-log', async (c) => {
    const filters = readFilters(c);
    const state = tableQuery(c.req.query(), { sortable: ['at'], defaultSort: 'at', defaultDir: 'desc', pageSize: 25 });
    const { dir } = state;
    const { rows, total } = await deps.db.asSystem('admin: audit log page', async (db) => {
      const query = filtered(c, db, filters);
      const [{ n } = { n: 0 }] = (await query.clone().count({ n: '*' })) as { n: string | number }[];
      const rows = (await query
        .select('a.id', 'a.at', 'a.actor_label', 'a.action', 'a.target_type', 'a.target_id', 'v.code as vendor_code')
        .orderBy('a.at', dir)
        .orderBy('a.id', dir)
        .offset((state.page - 1) * state.pageSize)
        .limit(state.pageSize)) as EntryRow[];
      return { rows, total: Number(n) };
    });
    return c.render(<AuditLogPage root={deps.root(c)} rows={rows} total={total} state={state} filters={filters} />, {
      title: kernelT(c)('adminAudit.title'),
    });
  });

  app.get('/admin/audit-log/:id{[0-9]+}', async (c) => {
    const entry = await deps.db.asSystem('admin: audit entry', (db) =>
      filtered(c, db, {})
        .where('a.id', Number(c.req.param('id')))
        .first<EntryDetail | undefined>(
          'a.id',
          'a.at',
          'a.actor_label',
          'a.action',
          'a.target_type',
          'a.target_id',
          'v.code as vendor_code',
          'a.before',
          'a.after',
          'a.details',
          'a.ip',
          'a.request_id',
        ),
    );
    if (!entry) throw KernelErrors.NotFound({ path: c.req.path });
    return c.render(<EntryPage root={deps.root(c)} entry={entry} />, {
      title: kernelT(c)('adminAudit.entryTitle', { id: entry.id }),
    });
  });
}

function AuditLogPage(props: { root: string; rows: EntryRow[]; total: number; state: TableState; filters: Filters }) {
  const href = `${props.root}/audit-log`;
  const swap = tableSwap('audit-table');
  // Rendered inside the shell: the kit's language is the request's.
  const t = kitT();
  const lang = kitLanguage();
  const columns: Column<EntryRow>[] = [
    {
      key: 'at',
      label: t('adminAudit.when'),
      sortable: true,
      render: (e) => (
        <a class="text-brand-700 underline" href={`${href}/${e.id}`}>
          {formatDate(e.at, lang)}
        </a>
      ),
    },
    { key: 'actor', label: t('adminAudit.actor'), render: (e) => e.actor_label },
    { key: 'action', label: t('adminAudit.action'), render: (e) => <code class="text-xs">{e.action}</code> },
    {
      key: 'target',
      label: t('adminAudit.target'),
      render: (e) => (e.target_type ? `${e.target_type} ${e.target_id ?? ''}` : '—'),
    },
    { key: 'vendor', label: t('adminVendor.card'), render: (e) => e.vendor_code ?? '—' },
  ];
  return (
    <>
      <PageHeader title={t('adminAudit.title')} description={t('adminAudit.description')} />
      <Card class="mb-4">
        <form method="get" action={href} hx-get={href} {...swap} class="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <TextField
            name="action"
            label={t('adminAudit.actionPrefix')}
            value={props.filters.action}
            placeholder="tenancy.vendor"
          />
          <TextField name="actor" label={t('adminAudit.actor')} value={props.filters.actor} />
          <TextField name="vendor" label={t('adminAudit.vendorCode')} value={props.filters.vendor} />
          <TextField name="from" label={t('adminAudit.from')} type="date" value={props.filters.from} />
          <TextField name="to" label={t('adminAudit.to')} type="date" value={props.filters.to} />
          <div class="flex items-end gap-2">
            <Button>{t('adminAudit.filter')}</Button>
            <LinkButton href={href}>{t('adminAudit.clear')}</LinkButton>
          </div>
        </form>
      </Card>
      <DataTable
        id="audit-table"
        caption={t('adminAudit.entries')}
        href={href}
        columns={columns}
        rows={props.rows}
        total={props.total}
        state={props.state}
        params={props.filters}
        empty={t('adminAudit.empty')}
      />
    </>
  );
}

/** Top-level fields of before and after, each with both values and whether it changed. */
export function diffFields(
  before: unknown,
  after: unknown,
): { field: string; before?: string; after?: string; changed: boolean }[] {
  const asRecord = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : v === null || v === undefined
        ? {}
        : { value: v };
  const b = asRecord(before);
  const a = asRecord(after);
  const show = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].sort().map((field) => {
    const was = show(b[field]);
    const now = show(a[field]);
    return { field, before: was, after: now, changed: was !== now };
  });
}

function EntryPage(props: { root: string; entry: EntryDetail }) {
  const e = props.entry;
  const fields = diffFields(e.before, e.after);
  const t = kitT();
  return (
    <>
      <PageHeader
        title={e.action}
        description={t('adminAudit.by', { when: formatDate(e.at, kitLanguage()), actor: e.actor_label })}
        actions={<LinkButton href={`${props.root}/audit-log`}>{t('adminAudit.back')}</LinkButton>}
      />
      <div class="grid gap-4 lg:grid-cols-3">
        <Card title={t('adminAudit.entry')}>
          <dl class="grid grid-cols-3 gap-2 text-sm">
            <dt class="text-gray-600">{t('adminAudit.target')}</dt>
            <dd class="col-span-2">{e.target_type ? `${e.target_type} ${e.target_id ?? ''}` : '—'}</dd>
            <dt class="text-gray-600">{t('adminVendor.card')}</dt>
            <dd class="col-span-2">{e.vendor_code ?? '—'}</dd>
            <dt class="text-gray-600">{t('adminAudit.ip')}</dt>
            <dd class="col-span-2">{e.ip ?? '—'}</dd>
            <dt class="text-gray-600">{t('adminAudit.request')}</dt>
            <dd class="col-span-2 break-all">{e.request_id ?? '—'}</dd>
          </dl>
        </Card>
        <Card title={t('adminAudit.diff')} class="lg:col-span-2">
          {fields.length ? (
            <table class="min-w-full text-sm">
              <caption class="sr-only">{t('adminAudit.diffCaption')}</caption>
              <thead class="text-left">
                <tr>
                  <th scope="col" class="py-1 pr-4">
                    {t('adminAudit.field')}
                  </th>
                  <th scope="col" class="py-1 pr-4">
                    {t('adminAudit.before')}
                  </th>
                  <th scope="col" class="py-1 pr-4">
                    {t('adminAudit.after')}
                  </th>
                </tr>
              </thead>
              <tbody class="divide-y divide-gray-100">
                {fields.map((f) => (
                  <tr data-changed={f.changed ? 'true' : undefined}>
                    <th scope="row" class="py-1 pr-4 text-left font-medium">
                      {f.field} {f.changed ? <Badge tone="yellow">{t('adminAudit.changed')}</Badge> : null}
                    </th>
                    <td class="py-1 pr-4 break-all">
                      <code class="text-xs">{f.before ?? '—'}</code>
                    </td>
                    <td class="py-1 pr-4 break-all">
                      <code class="text-xs">{f.after ?? '—'}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="text-sm text-gray-600">{t('adminAudit.noDiff')}</p>
          )}
        </Card>
      </div>
    </>
  );
}
