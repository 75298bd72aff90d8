import type { Context, Hono } from 'hono';
import type { DbAccess } from '../../auth/db-access.js';
import { AuthErrors } from '../../auth/errors.js';
import { KernelErrors } from '../../errors/codes.js';
import { type PlatformRow, platformsQuery, setPlatformActive } from '../../tenancy/platform-service.js';
import { Badge } from '../../ui/components/badge.js';
import { LinkButton } from '../../ui/components/button.js';
import { type Column, DataTable, tableQuery } from '../../ui/components/data-table.js';
import { Icon } from '../../ui/components/icon.js';
import { PageHeader } from '../../ui/components/page-header.js';
import { mountConfirmedAction } from '../../ui/confirmed-action.js';
import { adminOf } from '../scope.js';

export interface AdminPlatformsDeps {
  db: DbAccess;
  /** Reload the platform registry here and in the other processes. */
  changed: () => Promise<void>;
  root: (c: Context) => string;
}

type Toggle = 'deactivate' | 'reactivate';

/**
 * `GET /admin/platforms`: the platforms an administrator manages (search by name, code or domain), with links to
 * edit them and to their plugins; for super administrators, `GET|POST /admin/platforms/:platform/deactivate` and
 * `…/reactivate` (asked first; an inactive platform answers 404 on all its hosts). Creating and editing are in
 * platform-form.tsx.
 */
export function mountAdminPlatforms(app: Hono, deps: AdminPlatformsDeps): void {
  const scope = (c: Context) => adminOf(c).platformIds;
  const isSuper = (c: Context) => adminOf(c).role === 'super_admin';

  app.get('/admin/platforms', async (c) => {
    const state = tableQuery(c.req.query(), { sortable: [], pageSize: 100 });
    const all = await deps.db.asSystem('admin: platforms page', (db) =>
      platformsQuery(db, scope(c)).select<PlatformRow[]>('*'),
    );
    const needle = state.search.toLowerCase();
    const rows = all.filter(
      (p) => !needle || [p.name, p.code, p.domain ?? ''].some((s) => s.toLowerCase().includes(needle)),
    );
    const root = deps.root(c);
    const columns: Column<PlatformRow>[] = [
      { key: 'name', label: 'Name', render: (p) => p.name },
      { key: 'code', label: 'Code', render: (p) => <code class="text-xs">{p.code}</code> },
      { key: 'domain', label: 'Domain', render: (p) => p.domain ?? '—' },
      { key: 'language', label: 'Language', render: (p) => p.default_language },
      {
        key: 'status',
        label: 'Status',
        render: (p) => (
          <>
            <Badge tone={p.is_active ? 'green' : 'red'}>{p.is_active ? 'active' : 'inactive'}</Badge>{' '}
            {p.is_default ? <Badge tone="blue">default</Badge> : null}
          </>
        ),
      },
      {
        key: 'actions',
        label: 'Actions',
        render: (p) => (
          <span class="flex flex-wrap gap-3">
            <a class="text-brand-700 underline" href={`${root}/platforms/${p.code}/edit`} aria-label={`Edit ${p.name}`}>
              Edit
            </a>
            <a
              class="text-brand-700 underline"
              href={`${root}/platforms/${p.code}/plugins`}
              aria-label={`Plugins of ${p.name}`}
            >
              Plugins
            </a>
            <a
              class="text-brand-700 underline"
              href={`${root}/platforms/${p.code}/menus`}
              aria-label={`Menus of ${p.name}`}
            >
              Menus
            </a>
            {isSuper(c) && !p.is_default ? (
              <a
                class={`underline ${p.is_active ? 'text-red-800' : 'text-brand-700'}`}
                href={`${root}/platforms/${p.code}/${p.is_active ? 'deactivate' : 'reactivate'}`}
                aria-label={`${p.is_active ? 'Deactivate' : 'Reactivate'} ${p.name}`}
              >
                {p.is_active ? 'Deactivate' : 'Reactivate'}
              </a>
            ) : null}
          </span>
        ),
      },
    ];
    return c.render(
      <>
        <PageHeader
          title="Platforms"
          description="Each platform has its own domain, branding, plugins and vendors."
          actions={
            isSuper(c) ? (
              <LinkButton href={`${root}/platforms/new`} variant="primary">
                <Icon name="plus" />
                New platform
              </LinkButton>
            ) : undefined
          }
        />
        <DataTable
          id="platforms-table"
          caption="Platforms"
          href={`${root}/platforms`}
          columns={columns}
          rows={rows}
          total={rows.length}
          state={state}
          searchable
        />
      </>,
      { title: 'Platforms' },
    );
  });

  const target = async (c: Context) => {
    if (!isSuper(c)) throw AuthErrors.Forbidden({ needed: 'a super administrator' });
    const code = c.req.param('platform') ?? '';
    const row = await deps.db.asSystem('admin: platform', (db) =>
      platformsQuery(db, 'all').whereRaw('lower(code) = ?', [code.toLowerCase()]).first<PlatformRow | undefined>(),
    );
    if (!row) throw KernelErrors.NotFound({ path: c.req.path });
    return row;
  };

  mountConfirmedAction(app, '/admin/platforms/:platform/:action{deactivate|reactivate}', {
    id: 'platform-confirm',
    title: (c) => `${c.req.param('action') === 'deactivate' ? 'Deactivate' : 'Reactivate'} ${c.req.param('platform')}`,
    back: (c) => `${deps.root(c)}/platforms`,
    ask: async (c) => {
      const platform = await target(c);
      const deactivate = c.req.param('action') === 'deactivate';
      const verb = deactivate ? 'Deactivate' : 'Reactivate';
      return {
        title: `${verb} ${platform.name}?`,
        confirmLabel: verb,
        danger: deactivate,
        body: deactivate
          ? 'Its shop, vendor and admin hosts answer 404 until it is reactivated. Nothing is deleted.'
          : 'Its hosts answer again at once.',
      };
    },
    act: async (c) => {
      const platform = await target(c);
      const action = c.req.param('action') as Toggle;
      await deps.db.asSystem(`admin: ${action} platform`, (db) =>
        setPlatformActive(db, c, { scope: 'all', code: platform.code }, action === 'reactivate'),
      );
      await deps.changed();
      return { kind: 'success', text: `${platform.name} ${action}d.` };
    },
  });
}
