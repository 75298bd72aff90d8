import { z } from '@hono/zod-openapi';
import type { Knex } from 'knex';

export const AdminUser = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(['super_admin', 'platform_admin', 'vendor_user']),
    status: z.enum(['active', 'disabled', 'deleted']),
    platforms: z.array(z.string()).openapi({ description: 'Platform codes a platform administrator manages' }),
    vendors: z
      .array(z.object({ code: z.string(), isOwner: z.boolean(), status: z.string() }))
      .openapi({ description: "A vendor user's memberships (those the caller may see)" }),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    deletedAt: z.string().nullable(),
  })
  .openapi('AdminUser');

export type UserStatus = 'active' | 'disabled' | 'deleted';

export interface UserQuery {
  id?: number;
  kind?: 'admin' | 'vendor';
  search?: string;
  status?: UserStatus;
  limit?: number;
  offset?: number;
}

export interface UserRow {
  id: number;
  email: string;
  display_name: string;
  role: 'super_admin' | 'platform_admin' | 'vendor_user';
  is_active: boolean;
  last_login_at: Date | null;
  created_at: Date;
  deleted_at: Date | null;
  platforms: string[];
  vendors: { code: string; isOwner: boolean; status: string }[];
}

/**
 * Users as an administrator sees them. `platformIds` is the caller's scope: `all` for a super administrator, else
 * the platforms it manages, and then only vendor users with a membership of a vendor on one of them are visible
 * (never administrators), with only those memberships listed.
 */
export function usersQuery(db: Knex, platformIds: readonly number[] | 'all', q: UserQuery): Knex.QueryBuilder {
  const scoped = platformIds !== 'all';
  const ids = scoped ? [...platformIds, -1] : [];
  const inScope = `and exists (select 1 from vendor_platforms vp where vp.vendor_id = v.id and vp.platform_id in (${ids.map(() => '?').join(', ')}))`;
  return filtered(db, platformIds, q)
    .select(
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.is_active',
      'u.last_login_at',
      'u.created_at',
      'u.deleted_at',
      db.raw(
        'array(select p.code from admin_platforms ap join platforms p on p.id = ap.platform_id where ap.user_id = u.id order by p.code) as platforms',
      ),
      db.raw(
        `coalesce((select json_agg(json_build_object('code', v.code, 'isOwner', m.is_owner, 'status', m.status) order by v.code)
          from vendor_memberships m join vendors v on v.id = m.vendor_id where m.user_id = u.id ${scoped ? inScope : ''}), '[]'::json) as vendors`,
        ids,
      ),
    )
    .orderBy('u.id')
    .limit(q.limit ?? 50)
    .offset(q.offset ?? 0);
}

/** The same filter, counted (for paging). */
export async function countUsers(db: Knex, platformIds: readonly number[] | 'all', q: UserQuery): Promise<number> {
  const row = await filtered(db, platformIds, q).count<{ count: number | string }[]>('* as count').first();
  return Number(row?.count ?? 0);
}

function filtered(db: Knex, platformIds: readonly number[] | 'all', q: UserQuery): Knex.QueryBuilder {
  const scoped = platformIds !== 'all';
  const ids = scoped ? [...platformIds, -1] : [];
  const query = db('users as u');
  if (scoped) {
    query
      .where('u.role', 'vendor_user')
      .whereExists((s) =>
        s
          .from('vendor_memberships as m')
          .join('vendor_platforms as vp', 'vp.vendor_id', 'm.vendor_id')
          .whereRaw('m.user_id = u.id')
          .whereIn('vp.platform_id', ids),
      );
  }
  if (q.id !== undefined) query.where('u.id', q.id);
  if (q.kind === 'admin') query.whereIn('u.role', ['super_admin', 'platform_admin']);
  if (q.kind === 'vendor') query.where('u.role', 'vendor_user');
  if (q.search) {
    const like = `%${q.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    query.where((w) => w.whereRaw('lower(u.email) like ?', [like]).orWhereRaw('lower(u.display_name) like ?', [like]));
  }
  if (q.status === 'deleted') query.whereNotNull('u.deleted_at');
  else if (q.id === undefined) query.whereNull('u.deleted_at');
  if (q.status === 'active') query.where('u.is_active', true);
  if (q.status === 'disabled') query.where('u.is_active', false);
  return query;
}

export function statusOf(u: Pick<UserRow, 'is_active' | 'deleted_at'>): UserStatus {
  return u.deleted_at ? 'deleted' : u.is_active ? 'active' : 'disabled';
}

export function presentUser(u: UserRow): z.infer<typeof AdminUser> {
  return {
    id: Number(u.id),
    email: u.email,
    displayName: u.display_name,
    role: u.role,
    status: statusOf(u),
    platforms: u.platforms,
    vendors: u.vendors,
    lastLoginAt: u.last_login_at ? u.last_login_at.toISOString() : null,
    createdAt: u.created_at.toISOString(),
    deletedAt: u.deleted_at ? u.deleted_at.toISOString() : null,
  };
}
