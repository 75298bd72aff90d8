import type { Context } from 'hono';

/** Who made a change, for the history: a team member's email, `api-key:<id>`, `customer:<id>` or `system`. */
export function actorOf(c: Context): string {
  const p = c.get('principal');
  if (!p) return 'guest';
  if (p.kind === 'apiKey') return `api-key:${p.keyId}`;
  if (p.kind === 'customer') return `customer:${p.customerId}`;
  return p.email;
}
