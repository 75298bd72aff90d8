import type { Context, Hono } from 'hono';
import { AuthErrors } from '../../auth/errors.js';
import { KernelErrors } from '../../errors/codes.js';
import { OrionError } from '../../errors/define-error.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import { statusOf, type UserRow } from '../../tenancy/admin-users-query.js';
import { findUser, sendUserPasswordReset, setAdminPlatforms, setUserActive } from '../../tenancy/user-service.js';
import { Alert } from '../../ui/components/alert.js';
import { Button } from '../../ui/components/button.js';
import { CheckboxGroup, Form } from '../../ui/components/form.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { formValues } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import { adminOf, managedPlatforms } from '../scope.js';
import {
  type MembershipRoles,
  membershipRoles,
  mountAdminUserRoles,
  RoleCards,
  type RoleErrors,
} from './user-roles.js';
import { type AdminUsersDeps, StatusBadge } from './users.js';

type Message = { kind: 'success' | 'error'; text: string };

/**
 * `GET /admin/users/:id` and its actions, through the user service (which audit-logs): `POST …/disable|enable`,
 * `POST …/password-reset`, and for a platform administrator `POST …/platforms` (super administrators only); role
 * changes are in user-roles.tsx. Success
 * redirects to the page with a message; a refusal re-renders it with the error.
 */
export function mountAdminUserDetail(app: Hono, deps: AdminUsersDeps): void {
  const load = async (c: Context): Promise<UserRow> => {
    const id = Number(c.req.param('id'));
    const user = Number.isSafeInteger(id)
      ? await deps.db.asSystem('admin: user', (db) => findUser(db, adminOf(c), id))
      : undefined;
    if (!user) throw KernelErrors.NotFound({ path: c.req.path });
    return user;
  };
  const render = async (c: Context, user: UserRow, message?: Message, roleErrors?: RoleErrors) =>
    c.render(
      <UserPage
        c={c}
        root={deps.root(c)}
        user={user}
        platforms={managedPlatforms(c, deps.platforms).map((p) => ({ value: p.code, label: p.name }))}
        memberships={await deps.db.asSystem('admin: user roles', (db) => membershipRoles(db, user))}
        message={message}
        roleErrors={roleErrors}
      />,
      { title: user.email },
    );
  /** Runs an action; a coded refusal re-renders the page with it, success redirects back with `done`. */
  const act = async (c: Context, user: UserRow, work: () => Promise<void>, done: string) => {
    try {
      await work();
    } catch (err) {
      if (!(err instanceof OrionError) || err.category === 'internal') throw err;
      c.status(err.status as 409);
      return render(c, await load(c), { kind: 'error', text: err.message });
    }
    setFlash(c, { kind: 'success', text: done });
    return seeOther(c, `${deps.root(c)}/users/${user.id}`);
  };

  app.get('/admin/users/:id{[0-9]+}', async (c) => render(c, await load(c)));

  mountAdminUserRoles(app, deps, {
    load,
    render: (c, user, extra) =>
      render(c, user, extra.error ? { kind: 'error', text: extra.error } : undefined, extra.roleErrors),
  });

  app.post('/admin/users/:id{[0-9]+}/:action{disable|enable}', async (c) => {
    const user = await load(c);
    const active = c.req.param('action') === 'enable';
    return act(
      c,
      user,
      () =>
        deps.db.asSystem('admin: user status', (db) =>
          setUserActive(db, c, { actor: adminOf(c), user, active, sessions: deps.sessions }),
        ),
      kernelT(c)(active ? 'adminUserDetail.enabled' : 'adminUserDetail.disabled', { email: user.email }),
    );
  });

  app.post('/admin/users/:id{[0-9]+}/password-reset', async (c) => {
    const user = await load(c);
    return act(
      c,
      user,
      () => sendUserPasswordReset(c, deps, user),
      kernelT(c)('adminUserDetail.resetSent', { email: user.email }),
    );
  });

  app.post('/admin/users/:id{[0-9]+}/platforms', async (c) => {
    if (adminOf(c).role !== 'super_admin') throw AuthErrors.Forbidden({ needed: 'a super administrator' });
    const user = await load(c);
    const body = await c.req.parseBody({ all: true });
    const codes = formValues(body as Record<string, string | string[]>, 'platforms');
    return act(
      c,
      user,
      () =>
        deps.db.asSystem('admin: user platforms', (db) =>
          setAdminPlatforms(db, c, { user, codes, platforms: deps.platforms }),
        ),
      kernelT(c)('adminUserDetail.platformsSaved', { email: user.email }),
    );
  });
}

