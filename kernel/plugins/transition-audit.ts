import type { Context } from 'hono';
import { audit } from '../audit/audit.js';
import { withTenant } from '../db/tenant-scope.js';
import type { PlatformRegistry } from '../tenancy/platforms.js';
import type { TransitionAudit } from './lifecycle.js';

/**
 * Writes each plugin transition to the audit log (`plugin.install`, `plugin.enable`…), in the transition's own
 * transaction: a dry run or a rolled-back transition leaves no entry. `c` is the management API request, whose
 * principal is the actor; the CLI has none and names itself in `actor` (`cli:<user>`).
 */
export function auditTransitions(platforms: PlatformRegistry, c: Context | undefined, actor?: string): TransitionAudit {
  return async (trx, t) => {
    // The audit log is a tenant table; these entries belong to no vendor, so they are written system-scoped.
    await withTenant(trx, { bypass: true, reason: 'plugin transition audit' }, (db) =>
      audit(db, c, {
        action: `plugin.${t.action}`,
        targetType: 'plugin',
        targetId: t.pluginId,
        platformId: t.platformId,
        before: { state: t.from },
        after: { state: t.to, version: t.version },
        details: {
          plugins: t.plugins,
          ...(t.platformId ? { platform: platforms.get(t.platformId)?.code } : {}),
        },
        ...(actor ? { actor } : {}),
      }),
    );
  };
}
