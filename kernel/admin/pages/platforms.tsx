import type { Context, Hono } from 'hono';
import type { DbAccess } from '../../auth/db-access.js';
import { AuthErrors } from '../../auth/errors.js';
import { KernelErrors } from '../../errors/codes.js';
import { kernelT } from '../../i18n/request.js';
import { type PlatformRow, platformsQuery, setPlatformActive } from '../../tenancy/platform-service.js';
import { Badge } from '../../ui/components/badge.js';
import { LinkButton } from '../../ui/components/button.js';
import { type Column, DataTable, tableQuery } from '../../ui/components/data-table.js';
import { Icon } from '../../ui/components/icon.js';
import { PageHeader } from '../../ui/components/page-header.js';
import { mountConfirmedAction } from '../../ui/confirmed-action.js';
import { adminOf } from '../scope.js';
import { languageLabel, statusLabel } from './labels.js';

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
    const t = kernelT(c);
    const columns: Column<PlatformRow>[] = [
      { key: 'name', label: t('adminVendors.name'), render: (p) => p.name },
      { key: 'code', label: t('adminVendors.code'), render: (p) => <code class="text-xs">{p.code}</code> },
      { key: 'domain', label: t('adminPlatforms.domain'), render: (p) => p.domain ?? '—' },
      { key: 'language', label: t('adminPlatforms.language'), render: (p) => languageLabel(t, p.default_language) },
      {
        key: 'status',
        label: t('adminVendors.status'),
        render: (p) => (
          <>
            <Badge tone={p.is_active ? 'green' : 'red'}>{statusLabel(t, p.is_active ? 'active' : 'inactive')}</Badge>{' '}
            {p.is_default ? <Badge tone="blue">{t('adminPlatforms.default')}</Badge> : null}
          </>
        ),
      },
      {
        key: 'actions',
        label: t('adminPlatforms.actions'),
        render: (p) => (
          <span class="flex flex-wrap gap-3">
            <a
              class="text-brand-700 underline"
              href={`${root}/platforms/${p.code}/edit`}
              aria-label={t('adminPlatforms.editOf', { name: p.name })}
            >
              {t('adminPlatforms.edit')}
            </a>
            <a
              class="text-brand-700 underline"
              href={`${root}/platforms/${p.code}/plugins`}
              aria-label={t('adminPlatforms.pluginsOf', { name: p.name })}
            >
              {t('adminPlatforms.plugins')}
            </a>
            <a
              class="text-brand-700 underline"
              href={`${root}/platforms/${p.code}/menus`}
              aria-label={t('adminPlatforms.menusOf', { name: p.name })}
            >
              {t('adminPlatforms.menus')}
            </a>
            {isSuper(c) && !p.is_default ? (
              <a
                class={`underline ${p.is_active ? 'text-red-800' : 'text-brand-700'}`}
                href={`${root}/platforms/${p.code}/${p.is_active ? 'deactivate' : 'reactivate'}`}
                aria-label={t(p.is_active ? 'adminPlatforms.deactivateOf' : 'adminPlatforms.reactivateOf', {
                  name: p.name,
                })}
              >
                {t(p.is_active ? 'adminPlatforms.deactivate' : 'adminPlatforms.reactivate')}
              </a>
            ) : null}
          </span>
        ),
      },
    ];
    return c.render(
      <>
        <PageHeader
          title={t('adminPlatforms.title')}
          description={t('adminPlatforms.description')}
          actions={
            isSuper(c) ? (
              <LinkButton href={`${root}/platforms/new`} variant="primary">
                <Icon name="plus" />
                {t('adminPlatforms.new')}
              </LinkButton>
            ) : undefined
          }
        />
        <DataTable
          id="platforms-table"
          caption={t('adminPlatforms.title')}
          href={`${root}/platforms`}
          columns={columns}
          rows={rows}
          total={rows.length}
          state={state}
          searchable
        />
      </>,
      { title: t('adminPlatforms.title') },
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
    title: (c) =>
      kernelT(c)(
        c.req.param('action') === 'deactivate' ? 'adminPlatforms.deactivateOf' : 'adminPlatforms.reactivateOf',
        {
          name: c.req.param('platform') ?? '',
        },
      ),
    back: (c) => `${deps.root(c)}/platforms`,
    ask: async (c) => {
      const platform = await target(c);
      const deactivate = c.req.param('action') === 'deactivate';
      const t = kernelT(c);
      return {
        title: t(deactivate ? 'adminPlatforms.deactivateAsk' : 'adminPlatforms.reactivateAsk', { name: platform.name }),
        confirmLabel: t(deactivate ? 'adminPlatforms.deactivate' : 'adminPlatforms.reactivate'),
        danger: deactivate,
        body: t(deactivate ? 'adminPlatforms.deactivateBody' : 'adminPlatforms.reactivateBody'),
      };
    },
    act: async (c) => {
      const platform = await target(c);
      const action = c.req.param('action') as Toggle;
      await deps.db.asSystem(`admin: ${action} platform`, (db) =>
        setPlatformActive(db, c, { scope: 'all', code: platform.code }, action === 'reactivate'),
      );
      await deps.changed();
      return { kind: 'success', text: kernelT(c)(`adminPlatforms.done.${action}`, { name: platform.name }) };
    },
  });
}
