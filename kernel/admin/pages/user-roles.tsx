import type { Context, Hono } from 'hono';
import type { Knex } from 'knex';
import { AuthErrors } from '../../auth/errors.js';
import { roleLabel } from '../../auth/role-label.js';
import { OrionError } from '../../errors/define-error.js';
import type { KernelKey } from '../../i18n/locales/index.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import type { UserRow } from '../../tenancy/admin-users-query.js';
import { changeMemberRole } from '../../tenancy/team-service.js';
import { ADMIN_ROLES, type AdminRole, setAdminRole } from '../../tenancy/user-service.js';
import { Button } from '../../ui/components/button.js';
import { type FieldErrors, Form, SelectField } from '../../ui/components/form.js';
import { Card } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { seeOther } from '../../ui/redirect.js';
import { adminOf } from '../scope.js';
import type { AdminUsersDeps } from './users.js';

/** A vendor user's membership of a vendor the administrator may see, with the roles it could take. */
export interface MembershipRoles {
  id: number;
  vendorId: number;
  vendorCode: string;
  vendorName: string;
  isOwner: boolean;
  roleId: number;
  roles: { id: number; name: string; preset: string | null }[];
}

/** The role forms' state on a re-render: which form failed (`admin` or a vendor code) and why. */
export interface RoleErrors {
  form: string;
  errors: FieldErrors;
}

/** The memberships (of vendors in the administrator's scope: `user.vendors`) with each vendor's roles. */
export async function membershipRoles(db: Knex, user: UserRow): Promise<MembershipRoles[]> {
  const codes = user.vendors.map((v) => v.code);
  if (user.role !== 'vendor_user' || !codes.length) return [];
  const rows = await db('vendor_memberships as m')
    .join('vendors as v', 'v.id', 'm.vendor_id')
    .where('m.user_id', user.id)
    .whereIn('v.code', codes)
    .orderBy('v.code')
    .select('m.id', 'm.vendor_id', 'v.code', 'v.name', 'm.is_owner', 'm.role_id');
  const roles = await db('vendor_roles')
    .whereIn(
      'vendor_id',
      rows.map((r) => r.vendor_id),
    )
    .orderBy('id')
    .select('id', 'vendor_id', 'name', 'preset');
  return rows.map((r) => ({
    id: Number(r.id),
    vendorId: Number(r.vendor_id),
    vendorCode: r.code,
    vendorName: r.name,
    isOwner: r.is_owner,
    roleId: Number(r.role_id),
    roles: roles
      .filter((x) => Number(x.vendor_id) === Number(r.vendor_id))
      .map((x) => ({ id: Number(x.id), name: x.name, preset: x.preset })),
  }));
}

/**
 * Role changes on a user's page: `POST /admin/users/:id/role` (super administrators: super or platform
 * administrator) and `POST /admin/users/:id/vendor-role` (`vendor`, and `roleId-<vendor>`: a vendor user's role in
 * one of its vendors' teams, never the owner's), through the user and team services (which audit-log). A wrong value re-renders the page with a 422
 * and the field's error; a refusal (own account, the owner) with its status.
 */
