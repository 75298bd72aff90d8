/**
 * Whether `err` is PostgreSQL's unique violation (SQLSTATE 23505), and on which constraint or column when the
 * driver says so. A check-then-insert leaves a window for a concurrent request: the unique index catches it, and
 * the caller turns it into the same 409 the check gives, never a 500.
 */
export function uniqueViolation(err: unknown): { constraint: string } | undefined {
  const e = err as { code?: unknown; constraint?: unknown; detail?: unknown } | undefined;
  if (e?.code !== '23505') return undefined;
  return { constraint: `${String(e.constraint ?? '')} ${String(e.detail ?? '')}` };
}
