import type { Context, Hono } from 'hono';
import type { DbAccess } from '../../auth/db-access.js';
import type { LinkSettings } from '../../auth/links.js';
import type { PasswordResets } from '../../auth/password-reset.js';
import type { SessionStore } from '../../auth/sessions.js';
import { countUsers, statusOf, type UserRow, usersQuery } from '../../tenancy/admin-users-query.js';
import type { PlatformRegistry } from '../../tenancy/platforms.js';
import { Badge } from '../../ui/components/badge.js';
import { type Column, DataTable, tableQuery } from '../../ui/components/data-table.js';
import { PageHeader } from '../../ui/components/page-header.js';
import { adminOf } from '../scope.js';

export interface AdminUsersDeps {
  db: DbAccess;
  platforms: PlatformRegistry;
  sessions: SessionStore;
  resets: PasswordResets;
  links: LinkSettings;
  root: (c: Context) => string;
}

const KINDS = { all: 'Everyone', admin: 'Administrators', vendor: 'Vendor users' } as const;
type Kind = keyof typeof KINDS;

const ROLE_LABEL: Record<UserRow['role'], string> = {
  super_admin: 'super admin',
  platform_admin: 'platform admin',
  vendor_user: 'vendor user',
};

export function StatusBadge(props: { user: UserRow }) {
  const status = statusOf(props.user);
  return <Badge tone={status === 'active' ? 'green' : status === 'disabled' ? 'yellow' : 'red'}>{status}</Badge>;
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
    const columns: Column<UserRow>[] = [
      {
        key: 'email',
        label: 'Email',
        render: (u) => (
          <a class="font-medium text-brand-700 underline" href={`${root}/users/${u.id}`}>
            {u.email}
          </a>
        ),
      },
      { key: 'name', label: 'Name', render: (u) => u.display_name || '—' },
      { key: 'role', label: 'Role', render: (u) => ROLE_LABEL[u.role] },
      { key: 'status', label: 'Status', render: (u) => <StatusBadge user={u} /> },
      {
        key: 'scope',
        label: 'Platforms or vendors',
        render: (u) =>
          u.role === 'super_admin'
            ? 'all platforms'
            : u.role === 'platform_admin'
              ? u.platforms.join(', ') || '—'
              : u.vendors.map((v) => v.code).join(', ') || '—',
      },
    ];
    return c.render(
      <>
        <PageHeader title="Users" description="Administrators and the users of the vendors' shops." />
        <nav aria-label="Kind of user" class="mb-3 flex gap-4 text-sm">
          {(Object.keys(KINDS) as Kind[]).map((k) => (
            <a
              href={k === 'all' ? `${root}/users` : `${root}/users?kind=${k}`}
              aria-current={k === kind ? 'page' : undefined}
              class={k === kind ? 'font-semibold text-gray-900 underline' : 'text-brand-700 underline'}
            >
              {KINDS[k]}
            </a>
          ))}
        </nav>
        <DataTable
          id="users-table"
          caption="Users"
          href={`${root}/users`}
          columns={columns}
          rows={rows}
          total={total}
          state={state}
          searchable
          params={{ kind: kind === 'all' ? undefined : kind }}
        />
      </>,
      { title: 'Users' },
    );
  });
}