export function mountAdminUserRoles(
  app: Hono,
  deps: AdminUsersDeps,
  page: {
    load: (c: Context) => Promise<UserRow>;
    render: (c: Context, user: UserRow, extra: { roleErrors?: RoleErrors; error?: string }) => Promise<Response>;
  },
): void {
  const done = (c: Context, user: UserRow) => {
    setFlash(c, { kind: 'success', text: kernelT(c)('adminUser.roleChanged', { email: user.email }) });
    return seeOther(c, `${deps.root(c)}/users/${user.id}`);
  };
  const refused = async (c: Context, user: UserRow, err: unknown) => {
    if (!(err instanceof OrionError) || err.category === 'internal' || err.category === 'not-found') throw err;
    c.status(err.status as 409);
    return page.render(c, user, { error: err.message });
  };
  const invalid = (c: Context, user: UserRow, roleErrors: RoleErrors) => {
    c.status(422);
    return page.render(c, user, { roleErrors });
  };

  app.post('/admin/users/:id{[0-9]+}/role', async (c) => {
    const t = kernelT(c);
    const actor = adminOf(c);
    const user = await page.load(c);
    const body = await c.req.parseBody();
    const role = String(body.role ?? '') as AdminRole;
    if (actor.role !== 'super_admin') throw AuthErrors.Forbidden({ needed: 'a super administrator' });
    if (!ADMIN_ROLES.includes(role))
      return invalid(c, user, { form: 'admin', errors: { role: t('adminUser.error.role') } });
    try {
      await deps.db.asSystem('admin: user role', (db) => setAdminRole(db, c, { actor, user, role }));
    } catch (err) {
      return refused(c, user, err);
    }
    return done(c, user);
  });

  app.post('/admin/users/:id{[0-9]+}/vendor-role', async (c) => {
    const t = kernelT(c);
    const user = await page.load(c);
    const body = await c.req.parseBody();
    const code = String(body.vendor ?? '');
    const memberships = await deps.db.asSystem('admin: user roles', (db) => membershipRoles(db, user));
    const membership = memberships.find((m) => m.vendorCode === code);
    if (!membership) return invalid(c, user, { form: '', errors: { vendor: t('adminUser.error.vendor') } });
    const field = `roleId-${code}`;
    const roleId = Number(body[field]);
    const role = membership.roles.find((r) => r.id === roleId);
    if (!role || role.preset === 'owner') {
      return invalid(c, user, { form: code, errors: { [field]: t('adminUser.error.vendorRole') } });
    }
    try {
      await changeMemberRole(deps.db, c, membership.vendorId, { membershipId: membership.id, roleId });
    } catch (err) {
      return refused(c, user, err);
    }
    return done(c, user);
  });
}

/** htmx: the answer replaces the user's page in place (errors), or redirects (`HX-Redirect`) on success. */
const swapPage = (url: string) => ({
  'hx-post': url,
  'hx-target': '#user-detail',
  'hx-select': '#user-detail',
  'hx-swap': 'outerHTML',
});

/** The role forms of a user's page: the administrator role, or one per vendor team. */
export function RoleCards(props: {
  c: Context;
  url: string;
  user: UserRow;
  self: boolean;
  memberships: MembershipRoles[];
  roleErrors?: RoleErrors;
}) {
  const { c, user, url } = props;
  const t = kernelT(c);
  const csrf = csrfToken(c);
  const errorsOf = (form: string) => (props.roleErrors?.form === form ? props.roleErrors.errors : undefined);
  if (user.role !== 'vendor_user') {
    if (adminOf(c).role !== 'super_admin' || props.self || user.deleted_at) return null;
    return (
      <Card title={t('adminUser.role')}>
        <Form id="admin-role-form" action={`${url}/role`} csrf={csrf} {...swapPage(`${url}/role`)}>
          <SelectField
            name="role"
            label={t('adminUser.adminRole')}
            options={ADMIN_ROLES.map((r) => ({ value: r, label: t(`adminUser.role.${r}` as KernelKey) }))}
            value={user.role}
            error={errorsOf('admin')?.role}
          />
          <Button>{t('adminUser.changeRole')}</Button>
        </Form>
      </Card>
    );
  }
  if (!props.memberships.length) return null;
  return (
    <Card title={t('adminUser.teamRoles')}>
      <div class="space-y-4">
        {props.memberships.map((m) =>
          m.isOwner ? (
            <p class="text-sm">{t('adminUser.ownerOf', { vendor: m.vendorName })}</p>
          ) : (
            <Form
              id={`vendor-role-${m.vendorCode}`}
              action={`${url}/vendor-role`}
              csrf={csrf}
              {...swapPage(`${url}/vendor-role`)}
            >
              <input type="hidden" name="vendor" value={m.vendorCode} />
              <SelectField
                name={`roleId-${m.vendorCode}`}
                label={t('adminUser.roleIn', { vendor: m.vendorName })}
                options={m.roles
                  .filter((r) => r.preset !== 'owner')
                  .map((r) => ({ value: String(r.id), label: roleLabel(t, r) }))}
                value={String(m.roleId)}
                error={errorsOf(m.vendorCode)?.[`roleId-${m.vendorCode}`]}
              />
              <Button variant="secondary">{t('adminUser.changeRole')}</Button>
            </Form>
          ),
        )}
      </div>
    </Card>
  );
}
