import type { Context } from 'hono';
import type { Knex } from 'knex';
import { clientIp } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';

/** One write to record: what was done to which target, and the target before and after. */
export interface AuditEntry {
  /** `<area>.<thing>.<verb>`, such as `tenancy.vendor.suspended` or `team.member.invited`. */
  action: string;
  targetType?: string;
  targetId?: string | number;
  /** The vendor whose data changed; its own audit log shows the entry. */
  vendorId?: number;
  platformId?: number;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
  /** Who acted, when no signed-in principal did (the CLI names itself `cli:<user>`). */
  actor?: string;
}

function actorOf(principal: Principal | undefined): { userId: number | null; label: string } {
  switch (principal?.kind) {
    case 'admin':
    case 'vendorUser':
      return { userId: principal.userId, label: principal.email };
    case 'apiKey':
      return { userId: null, label: `api-key:${principal.keyId}` };
    case 'customer':
      return { userId: null, label: `customer:${principal.customerId}` };
    default:
      return { userId: null, label: 'system' };
  }
}

/**
 * Appends an entry to the audit log, with the actor, address, user agent and request id taken from the request.
 * Pass the transaction that made the change, so that the entry exists exactly when the change does.
 */
export async function audit(db: Knex, c: Context | undefined, entry: AuditEntry): Promise<void> {
  const principal = c?.get('principal');
  const actor = !principal && entry.actor ? { userId: null, label: entry.actor } : actorOf(principal);
  await db('audit_log').insert({
    actor_user_id: actor.userId,
    actor_label: actor.label,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId === undefined ? null : String(entry.targetId),
    vendor_id: entry.vendorId ?? null,
    platform_id: entry.platformId ?? c?.get('platform')?.id ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    details: JSON.stringify(entry.details ?? {}),
    ip: c ? (clientIp(c) ?? null) : null,
    user_agent: c?.req.header('user-agent')?.slice(0, 512) ?? null,
    request_id: c?.get('requestId') ?? null,
  });
}
