import type { Context } from 'hono';
import type { DbAccess } from '../auth/db-access.js';
import { kernelT } from '../i18n/request.js';
import type { Frame } from '../ui/shell.js';
import { vendorOf } from './scope.js';

/**
 * The top bar's switcher between the shops the signed-in member belongs to on this platform (active memberships of
 * vendors not deleted); none for a member of one shop only, or before sign-in.
 */
export async function vendorSwitcher(db: DbAccess, c: Context): Promise<Frame['switcher']> {
  const principal = c.get('principal');
  const platform = c.get('platform');
  if (principal?.kind !== 'vendorUser' || !platform) return undefined;
  // Across vendors by nature: one user's memberships, read system-scoped.
  const rows = (await db.asSystem('vendor switcher', (sys) =>
    sys('vendor_memberships as m')
      .join('vendors as v', 'v.id', 'm.vendor_id')
      .join('vendor_platforms as vp', 'vp.vendor_id', 'v.id')
      .where({ 'm.user_id': principal.userId, 'm.status': 'active', 'vp.platform_id': platform.id })
      .whereNull('v.deleted_at')
      .orderBy('v.name')
      .select('v.code', 'v.name'),
  )) as { code: string; name: string }[];
  if (rows.length < 2) return undefined;
  const base = c.get('tenant')?.base ?? '';
  const current = vendorOf(c).code;
  return {
    label: kernelT(c)('shell.vendorSwitcher'),
    options: rows.map((r) => ({ label: r.name, href: `${base}/vendor/${r.code}`, current: r.code === current })),
  };
}
