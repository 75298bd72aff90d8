import type { Context } from 'hono';
import type { Knex } from 'knex';
import { audit } from '../audit/audit.js';
import { areaLinkBase, type LinkSettings } from '../auth/links.js';
import type { PasswordResets } from '../auth/password-reset.js';
import type { SessionStore } from '../auth/sessions.js';
import { KernelErrors } from '../errors/codes.js';
import { statusOf, type UserRow, usersQuery } from './admin-users-query.js';
import { TenancyErrors } from './errors.js';
import type { PlatformRegistry } from './platforms.js';

/** The administrator making a change: its id (nobody disables their own account) and its scope. */
export interface UserActor {
  userId: number;
  platformIds: readonly number[] | 'all';
}

/** One user the actor may see (deleted ones too), or undefined. */
export async function findUser(db: Knex, actor: UserActor, id: number): Promise<UserRow | undefined> {
  const [row] = await usersQuery(db, actor.platformIds, { id });
  return row as UserRow | undefined;
}

/**
 * Disables (every sign-in ends at once) or enables a user, audit-logged (`user.disabled|enabled`). Refuses a deleted
 * user (ORN_NOT_FOUND) and the actor's own account (ORN_TENANCY_CANNOT_CHANGE_SELF). Run in a system-scoped
 * transaction.
 */
export async function setUserActive(
  db: Knex,
  c: Context | undefined,
  input: { actor: UserActor; user: UserRow; active: boolean; sessions: SessionStore },
): Promise<void> {
  const { user, active } = input;
  const verb = active ? 'enable' : 'disable';
  if (user.deleted_at) throw KernelErrors.NotFound({ path: c?.req.path ?? `user ${user.id}` });
  if (Number(user.id) === input.actor.userId) throw TenancyErrors.CannotChangeSelf({ action: verb });
  await db('users').where({ id: user.id }).update({ is_active: active, updated_at: db.fn.now() });
  if (!active) await input.sessions.revokeAll(db, { userId: Number(user.id) }, 'account disabled');
  await audit(db, c, {
    action: `user.${verb}d`,
    targetType: 'user',
    targetId: user.id,
    before: { status: statusOf(user) },
    after: { status: active ? 'active' : 'disabled' },
  });
}

/**
 * Mails the user a single-use link to choose a new password (into the admin or vendor area), audit-logged
 * (`user.password_reset_sent`). Refuses an account that cannot sign in (ORN_TENANCY_ACCOUNT_INACTIVE).
 */
export async function sendUserPasswordReset(
  c: Context,
  deps: {
    db: { asSystem<T>(reason: string, fn: (db: Knex) => Promise<T>): Promise<T> };
    resets: PasswordResets;
    links: LinkSettings;
  },
  user: UserRow,
): Promise<void> {
  const area = user.role === 'vendor_user' ? 'vendor' : 'admin';
  const sent =
    statusOf(user) === 'active' &&
    (await deps.resets.request({
      area,
      email: user.email,
      linkBase: areaLinkBase(c, area, deps.links),
      platformId: c.get('platform')?.id,
    }));
  if (!sent) throw TenancyErrors.AccountInactive({ email: user.email });
  await deps.db.asSystem('admin: password reset', (db) =>
    audit(db, c, { action: 'user.password_reset_sent', targetType: 'user', targetId: user.id }),
  );
}

/**
 * Sets which platforms a platform administrator manages (by code), audit-logged (`user.platforms_changed`); takes
 * effect on its next request. Refuses another kind of user (ORN_TENANCY_NOT_PLATFORM_ADMIN) and an unknown code
 * (ORN_VALIDATION_FAILED on `platforms`). Run in a system-scoped transaction.
 */
export async function setAdminPlatforms(
  db: Knex,
  c: Context | undefined,
  input: { user: UserRow; codes: string[]; platforms: PlatformRegistry },
): Promise<void> {
  const { user } = input;
  if (user.role !== 'platform_admin') throw TenancyErrors.NotPlatformAdmin({ email: user.email });
  const codes = [...new Set(input.codes.map((p) => p.toLowerCase()))];
  const ids = codes.map((code) => {
    const platform = input.platforms.findByCode(code);
    if (!platform) {
      const message = `no platform ${code}`;
      throw KernelErrors.ValidationFailed({ summary: `platforms: ${message}` }, { fields: { platforms: message } });
    }
    return platform.id;
  });
  await db('admin_platforms').where({ user_id: user.id }).delete();
  if (ids.length) await db('admin_platforms').insert(ids.map((id) => ({ user_id: user.id, platform_id: id })));
  await audit(db, c, {
    action: 'user.platforms_changed',
    targetType: 'user',
    targetId: user.id,
    before: { platforms: user.platforms },
    after: { platforms: codes.sort() },
  });
}

export const ADMIN_ROLES = ['super_admin', 'platform_admin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/**
 * Makes an administrator a super administrator or a platform administrator, audit-logged (`user.role_changed`);
 * it applies on its next request (the principal is read per request). A platform administrator made super keeps
 * its platform list, unused, in case it is made a platform administrator again. Refuses a vendor user
 * (ORN_TENANCY_NOT_AN_ADMIN), a deleted user (ORN_NOT_FOUND) and the actor's own account. Returns false when the
 * role was already that. Run in a system-scoped transaction.
 */
export async function setAdminRole(
  db: Knex,
  c: Context | undefined,
  input: { actor: UserActor; user: UserRow; role: AdminRole },
): Promise<boolean> {
  const { user, role } = input;
  if (user.deleted_at) throw KernelErrors.NotFound({ path: c?.req.path ?? `user ${user.id}` });
  if (user.role === 'vendor_user') throw TenancyErrors.NotAnAdmin({ email: user.email });
  if (Number(user.id) === input.actor.userId) throw TenancyErrors.CannotChangeSelf({ action: 'change the role of' });
  if (user.role === role) return false;
  await db('users').where({ id: user.id }).update({ role, updated_at: db.fn.now() });
  await audit(db, c, {
    action: 'user.role_changed',
    targetType: 'user',
    targetId: user.id,
    before: { role: user.role },
    after: { role },
  });
  return true;
}
