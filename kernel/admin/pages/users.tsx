import type { Context, Hono } from 'hono';
import type { DbAccess } from '../../auth/db-access.js';
import type { LinkSettings } from '../../auth/links.js';
import type { PasswordResets } from '../../auth/password-reset.js';
import type { SessionStore } from '../../auth/sessions.js';
import { kernelT } from '../../i18n/request.js';
import { countUsers, statusOf, type UserRow, usersQuery } from '../../tenancy/admin-users-query.js';
import type { PlatformRegistry } from '../../tenancy/platforms.js';
import { Badge } from '../../ui/components/badge.js';
import { type Column, DataTable, tableQuery } from '../../ui/components/data-table.js';
import { kitT } from '../../ui/components/kit-language.js';
import { PageHeader } from '../../ui/components/page-header.js';
import { adminOf } from '../scope.js';
import { statusLabel } from './labels.js';

export interface AdminUsersDeps {
  db: DbAccess;
  platforms: PlatformRegistry;
  sessions: SessionStore;
  resets: PasswordResets;
  links: LinkSettings;
  root: (c: Context) => string;
}

const KINDS = ['all', 'admin', 'vendor'] as const;
type Kind = (typeof KINDS)[number];

export function StatusBadge(props: { user: UserRow }) {
  const status = statusOf(props.user);
  const tone = status === 'active' ? 'green' : status === 'disabled' ? 'yellow' : 'red';
  // Rendered inside the shell, so the kit's language is the page's.
  return <Badge tone={tone}>{statusLabel(kitT(), status)}</Badge>;
}

/**
 * `GET /admin/users`: administrators and vendor users the administrator may see (a platform administrator only the
 * vendor users of its platforms), searchable by email or name, filtered by kind, paginated. Each links to its page
 * (user-detail.tsx) with the actions.
 */
export function mountAdminUsers(app: Hono, deps: AdminUsersDeps): void {
  app.get('/admin/users', async (c) => {
    const state = tableQuery(c.req.query(), { sortable: [], pageSize: 25 });
    const asked = c.req.query('kind');
    const kind: Kind = asked === 'admin' || asked === 'vendor' ? asked : 'all';
    const scope = adminOf(c).platformIds;
    const q = {
      kind: kind === 'all' ? undefined : kind,
      search: state.search || undefined,
      limit: state.pageSize,
      offset: (state.page - 1) * state.pageSize,
    };
    const { rows, total } = await deps.db.asSystem('admin: users page', async (db) => ({
      rows: (await usersQuery(db, scope, q)) as UserRow[],
      total: await countUsers(db, scope, q),
    }));
    const root = deps.root(c);
    const t = kernelT(c);
    const columns: Column<UserRow>[] = [
      {
        key: 'email',
        label: t('adminUsers.email'),
        render: (u) => (
          <a class="font-medium text-brand-700 underline" href={`${root}/users/${u.id}`}>
            {u.email}
          </a>
        ),
      },
      { key: 'name', label: t('adminVendors.name'), render: (u) => u.display_name || '—' },
      { key: 'role', label: t('adminUser.role'), render: (u) => t(`adminUsers.kind.${u.role}`) },
      { key: 'status', label: t('adminVendors.status'), render: (u) => <StatusBadge user={u} /> },
      {
        key: 'scope',
        label: t('adminUsers.scope'),
        render: (u) =>
          u.role === 'super_admin'
            ? t('adminUsers.allPlatforms')
            : u.role === 'platform_admin'
              ? u.platforms.join(', ') || '—'
              : u.vendors.map((v) => v.code).join(', ') || '—',
      },
    ];
    return c.render(
      <>
        <PageHeader title={t('adminUsers.title')} description={t('adminUsers.description')} />
        <nav aria-label={t('adminUsers.kinds')} class="mb-3 flex gap-4 text-sm">
          {KINDS.map((k) => (
            <a
              href={k === 'all' ? `${root}/users` : `${root}/users?kind=${k}`}
              aria-current={k === kind ? 'page' : undefined}
              class={k === kind ? 'font-semibold text-gray-900 underline' : 'text-brand-700 underline'}
            >
              {t(`adminUsers.kinds.${k}`)}
            </a>
          ))}
        </nav>
        <DataTable
          id="users-table"
          caption={t('adminUsers.title')}
          href={`${root}/users`}
          columns={columns}
          rows={rows}
          total={total}
          state={state}
          searchable
          params={{ kind: kind === 'all' ? undefined : kind }}
        />
      </>,
      { title: t('adminUsers.title') },
    );
  });
}
