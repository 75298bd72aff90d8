import type { Context } from 'hono';

/** Who made a change, for the history: a team member's email, `api-key:<id>`, or `system`. */
export function actorOf(c: Context): string {
  const p = c.get('principal');
  if (!p) return 'system';
  if (p.kind === 'apiKey') return `api-key:${p.keyId}`;
  return p.email;
}