const swap = (url: string) => ({
  'hx-post': url,
  'hx-target': '#user-detail',
  'hx-select': '#user-detail',
  'hx-swap': 'outerHTML',
});

function UserPage(props: {
  c: Context;
  root: string;
  user: UserRow;
  platforms: { value: string; label: string }[];
  memberships: MembershipRoles[];
  message?: Message;
  roleErrors?: RoleErrors;
}) {
  const { user, c } = props;
  const url = `${props.root}/users/${user.id}`;
  const csrf = csrfToken(c);
  const me = adminOf(c);
  const status = statusOf(user);
  const self = Number(user.id) === me.userId;
  const t = kernelT(c);
  return (
    <div id="user-detail">
      <PageHeader title={user.email} description={user.display_name || undefined} />
      {props.message ? <Alert kind={props.message.kind}>{props.message.text}</Alert> : null}
      <div class="grid gap-4 md:grid-cols-2">
        <Card title={t('adminUserDetail.account')}>
          <dl class="grid grid-cols-2 gap-2 text-sm">
            <dt class="text-gray-600">{t('adminUser.role')}</dt>
            <dd>{t(`adminUsers.kind.${user.role}`)}</dd>
            <dt class="text-gray-600">{t('adminVendors.status')}</dt>
            <dd>
              <StatusBadge user={user} />
            </dd>
            <dt class="text-gray-600">{t('adminVendors.title')}</dt>
            <dd>
              {user.vendors
                .map((v) => (v.isOwner ? t('adminUserDetail.owner', { vendor: v.code }) : v.code))
                .join(', ') || '—'}
            </dd>
          </dl>
          {status === 'deleted' || self ? null : (
            <div class="mt-4 flex flex-wrap gap-2">
              <Form
                action={`${url}/${status === 'active' ? 'disable' : 'enable'}`}
                csrf={csrf}
                class=""
                {...swap(`${url}/${status === 'active' ? 'disable' : 'enable'}`)}
              >
                <Button variant={status === 'active' ? 'danger' : 'primary'}>
                  {t(status === 'active' ? 'adminUserDetail.disable' : 'adminUserDetail.enable')}
                </Button>
              </Form>
              {status === 'active' ? (
                <Form action={`${url}/password-reset`} csrf={csrf} class="" {...swap(`${url}/password-reset`)}>
                  <Button variant="secondary">{t('adminUserDetail.sendReset')}</Button>
                </Form>
              ) : null}
            </div>
          )}
        </Card>
        {user.role === 'platform_admin' && me.role === 'super_admin' ? (
          <Card title={t('adminUserDetail.scope')}>
            <Form action={`${url}/platforms`} csrf={csrf} {...swap(`${url}/platforms`)}>
              <CheckboxGroup
                name="platforms"
                legend={t('adminUserDetail.scopeLegend')}
                options={props.platforms}
                checked={user.platforms}
              />
              <Button>{t('adminUserDetail.savePlatforms')}</Button>
            </Form>
          </Card>
        ) : null}
        <RoleCards
          c={c}
          url={url}
          user={user}
          self={self}
          memberships={props.memberships}
          roleErrors={props.roleErrors}
        />
      </div>
    </div>
  );
}
