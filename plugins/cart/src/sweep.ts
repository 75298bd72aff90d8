import type { PluginContext } from '@orion/sdk';
import { releaseHolds } from './check.js';
import { deleteExpired } from './store.js';

/** How often every vendor's expired guest carts are deleted. Carts also expire on access; this catches the rest. */
export const SWEEP_EVERY_MS = 60 * 60 * 1000;

let timer: NodeJS.Timeout | undefined;

/**
 * Deletes the open guest carts whose expiry (last use + `guestCartTtlHours`) has passed, of one vendor or of all,
 * and lets their stock holds go; returns how many went. The service's `purgeExpired`.
 */
export async function purgeExpired(ctx: PluginContext, vendorId?: number): Promise<number> {
  const gone = await (vendorId === undefined
    ? ctx.withTenant({ bypass: true, reason: 'cart: delete expired guest carts' }, (trx) => deleteExpired(trx))
    : ctx.withTenant({ vendorId }, (trx) => deleteExpired(trx, vendorId)));
  await releaseHolds(ctx, gone);
  return gone.length;
}

/** The hourly sweep: `purgeExpired` over every vendor, logged. */
export async function sweepExpired(ctx: PluginContext): Promise<number> {
  const n = await purgeExpired(ctx);
  if (n) ctx.logger.info({ deleted: n }, 'cart: expired guest carts deleted');
  return n;
}

/** Starts the hourly sweep (once the kernel has started); the timer does not keep the process alive. */
export function startSweep(ctx: PluginContext): void {
  stopSweep();
  timer = setInterval(() => {
    sweepExpired(ctx).catch((err) => ctx.logger.error({ err }, 'cart: sweep failed'));
  }, SWEEP_EVERY_MS);
  timer.unref();
}

export function stopSweep(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}
