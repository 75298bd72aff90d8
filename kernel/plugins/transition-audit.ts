import type { Context } from 'hono';
import { audit } from '../audit/audit.js';
import { withTenant } from '../db/tenant-scope.js';
import type { PlatformRegistry } from '../tenancy/platforms.js';
import type { TransitionAudit } from './lifecycle.js';

/**
 * The audit hook of a plugin transition made by a request (the management API, the admin console): each one goes
 * to the audit log (`plugin.install`, `plugin.enable`…) in the transition's transaction, with the request's actor.
 */
export function auditedTransition(c: Context, platforms: PlatformRegistry): TransitionAudit {
  return async (trx, t) => {
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
      }),
    );
  };
}
