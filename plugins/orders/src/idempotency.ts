import crypto from 'node:crypto';
import type { Knex, PluginContext } from '@orion/sdk';
import { OrderErrors } from './errors.js';
import { T } from './rows.js';

/** An in-flight key older than this is taken to be abandoned (its process died) and may be claimed again. */
const ABANDONED_AFTER_S = 120;

/** JSON with object keys sorted, so the same payload always hashes the same whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const requestHash = (payload: unknown) =>
  crypto.createHash('sha256').update(canonicalJson(payload)).digest('hex');

export type Claim = { kind: 'claimed' } | { kind: 'replay'; orderId: number };

/**
 * Claims an idempotency key for a request, in a short transaction of its own so that a second request sees it at
 * once: the same key with another payload is `ORDERS_IDEMPOTENCY_MISMATCH` (422), a key whose order is still being
 * placed is `ORDERS_IDEMPOTENCY_IN_FLIGHT` (409), a key whose order exists gives that order back.
 */
export async function claimKey(ctx: PluginContext, vendorId: number, key: string, hash: string): Promise<Claim> {
  return ctx.withTenant({ vendorId }, async (trx) => {
    const inserted = await trx(T.keys)
      .insert({ vendor_id: vendorId, key, request_hash: hash })
      .onConflict(['vendor_id', 'key'])
      .ignore()
      .returning('key');
    if (inserted.length) return { kind: 'claimed' } as const;
    const row = await trx(T.keys)
      .where({ vendor_id: vendorId, key })
      .forUpdate()
      .first<{ request_hash: string; status: string; order_id: number | string | null; created_at: Date }>();
    if (!row) throw OrderErrors.IdempotencyInFlight({ key });
    if (row.request_hash !== hash) throw OrderErrors.IdempotencyMismatch({ key });
    if (row.status === 'completed' && row.order_id !== null) return { kind: 'replay', orderId: Number(row.order_id) };
    const age = (Date.now() - new Date(row.created_at).getTime()) / 1000;
    if (age < ABANDONED_AFTER_S) throw OrderErrors.IdempotencyInFlight({ key });
    await trx(T.keys).where({ vendor_id: vendorId, key }).update({ created_at: trx.fn.now() });
    return { kind: 'claimed' } as const;
  });
}

/** Marks the key done, in the order's own transaction: the key and the order commit together. */
export async function completeKey(trx: Knex, vendorId: number, key: string, orderId: number): Promise<void> {
  await trx(T.keys).where({ vendor_id: vendorId, key }).update({ status: 'completed', order_id: orderId });
}

/** Frees a key whose order failed (out of stock, declined), so the customer may retry with it. */
export async function releaseKey(ctx: PluginContext, vendorId: number, key: string): Promise<void> {
  await ctx.withTenant({ vendorId }, (trx) =>
    trx(T.keys).where({ vendor_id: vendorId, key, status: 'in_flight' }).delete(),
  );
}
