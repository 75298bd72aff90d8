import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { can, requirePermission } from '../../auth/authorize.js';
import type { DbAccess } from '../../auth/db-access.js';
import { roleLabel } from '../../auth/role-label.js';
import { KernelErrors } from '../../errors/codes.js';
import type { KernelKey } from '../../i18n/locales/index.js';
import type { Translate } from '../../i18n/messages.js';
import { kernelT } from '../../i18n/request.js';
import { csrfToken } from '../../security/csrf.js';
import { TenancyErrors } from '../../tenancy/errors.js';
import { addInvitedMember } from '../../tenancy/team-service.js';
import { Badge } from '../../ui/components/badge.js';
import { Button, LinkButton } from '../../ui/components/button.js';
import { type Column, DataTable, tableQuery } from '../../ui/components/data-table.js';
import { ErrorSummary, type FieldErrors, Form, SelectField, TextField } from '../../ui/components/form.js';
import { Card, PageHeader } from '../../ui/components/page-header.js';
import { setFlash } from '../../ui/flash.js';
import { formValue, readForm } from '../../ui/forms.js';
import { seeOther } from '../../ui/redirect.js';
import { vendorOf, vendorRoot } from '../scope.js';

interface MemberRow {
  email: string;
  display_name: string;
  role: string;
  preset: string | null;
  is_owner: boolean;
  status: 'invited' | 'active' | 'disabled';
}

const inviteForm = (t: Translate<KernelKey>) =>
  z.object({
    email: z.string().trim().email(t('team.error.email')),
    roleId: z.coerce
      .number({ message: t('team.error.role') })
      .int()
      .positive(t('team.error.role')),
  });

export interface VendorTeamDeps {
  db: DbAccess;
  /** Mails the invitation (`auth.sendInvitation`). */
  invite: (c: Context, input: { userId: number; vendorId: number }) => Promise<void>;
}

/** `GET /vendor/<code>/team` (needs team.view) and `POST /vendor/<code>/team/invite` (needs team.invite). */
export function mountVendorTeam(app: Hono, deps: VendorTeamDeps): void {
  app.use('/vendor/:vendorCode/team', requirePermission('team.view'));
  app.use('/vendor/:vendorCode/team/invite', requirePermission('team.invite'));

  const load = (vendorId: number) =>
    deps.db.asVendor(vendorId, async (db) => {
      const members = (await db('vendor_memberships as m')
        .join('users as u', 'u.id', 'm.user_id')
        .join('vendor_roles as r', 'r.id', 'm.role_id')
        .where('m.vendor_id', vendorId)
        .whereNull('u.deleted_at')
        .orderBy('m.id')
        .select('u.email', 'u.display_name', 'r.name as role', 'r.preset', 'm.is_owner', 'm.status')) as MemberRow[];
      const roles = (await db('vendor_roles')
        .where({ vendor_id: vendorId })
        .whereNot((w) => w.where('preset', 'owner'))
        .orderBy('id')
        .select('id', 'name', 'preset')) as { id: number; name: string; preset: string | null }[];
      return { members, roles };
    });

  const page = async (c: Context, values: Record<string, string | string[]> = {}, errors?: FieldErrors) => {
    const { members, roles } = await load(vendorOf(c).id);
    return c.render(<TeamPage c={c} members={members} roles={roles} values={values} errors={errors} />, {
      title: kernelT(c)('team.title'),
    });
  };

  app.get('/vendor/:vendorCode/team', (c) => page(c));

  app.post('/vendor/:vendorCode/team/invite', async (c) => {
    const vendor = vendorOf(c);
    const t = kernelT(c);
    const form = await readForm(c, inviteForm(t));
    if (!form.ok) {
      c.status(422);
      return page(c, form.values, form.errors);
    }
    try {
      const member = await addInvitedMember(deps.db, c, vendor.id, form.data);
      await deps.invite(c, { userId: member.userId, vendorId: vendor.id });
    } catch (err) {
      const errors = inviteFieldError(t, err);
      if (!errors) throw err;
      c.status(422);
      return page(c, form.values, errors);
    }
    setFlash(c, { kind: 'success', text: t('team.invited', { email: form.data.email }) });
    return seeOther(c, `${vendorRoot(c)}/team`);
  });
}

function inviteFieldError(t: Translate<KernelKey>, err: unknown): FieldErrors | undefined {
  if (TenancyErrors.AlreadyMember.is(err)) return { email: t('team.error.member') };
  if (TenancyErrors.OwnerIsAdmin.is(err)) return { email: t('team.error.admin') };
  if (TenancyErrors.OwnerRoleReserved.is(err) || KernelErrors.ValidationFailed.is(err)) {
    return { roleId: t('team.error.role') };
  }
  return undefined;
}

function TeamPage(props: {
  c: Context;
  members: MemberRow[];
  roles: { id: number; name: string; preset: string | null }[];
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
}) {
  const root = vendorRoot(props.c);
  const t = kernelT(props.c);
  const status = {
    active: t('team.status.active'),
    invited: t('team.status.invited'),
    disabled: t('team.status.disabled'),
  };
  const columns: Column<MemberRow>[] = [
    { key: 'email', label: t('login.email'), render: (m) => m.email },
    { key: 'name', label: t('team.name'), render: (m) => m.display_name || '—' },
    {
      key: 'role',
      label: t('team.role'),
      render: (m) => {
        const role = roleLabel(t, { name: m.role, preset: m.preset });
        return m.is_owner ? t('team.ownerRole', { role }) : role;
      },
    },
    {
      key: 'status',
      label: t('team.status'),
      render: (m) => (
        <Badge tone={m.status === 'active' ? 'green' : m.status === 'invited' ? 'blue' : 'gray'}>
          {status[m.status] ?? m.status}
        </Badge>
      ),
    },
  ];
  const state = { ...tableQuery({}, { sortable: [] }), pageSize: 1000 };
  const canInvite = can(props.c.get('principal'), 'team.invite');
  return (
    <>
      <PageHeader
        title={t('team.title')}
        description={t('team.description')}
        actions={
          <LinkButton variant="secondary" href={`${root}/team/roles`}>
            {t('roles.title')}
          </LinkButton>
        }
      />
      <div class="grid gap-6 xl:grid-cols-3">
        <div class="xl:col-span-2">
          <DataTable
            id="team-table"
            caption={t('team.members')}
            href={`${root}/team`}
            columns={columns}
            rows={props.members}
            total={props.members.length}
            state={state}
          />
        </div>
        {canInvite ? (
          <Card title={t('team.invite')}>
            <Form
              id="invite-form"
              action={`${root}/team/invite`}
              csrf={csrfToken(props.c)}
              hx-post={`${root}/team/invite`}
              hx-target="#invite-form"
              hx-select="#invite-form"
              hx-swap="outerHTML"
            >
              <ErrorSummary errors={props.errors} message={props.errors ? t('form.errorSummary') : undefined} />
              <TextField
                name="email"
                label={t('login.email')}
                type="email"
                required
                value={formValue(props.values, 'email')}
                error={props.errors?.email}
              />
              <SelectField
                name="roleId"
                label={t('team.role')}
                value={formValue(props.values, 'roleId')}
                options={[
                  { value: '', label: t('team.chooseRole') },
                  ...props.roles.map((r) => ({ value: String(r.id), label: roleLabel(t, r) })),
                ]}
                error={props.errors?.roleId}
              />
              <Button>{t('team.send')}</Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
